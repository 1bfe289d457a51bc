/** @file items_simplify.cpp
 * @brief Dropping columns from a copy of items.gpkg (sqlite ALTER TABLE DROP COLUMN, VACUUM).
 */
#include "store/items_simplify.h"

#include <algorithm>

#include "store/gpkg_sql_functions.h"
#include "store/items_gpkg.h"
#include "store/items_schema.h"
#include "store/sqlite_db.h"
#include "util/error.h"

namespace stac2h3::store {
namespace {

SimplifySummary dropColumns(const std::filesystem::path& output,
                            const std::vector<std::string>& keep) {
  SqliteDb db(output, SQLITE_OPEN_READWRITE);
  registerGpkgSqlFunctions(db.handle());
  db.exec("PRAGMA journal_mode = DELETE");
  const ItemsColumns columns = readItemsColumns(db);
  std::vector<std::string> all = columns.fixed;
  all.insert(all.end(), columns.extra.begin(), columns.extra.end());
  for (const std::string& wanted : keep) {
    if (std::find(all.begin(), all.end(), wanted) == all.end()) {
      throw InputError("--keep " + wanted + ": no such column in the items table");
    }
  }
  SimplifySummary summary;
  SqliteStatement info = db.prepare("SELECT name FROM pragma_table_info('items') ORDER BY cid");
  while (info.step()) {
    const std::string name(info.columnText(0));
    const bool required =
        std::find(kRequiredColumns.begin(), kRequiredColumns.end(), name) != kRequiredColumns.end();
    const bool kept = required || std::find(keep.begin(), keep.end(), name) != keep.end();
    (kept ? summary.kept : summary.dropped).push_back(name);
  }
  db.exec("BEGIN IMMEDIATE");
  for (const std::string& name : summary.dropped) {
    db.exec("ALTER TABLE items DROP COLUMN " + quoteIdentifier(name));
  }
  db.exec("DROP TABLE IF EXISTS stac2h3_slices");
  db.exec("DELETE FROM gpkg_contents WHERE table_name = 'stac2h3_slices'");
  db.exec("COMMIT");
  db.exec("VACUUM");
  return summary;
}

}  // namespace

SimplifySummary simplifyItems(const std::filesystem::path& input,
                              const std::filesystem::path& output,
                              const std::vector<std::string>& keep) {
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
    SimplifySummary summary = dropColumns(output, keep);
    summary.bytes_before = std::filesystem::file_size(input);
    summary.bytes_after = std::filesystem::file_size(output);
    return summary;
  } catch (...) {
    std::filesystem::remove(output);
    throw;
  }
}

}  // namespace stac2h3::store
