/** @file gpkg_rtree_triggers.cpp
 * @brief Dropping and recreating a GeoPackage table's R-tree triggers within a transaction.
 */
#include "store/gpkg_rtree_triggers.h"

namespace stac2h3::store {

RtreeTriggers::RtreeTriggers(SqliteDb& db, const std::string& table, const std::string& column)
    : db_(db) {
  // GeoPackage names the triggers rtree_<t>_<c>_insert, _update1.._update7, _delete: '_' is
  // a LIKE wildcard, so match the prefix exactly with substr.
  const std::string prefix = "rtree_" + table + "_" + column + "_";
  SqliteStatement query = db_.prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
      "AND substr(name, 1, ?) = ? ORDER BY name");
  query.bindText(1, table);
  query.bindInt(2, static_cast<int64_t>(prefix.size()));
  query.bindText(3, prefix);
  while (query.step()) triggers_.emplace_back(query.columnText(0), query.columnText(1));
}

void RtreeTriggers::suspend() {
  for (const auto& [name, sql] : triggers_) db_.exec("DROP TRIGGER " + quoteIdentifier(name));
}

void RtreeTriggers::restore() {
  for (const auto& [name, sql] : triggers_) db_.exec(sql);
}

}  // namespace stac2h3::store
