/** @file test_items_history.cpp
 * @brief The items file's history (items_history.h): a new file gets a random UUID, new rows
 * show by fid, a replacement keeps its fid and is logged with the datetime it had, and a file
 * from before the history gets it from its next writer.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <string_view>

#include "items_fixture.h"
#include "store/items_gpkg.h"
#include "store/items_history.h"
#include "store/sqlite_db.h"

namespace stac2h3::store {
namespace {

using test::ScratchFile;
using test::squareItem;

/** A random (version 4) UUID in lower-case hex: 8-4-4-4-12 digits, the version digit 4, the
 * variant digit 8, 9, a or b. (No std::regex: GCC 12 warns inside it at -O1, so -Werror
 * fails the sanitizer build.) */
bool isRandomUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool dash_place = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_place != (c == '-')) return false;
    if (!dash_place && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return text[14] == '4' && std::string_view("89ab").find(text[19]) != std::string_view::npos;
}

std::vector<std::string> sorted(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  return values;
}

TEST(ItemsHistory, ANewFileHasARandomIdentityAndNoChanges) {
  ScratchFile a("history_a.gpkg");
  ScratchFile b("history_b.gpkg");
  { ItemsWriter writer(a.path()); }
  { ItemsWriter writer(b.path()); }
  const ItemsVersion version = readItemsVersion(a.path());
  EXPECT_TRUE(isRandomUuid(version.file_id)) << version.file_id;
  EXPECT_NE(version.file_id, readItemsVersion(b.path()).file_id);
  EXPECT_EQ(version.last_fid, 0);
  EXPECT_EQ(version.last_replacement, 0);
  EXPECT_FALSE(datetimeExtent(a.path()).has_value());
  // Reopening keeps the identity.
  { ItemsWriter writer(a.path()); }
  EXPECT_EQ(readItemsVersion(a.path()).file_id, version.file_id);
}

TEST(ItemsHistory, NewRowsAndReplacementsAreWhatChanged) {
  ScratchFile file("history_changes.gpkg");
  ItemsWriter writer(file.path());
  std::vector<stac::Item> first = {squareItem("a", 0, 0), squareItem("b", 2, 0)};
  first[0].datetime = "2025-01-01T10:00:00Z";
  first[1].datetime = "2025-01-02T10:00:00Z";
  writer.write(first);
  const ItemsVersion before = readItemsVersion(file.path());
  EXPECT_EQ(before.last_fid, 2);
  EXPECT_EQ(before.last_replacement, 0);

  // b moves to 1 March; c is new.
  std::vector<stac::Item> second = {squareItem("b", 2, 0, 5.0), squareItem("c", 4, 0)};
  second[0].datetime = "2025-03-01T09:00:00Z";
  second[1].datetime = "2025-02-01T10:00:00Z";
  EXPECT_EQ(writer.write(second), 1);
  const ItemsVersion after = readItemsVersion(file.path());
  EXPECT_EQ(after.file_id, before.file_id);
  // The replacement kept fid 2; c has a larger fid (an insert that met the UNIQUE rule may
  // have used one up).
  EXPECT_GT(after.last_fid, 2);
  EXPECT_EQ(writer.itemCount(), 3);
  EXPECT_EQ(after.last_replacement, 1);
  EXPECT_EQ(sorted(changedDatetimes(file.path(), before, after)),
            sorted({"2025-01-02T10:00:00Z", "2025-03-01T09:00:00Z", "2025-02-01T10:00:00Z"}));
  EXPECT_TRUE(changedDatetimes(file.path(), after, after).empty());
  const auto extent = datetimeExtent(file.path());
  ASSERT_TRUE(extent.has_value());
  EXPECT_EQ(extent->first, "2025-01-01T10:00:00Z");
  EXPECT_EQ(extent->second, "2025-03-01T09:00:00Z");
}

TEST(ItemsHistory, DatetimesThatAreNoInstantsAreNotTheExtent) {
  ScratchFile file("history_extent.gpkg");
  ItemsWriter writer(file.path());
  std::vector<stac::Item> items = {squareItem("a", 0, 0), squareItem("b", 2, 0),
                                   squareItem("c", 4, 0)};
  items[0].datetime = "2025-01-05T10:00:00Z";
  items[1].datetime = "yesterday";  // sorts after every digit
  items[2].datetime = "2025-01-07T10:00:00Z";
  writer.write(items);
  const auto extent = datetimeExtent(file.path());
  ASSERT_TRUE(extent.has_value());
  EXPECT_EQ(extent->first, "2025-01-05T10:00:00Z");
  EXPECT_EQ(extent->second, "2025-01-07T10:00:00Z");
}

TEST(ItemsHistory, AFileFromBeforeTheHistoryGetsItFromItsNextWriter) {
  ScratchFile file("history_old.gpkg");
  {
    ItemsWriter writer(file.path());
    writer.write(std::vector<stac::Item>{squareItem("a", 0, 0)});
  }
  {
    // What older versions wrote: no identity, no log, no datetime index.
    SqliteDb db(file.path(), SQLITE_OPEN_READWRITE);
    db.exec(
        "DROP TABLE stac2h3_replacements; DROP INDEX items_datetime; "
        "DELETE FROM gpkg_contents WHERE table_name = 'stac2h3_replacements'; "
        "DELETE FROM stac2h3_metadata WHERE key = 'items_file_id'");
  }
  EXPECT_EQ(readItemsVersion(file.path()).file_id, "");
  EXPECT_EQ(readItemsVersion(file.path()).last_replacement, 0);
  { ItemsWriter writer(file.path()); }
  const ItemsVersion version = readItemsVersion(file.path());
  EXPECT_EQ(version.file_id.size(), 36u);
  SqliteDb db(file.path(), SQLITE_OPEN_READONLY);
  EXPECT_TRUE(db.hasTable("stac2h3_replacements"));
  SqliteStatement index = db.prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
      "name = 'items_datetime'");
  index.step();
  EXPECT_EQ(index.columnInt(0), 1);
}

}  // namespace
}  // namespace stac2h3::store
