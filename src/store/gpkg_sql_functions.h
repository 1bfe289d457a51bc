/** @file gpkg_sql_functions.h
 * @brief The SQL functions a GeoPackage's R-tree triggers call (ST_IsEmpty, ST_MinX,
 * ST_MaxX, ST_MinY, ST_MaxY), registered on a plain sqlite3 connection. Internal.
 */
#pragma once

#include <sqlite3.h>

namespace stac2h3::store {

/** Registers the functions on `db`. @throws stac2h3::Error when sqlite refuses. */
void registerGpkgSqlFunctions(sqlite3* db);

}  // namespace stac2h3::store
