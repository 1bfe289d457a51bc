/** @file items_history.cpp
 * @brief An items file's version and what changed since another (see items_history.h).
 */
#include "store/items_history.h"

#include "stac/utc_time.h"
#include "store/items_gpkg.h"
#include "store/items_schema.h"
#include "store/sqlite_db.h"

namespace stac2h3::store {

namespace {

/** The first datetime that parses as an instant, in the order `sql` lists them. */
std::optional<std::string> firstInstant(SqliteDb& db, const std::string& sql) {
  SqliteStatement rows = db.prepare(sql);
  while (rows.step()) {
    const std::string_view text = rows.columnText(0);
    if (stac::parseUtcMicros(text)) return std::string(text);
  }
  return std::nullopt;
}

}  // namespace

ItemsVersion readItemsVersion(const std::filesystem::path& path) {
  SqliteDb db = openItemsReadOnly(path);
  readItemsColumns(db);  // an items file
  ItemsVersion version;
  if (db.hasTable(kMetadataTable)) {
    SqliteStatement id = db.prepare("SELECT value FROM stac2h3_metadata WHERE key = ?");
    id.bindText(1, kMetaItemsFileId);
    if (id.step()) version.file_id = std::string(id.columnText(0));
  }
  SqliteStatement fid = db.prepare("SELECT coalesce(max(fid), 0) FROM items");
  fid.step();
  version.last_fid = fid.columnInt(0);
  if (db.hasTable(kReplacementsTableName)) {
    SqliteStatement seq = db.prepare("SELECT coalesce(max(seq), 0) FROM stac2h3_replacements");
    seq.step();
    version.last_replacement = seq.columnInt(0);
  }
  return version;
}

std::vector<std::string> changedDatetimes(const std::filesystem::path& path,
                                          const ItemsVersion& since, const ItemsVersion& now) {
  SqliteDb db = openItemsReadOnly(path);
  std::vector<std::string> datetimes;
  SqliteStatement added = db.prepare(
      "SELECT datetime FROM items WHERE fid > ? AND fid <= ? AND datetime IS NOT NULL");
  added.bindInt(1, since.last_fid);
  added.bindInt(2, now.last_fid);
  while (added.step()) datetimes.emplace_back(added.columnText(0));
  if (db.hasTable(kReplacementsTableName)) {
    SqliteStatement replaced = db.prepare(
        "SELECT r.datetime_before, i.datetime FROM stac2h3_replacements r "
        "LEFT JOIN items i ON i.fid = r.fid WHERE r.seq > ? AND r.seq <= ?");
    replaced.bindInt(1, since.last_replacement);
    replaced.bindInt(2, now.last_replacement);
    while (replaced.step()) {
      for (int column = 0; column < 2; ++column) {
        if (!replaced.columnIsNull(column)) datetimes.emplace_back(replaced.columnText(column));
      }
    }
  }
  return datetimes;
}

std::optional<std::pair<std::string, std::string>> datetimeExtent(
    const std::filesystem::path& path) {
  SqliteDb db = openItemsReadOnly(path);
  // Both scans walk the items_datetime index from one end; they stop at the first instant.
  auto first = firstInstant(
      db, "SELECT datetime FROM items WHERE datetime IS NOT NULL ORDER BY datetime ASC");
  auto last = firstInstant(
      db, "SELECT datetime FROM items WHERE datetime IS NOT NULL ORDER BY datetime DESC");
  if (!first || !last) return std::nullopt;
  return std::pair{std::move(*first), std::move(*last)};
}

}  // namespace stac2h3::store
