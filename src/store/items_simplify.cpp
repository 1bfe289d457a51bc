/** @file items_simplify.cpp
 * @brief Dropping columns from a copy of items.gpkg (sqlite ALTER TABLE DROP COLUMN, VACUUM).
 */
#include "store/items_simplify.h"

#include <algorithm>
#include <utility>

#include "store/gpkg_sql_functions.h"
#include "store/items_gpkg.h"
#include "store/items_schema.h"
#include "store/sqlite_db.h"
#include "util/error.h"

namespace stac2h3::store {
namespace {

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

SimplifySummary dropColumns(const std::filesystem::path& output, const SimplifyColumns& wanted) {
  SqliteDb db(output, SQLITE_OPEN_READWRITE);
  registerGpkgSqlFunctions(db.handle());
  db.exec("PRAGMA journal_mode = DELETE");
  const ItemsColumns columns = readItemsColumns(db);
  for (const auto& [flag, names] : {std::pair{"--keep", &wanted.keep}, {"--drop", &wanted.drop}}) {
    for (const std::string& name : *names) {
      if (!columns.hasAny(name)) {
        throw InputError(std::string(flag) + " " + name + ": no such column in the items table");
      }
    }
  }
  for (const std::string& name : wanted.drop) {
    if (std::find(kRequiredColumns.begin(), kRequiredColumns.end(), name) !=
        kRequiredColumns.end()) {
      throw InputError("--drop " + name + ": every items table keeps that column");
    }
    if (contains(wanted.keep, name)) throw InputError(name + ": both kept and dropped");
  }
  SimplifySummary summary;
  SqliteStatement info = db.prepare("SELECT name FROM pragma_table_info('items') ORDER BY cid");
  while (info.step()) {
    const std::string name(info.columnText(0));
    const bool required =
        std::find(kRequiredColumns.begin(), kRequiredColumns.end(), name) != kRequiredColumns.end();
    const bool kept = required || contains(wanted.keep, name) ||
                      (columns.isNumeric(name) && !contains(wanted.drop, name));
    (kept ? summary.kept : summary.dropped).push_back(name);
  }
  db.exec("BEGIN IMMEDIATE");
  for (const std::string& name : summary.dropped) {
    db.exec("ALTER TABLE items DROP COLUMN " + quoteIdentifier(name));
  }
  db.exec("DROP TABLE IF EXISTS stac2h3_slices");
  db.exec("DELETE FROM gpkg_contents WHERE table_name = 'stac2h3_slices'");
  // Another file: a cube made from the copy must not be updated from the original.
  if (db.hasTable(kMetadataTable)) {
    SqliteStatement identity = db.prepare("UPDATE stac2h3_metadata SET value = ? WHERE key = '" +
                                          std::string(kMetaItemsFileId) + "'");
    identity.bindText(1, newItemsFileId());
    identity.step();
  }
  db.exec("COMMIT");
  db.exec("VACUUM");
  return summary;
}

}  // namespace

SimplifySummary simplifyItems(const std::filesystem::path& input,
                              const std::filesystem::path& output, const SimplifyColumns& columns) {
  if (std::filesystem::exists(output)) {
    throw InputError(output.string() + ": exists already (simplify writes a new file)");
  }
  if (!std::filesystem::is_regular_file(input)) throw InputError(input.string() + ": no such file");
  {
    // VACUUM INTO copies what a reader sees, including batches still in a -wal file that a
    // killed writer left, which a file copy would miss.
    SqliteDb source(input, SQLITE_OPEN_READONLY);
    readItemsColumns(source);
    SqliteStatement copy = source.prepare("VACUUM INTO ?");
    copy.bindText(1, output.string());
    copy.step();
  }
  try {
    SimplifySummary summary = dropColumns(output, columns);
    summary.bytes_before = std::filesystem::file_size(input);
    summary.bytes_after = std::filesystem::file_size(output);
    return summary;
  } catch (...) {
    std::filesystem::remove(output);
    throw;
  }
}

}  // namespace stac2h3::store
