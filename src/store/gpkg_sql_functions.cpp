/** @file gpkg_sql_functions.cpp
 * @brief ST_IsEmpty / ST_MinX / ST_MaxX / ST_MinY / ST_MaxY over GeoPackage blobs.
 */
#include "store/gpkg_sql_functions.h"

#include <exception>
#include <span>

#include "store/gpkg_geometry.h"
#include "util/error.h"

namespace stac2h3::store {
namespace {

enum class Bound { kIsEmpty, kMinX, kMaxX, kMinY, kMaxY };

void evaluate(sqlite3_context* context, int argc, sqlite3_value** argv) {
  if (argc != 1 || sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
    sqlite3_result_null(context);
    return;
  }
  const auto* data = static_cast<const uint8_t*>(sqlite3_value_blob(argv[0]));
  const std::span<const uint8_t> blob(data, static_cast<size_t>(sqlite3_value_bytes(argv[0])));
  try {
    const Envelope envelope = gpkgEnvelope(blob);
    switch (*static_cast<const Bound*>(sqlite3_user_data(context))) {
      case Bound::kIsEmpty:
        sqlite3_result_int(context, envelope.empty ? 1 : 0);
        return;
      case Bound::kMinX:
        sqlite3_result_double(context, envelope.min_x);
        return;
      case Bound::kMaxX:
        sqlite3_result_double(context, envelope.max_x);
        return;
      case Bound::kMinY:
        sqlite3_result_double(context, envelope.min_y);
        return;
      case Bound::kMaxY:
        sqlite3_result_double(context, envelope.max_y);
        return;
    }
  } catch (const std::exception& e) {
    sqlite3_result_error(context, e.what(), -1);
  }
}

}  // namespace

void registerGpkgSqlFunctions(sqlite3* db) {
  static const Bound kBounds[] = {Bound::kIsEmpty, Bound::kMinX, Bound::kMaxX, Bound::kMinY,
                                  Bound::kMaxY};
  static const char* const kNames[] = {"ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"};
  for (int i = 0; i < 5; ++i) {
    if (sqlite3_create_function(db, kNames[i], 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                const_cast<Bound*>(&kBounds[i]), evaluate, nullptr,
                                nullptr) != SQLITE_OK) {
      throw Error(std::string("cannot register SQL function ") + kNames[i]);
    }
  }
}

}  // namespace stac2h3::store
