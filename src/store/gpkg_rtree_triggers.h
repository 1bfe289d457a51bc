/** @file gpkg_rtree_triggers.h
 * @brief Suspends a GeoPackage table's R-tree triggers inside one write transaction, so
 * bulk writes fill the index directly, and restores them before the commit.
 */
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "store/sqlite_db.h"

namespace stac2h3::store {

/**
 * The R-tree maintenance triggers of one feature table (`rtree_<table>_<column>_*`), as the
 * file stores them.
 *
 * Why: every row those triggers index costs SQL function calls on the geometry blob and, as
 * a trigger makes the INSERT a multi-table statement, a statement journal. A writer that
 * computes each bounding box itself drops the triggers at the start of its transaction,
 * writes the R-tree rows directly and recreates the triggers (from their stored SQL, so the
 * file keeps exactly the triggers it had) before COMMIT. The committed state therefore
 * always has its triggers and a complete index, and other writers (QGIS, GDAL) keep the
 * index right.
 */
class RtreeTriggers {
 public:
  /**
   * Reads the trigger definitions.
   * @param db     the open GeoPackage.
   * @param table  the feature table, e.g. "items".
   * @param column the geometry column, e.g. "geom".
   * @throws stac2h3::Error when sqlite_master cannot be read.
   */
  RtreeTriggers(SqliteDb& db, const std::string& table, const std::string& column);

  /** Drops every trigger. Call inside a write transaction only (the drop must never be
   * committed on its own). @throws stac2h3::Error on a database error. */
  void suspend();
  /** Recreates every trigger dropped by suspend(), in the same transaction.
   * @throws stac2h3::Error on a database error. */
  void restore();

  /** How many triggers the table has (6 in a GeoPackage 1.3 R-tree index). */
  size_t size() const { return triggers_.size(); }

 private:
  SqliteDb& db_;
  std::vector<std::pair<std::string, std::string>> triggers_;  ///< (name, CREATE sql)
};

}  // namespace stac2h3::store
