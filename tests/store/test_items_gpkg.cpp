/** @file test_items_gpkg.cpp
 * @brief ItemsWriter / ItemsReader: round trip, NULLs, duplicates, extra columns, resume and
 * metadata tables, bad files, and a writer SIGKILLed mid-write leaving a valid file.
 */
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <thread>

#include "items_fixture.h"
#include "rtree_check.h"
#include "store/items_gpkg.h"
#include "util/error.h"

namespace stac2h3::store {
namespace {

using test::ScratchFile;
using test::squareItem;

std::vector<stac::Item> readAll(const std::filesystem::path& path) {
  std::vector<stac::Item> items;
  readItems(path, [&](const stac::Item& item) { items.push_back(item); });
  return items;
}

/** Runs a query with plain sqlite3 (no stac2h3 code) and returns the first column as text. */
std::string sqlValue(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* statement = nullptr;
  std::string value = "<error>";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK) {
    value = "<no row>";
    if (sqlite3_step(statement) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(statement, 0);
      value = text ? reinterpret_cast<const char*>(text) : "<null>";
    }
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

TEST(ItemsGpkg, RoundTripKeepsEveryField) {
  ScratchFile file("roundtrip.gpkg");
  stac::Item a = squareItem("A", 10, 20);
  a.footprint.polygons[0].holes.push_back({{10.2, 20.2}, {10.4, 20.2}, {10.4, 20.4}});
  const stac::Item b = squareItem("B", -30, -40, 50);
  {
    ItemsWriter writer(file.path());
    EXPECT_EQ(writer.write(std::vector{a, b}), 2);
    EXPECT_EQ(writer.itemCount(), 2);
  }
  const auto items = readAll(file.path());
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].id, "A");
  EXPECT_EQ(items[0].collection, a.collection);
  EXPECT_EQ(items[0].datetime, a.datetime);
  EXPECT_EQ(items[0].platform, a.platform);
  EXPECT_EQ(items[0].mgrs_tile, a.mgrs_tile);
  EXPECT_EQ(items[0].processing_baseline, a.processing_baseline);
  EXPECT_EQ(items[0].values, a.values);
  EXPECT_EQ(items[0].footprint, a.footprint);
  EXPECT_EQ(items[1].footprint, b.footprint);
  // A single file after a clean close, marked as a GeoPackage 1.3.
  EXPECT_FALSE(std::filesystem::exists(file.path().string() + "-wal"));
  EXPECT_EQ(sqlValue(file.path(), "PRAGMA application_id"), "1196444487");
  EXPECT_EQ(sqlValue(file.path(), "PRAGMA user_version"), "10300");
  EXPECT_EQ(sqlValue(file.path(), "SELECT count(*) FROM rtree_items_geom"), "2");
  EXPECT_EQ(sqlValue(file.path(), "SELECT minx FROM rtree_items_geom WHERE id = 2"), "-30.0");
}

TEST(ItemsGpkg, MissingValuesAreNullNotZero) {
  ScratchFile file("nulls.gpkg");
  stac::Item item = squareItem("N", 0, 0);
  item.values[static_cast<int>(stac::Value::kSnowIce)] = stac::kMissing;
  item.values[static_cast<int>(stac::Value::kWater)] = 0.0;
  item.platform.clear();
  ItemsWriter(file.path()).write(std::vector{item});
  EXPECT_EQ(sqlValue(file.path(), "SELECT snow_ice IS NULL FROM items"), "1");
  EXPECT_EQ(sqlValue(file.path(), "SELECT water FROM items"), "0.0");
  EXPECT_EQ(sqlValue(file.path(), "SELECT platform IS NULL FROM items"), "1");
  const auto items = readAll(file.path());
  EXPECT_TRUE(std::isnan(items[0].value(stac::Value::kSnowIce)));
  EXPECT_EQ(items[0].value(stac::Value::kWater), 0.0);
}

TEST(ItemsGpkg, LaterCopyReplacesAndCountsOnce) {
  ScratchFile file("dupes.gpkg");
  ItemsWriter writer(file.path());
  EXPECT_EQ(writer.write(std::vector{squareItem("A", 0, 0), squareItem("B", 5, 5)}), 2);
  stac::Item newer = squareItem("A", 50, 50, 7);
  stac::Item other_collection = squareItem("A", 0, 0);
  other_collection.collection = "sentinel-2-c1-l2a";
  EXPECT_EQ(writer.write(std::vector{newer, other_collection}), 1);
  EXPECT_EQ(writer.itemCount(), 3);
  const auto items = readAll(file.path());
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].id, "A");                     // kept its place (fid) ...
  EXPECT_EQ(items[0].footprint, newer.footprint);  // ... with the later values
  EXPECT_EQ(items[0].values, newer.values);
  // The spatial index followed the update.
  EXPECT_EQ(sqlValue(file.path(), "SELECT minx FROM rtree_items_geom WHERE id = 1"), "50.0");
  EXPECT_EQ(sqlValue(file.path(), "SELECT count(*) FROM rtree_items_geom"), "3");
}

TEST(ItemsGpkg, RtreeFollowsInsertsAndReplacementsAndKeepsItsTriggers) {
  ScratchFile file("rtree.gpkg");
  const auto triggerSql = [&] {
    return sqlValue(file.path(),
                    "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT name, sql FROM "
                    "sqlite_master WHERE type = 'trigger' ORDER BY name)");
  };
  ItemsWriter writer(file.path());
  const std::string created = triggerSql();
  std::vector<stac::Item> batch;
  for (int i = 0; i < 300; ++i)
    batch.push_back(squareItem(std::to_string(i), i % 360 - 180, i % 170 - 85));
  // A later copy inside the same batch wins too.
  batch.push_back(squareItem("7", 100, 10));
  EXPECT_EQ(writer.write(batch), 300);
  EXPECT_EQ(test::rtreeProblem(file.path()), "");
  // Replace half of them with moved footprints, and add new ones.
  batch.clear();
  for (int i = 0; i < 300; i += 2) batch.push_back(squareItem(std::to_string(i), -i % 170, 20));
  for (int i = 300; i < 350; ++i) batch.push_back(squareItem(std::to_string(i), 3, 4));
  EXPECT_EQ(writer.write(batch), 50);
  EXPECT_EQ(writer.itemCount(), 350);
  EXPECT_EQ(test::rtreeProblem(file.path()), "");
  EXPECT_EQ(sqlValue(file.path(), "SELECT minx || ',' || miny FROM rtree_items_geom WHERE id = 8"),
            "100.0,10.0");
  EXPECT_EQ(sqlValue(file.path(), "SELECT minx || ',' || miny FROM rtree_items_geom WHERE id = 5"),
            "-4.0,20.0");
  // The file holds exactly the triggers it was created with (dropped and recreated inside
  // each write transaction, never committed without them).
  EXPECT_EQ(triggerSql(), created);
  EXPECT_NE(created.find("rtree_items_geom_insert"), std::string::npos);
}

TEST(ItemsGpkg, ExtraColumnsAreAddedAndReadBack) {
  ScratchFile file("extras.gpkg");
  stac::Item item = squareItem("E", 0, 0);
  item.extra = {std::string("S2B_MSIL2A.SAFE"), std::monostate{}};
  {
    ItemsWriter writer(file.path(), {"s2:product_uri", "view:sun_elevation"});
    writer.write(std::vector{item});
  }
  {
    // A key gets its column with its first value, typed by it (a number: REAL); old rows
    // have NULL there. A text value stored into a REAL column stays text.
    ItemsWriter writer(file.path(), {"s2:product_uri", "view:sun_elevation", "gsd"});
    stac::Item second = squareItem("F", 1, 1);
    second.extra = {std::monostate{}, 41.5, std::string("10 m")};
    writer.write(std::vector{second});
    stac::Item third = squareItem("G", 2, 2);
    third.extra = {std::monostate{}, std::string("high"), 10.0};
    writer.write(std::vector{third});
    EXPECT_THROW(writer.write(std::vector{item}), Error);  // two extras for three columns
  }
  ItemsReader reader(file.path());
  EXPECT_EQ(reader.extraColumns(),
            (std::vector<std::string>{"s2_product_uri", "view_sun_elevation", "gsd"}));
  stac::Item back;
  ASSERT_TRUE(reader.next(back));
  EXPECT_EQ(back.extra[0], stac::PropertyValue("S2B_MSIL2A.SAFE"));
  EXPECT_EQ(back.extra[1], stac::PropertyValue());
  EXPECT_EQ(back.extra[2], stac::PropertyValue());
  ASSERT_TRUE(reader.next(back));
  EXPECT_EQ(back.extra[1], stac::PropertyValue(41.5));
  EXPECT_EQ(back.extra[2], stac::PropertyValue("10 m"));
  ASSERT_TRUE(reader.next(back));
  EXPECT_EQ(back.extra[1], stac::PropertyValue("high"));
  EXPECT_EQ(back.extra[2], stac::PropertyValue("10.0"));  // a number in a TEXT column: text
  EXPECT_FALSE(reader.next(back));
  // Only REAL columns can be read as numbers; their text values read as NaN.
  {
    ItemsQuery numbers;
    numbers.value_columns = {"view_sun_elevation", "cloud_cover"};
    ItemsReader numeric(file.path(), numbers);
    RawItem raw;
    ASSERT_TRUE(numeric.next(raw));
    ASSERT_TRUE(numeric.next(raw));
    EXPECT_EQ(raw.numbers[0], 41.5);
    ASSERT_TRUE(numeric.next(raw));
    EXPECT_TRUE(std::isnan(raw.numbers[0]));
    numbers.value_columns = {"gsd"};
    EXPECT_THROW(ItemsReader(file.path(), numbers), InputError);  // TEXT
    numbers.value_columns = {"no_such"};
    EXPECT_THROW(ItemsReader(file.path(), numbers), InputError);
  }
  EXPECT_EQ(extraColumnName("eo:cloud cover-x"), "eo_cloud_cover_x");
  EXPECT_THROW(ItemsWriter(file.path(), {"platform"}), InputError);
}

TEST(ItemsGpkg, ReadsWithoutAllColumnsLeaveOutOnlyPlatformLinkAndExtras) {
  ScratchFile file("lean.gpkg");
  stac::Item item = squareItem("L", 3, 4);
  item.self_href = "https://example.com/items/L";
  item.values[static_cast<int>(stac::Value::kNodata)] = std::nan("");
  item.extra = {std::string("S2B_MSIL2A.SAFE"), 41.5};
  {
    ItemsWriter writer(file.path(), {"s2:product_uri", "view:sun_elevation"});
    writer.write(std::vector{item});
  }
  ItemsQuery query;
  query.value_columns = {"view_sun_elevation", "nodata", "cloud_cover"};
  ItemsReader full(file.path(), query);
  query.all_columns = false;
  ItemsReader lean(file.path(), query);
  RawItem a, b;
  ASSERT_TRUE(full.next(a));
  ASSERT_TRUE(lean.next(b));
  EXPECT_EQ(a.platform, "sentinel-2b");
  EXPECT_EQ(a.self_href, item.self_href);
  EXPECT_EQ(b.platform, "");
  EXPECT_EQ(b.self_href, "");
  EXPECT_EQ(b.fid, a.fid);
  EXPECT_EQ(b.id, "L");
  EXPECT_EQ(b.collection, a.collection);
  EXPECT_EQ(b.datetime, a.datetime);
  EXPECT_EQ(b.mgrs_tile, "05CNL");
  EXPECT_EQ(b.processing_baseline, "05.10");
  EXPECT_TRUE(
      std::equal(a.geometry.begin(), a.geometry.end(), b.geometry.begin(), b.geometry.end()));
  // The numbers, from an extra column and from value columns (one NULL), are all read.
  ASSERT_EQ(b.numbers.size(), 3u);
  EXPECT_EQ(b.numbers[0], 41.5);
  EXPECT_TRUE(std::isnan(b.numbers[1]));
  EXPECT_EQ(b.numbers[2], item.values[static_cast<int>(stac::Value::kCloudCover)]);
  for (int v = 0; v < stac::kNumValues; ++v) {
    EXPECT_EQ(std::isnan(b.values[v]), std::isnan(item.values[v]));
    if (!std::isnan(item.values[v])) {
      EXPECT_EQ(b.values[v], item.values[v]);
    }
  }
  EXPECT_FALSE(lean.next(b));
  ItemsReader lean_items(file.path(), query);
  stac::Item back;
  ASSERT_TRUE(lean_items.next(back));
  EXPECT_TRUE(back.extra.empty());
  EXPECT_EQ(back.footprint, item.footprint);
}

TEST(ItemsGpkg, ResumeAndMetadataTablesRoundTrip) {
  ScratchFile file("resume.gpkg");
  {
    ItemsWriter writer(file.path());
    EXPECT_TRUE(writer.doneSlices().empty());
    writer.markSliceDone("2024-01-01/2024-01-01");
    writer.write(std::vector{squareItem("A", 0, 0)}, "2024-01-02/2024-01-02");
    writer.setMetadata(std::string(kMetaSourceApi), "https://earth-search.aws.element84.com/v1");
    writer.setMetadata(std::string(kMetaQuery), R"({"bbox":[0,0,1,1]})");
    writer.setMetadata(std::string(kMetaQuery), R"({"bbox":[0,0,2,2]})");  // replaces
  }
  ItemsWriter reopened(file.path());
  EXPECT_EQ(reopened.doneSlices(),
            (std::set<std::string>{"2024-01-01/2024-01-01", "2024-01-02/2024-01-02"}));
  const auto metadata = readMetadata(file.path());
  EXPECT_EQ(metadata.size(), 3u);  // and the file's identity (test_items_history.cpp)
  EXPECT_EQ(metadata.count(std::string(kMetaItemsFileId)), 1u);
  EXPECT_EQ(metadata.at("query"), R"({"bbox":[0,0,2,2]})");
  EXPECT_EQ(reopened.metadata(), metadata);
}

TEST(ItemsGpkg, FailedBatchIsRolledBackWhole) {
  ScratchFile file("rollback.gpkg");
  ItemsWriter writer(file.path());
  stac::Item empty = squareItem("X", 0, 0);
  empty.footprint.polygons.clear();
  EXPECT_THROW(writer.write(std::vector{squareItem("A", 0, 0), empty}, "slice"), Error);
  EXPECT_EQ(writer.itemCount(), 0);
  EXPECT_TRUE(writer.doneSlices().empty());
}

TEST(ItemsGpkg, BadFilesGiveOneLineErrors) {
  ScratchFile text("not_a_db.gpkg");
  {
    std::ofstream out(text.path());
    out << "hello, this is not sqlite at all, just text padding to make it long enough\n";
  }
  EXPECT_THROW(ItemsReader{text.path()}, Error);
  EXPECT_THROW(ItemsWriter{text.path()}, Error);
  EXPECT_THROW(ItemsReader("/nonexistent/dir/items.gpkg"), Error);
  EXPECT_THROW(ItemsWriter("/nonexistent/dir/items.gpkg"), Error);
  ScratchFile other("other.gpkg");
  {
    sqlite3* db = nullptr;
    sqlite3_open(other.path().c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE t (a)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  try {
    ItemsWriter writer(other.path());
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("not an items GeoPackage"), std::string::npos);
  }
}

TEST(ItemsGpkg, RawReadsHandOutEqualBlobsForEqualFootprints) {
  ScratchFile file("raw.gpkg");
  stac::Item a = squareItem("A", 3, 4);
  stac::Item b = squareItem("B", 3, 4);
  stac::Item c = squareItem("C", 5, 4);
  ItemsWriter(file.path()).write(std::vector{a, b, c});
  ItemsReader reader(file.path());
  EXPECT_EQ(reader.count(), 3);
  RawItem raw;
  std::vector<std::vector<uint8_t>> blobs;
  while (reader.next(raw)) blobs.emplace_back(raw.geometry.begin(), raw.geometry.end());
  ASSERT_EQ(blobs.size(), 3u);
  EXPECT_EQ(blobs[0], blobs[1]);
  EXPECT_NE(blobs[0], blobs[2]);
}

TEST(ItemsGpkg, SigkillMidWriteLeavesEveryCommittedBatch) {
  ScratchFile file("sigkill.gpkg");
  ScratchFile progress("sigkill.progress");
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The child writes batches forever, recording each committed batch number after write()
    // returns; the parent kills it at an arbitrary moment.
    ItemsWriter writer(file.path());
    for (int batch = 0;; ++batch) {
      std::vector<stac::Item> items;
      for (int i = 0; i < 200; ++i) {
        items.push_back(squareItem(std::to_string(batch) + "-" + std::to_string(i), i % 170, 0));
      }
      writer.write(items, "slice-" + std::to_string(batch));
      std::ofstream(progress.path(), std::ios::app) << batch << "\n";
    }
  }
  // Kill it mid-stream: once it has committed a first batch (slow machines and sanitizer
  // builds take a while to start), plus a moment so the kill lands inside a later write.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline &&
         (!std::filesystem::exists(progress.path()) ||
          std::filesystem::file_size(progress.path()) == 0)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  int committed = 0;
  {
    std::ifstream in(progress.path());
    int batch = 0;
    while (in >> batch) committed = batch + 1;
  }
  ASSERT_GT(committed, 0) << "the child wrote nothing in 30 s";
  EXPECT_EQ(sqlValue(file.path(), "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(test::rtreeProblem(file.path()), "");
  ItemsWriter reopened(file.path());
  // Every batch that returned is there, whole; at most one more (committed, not yet logged).
  const int64_t count = reopened.itemCount();
  EXPECT_GE(count, 200 * committed);
  EXPECT_LE(count, 200 * (committed + 1));
  EXPECT_EQ(count % 200, 0);
  EXPECT_EQ(static_cast<int64_t>(reopened.doneSlices().size()) * 200, count);
}

}  // namespace
}  // namespace stac2h3::store

namespace stac2h3::store {
namespace {

TEST(ItemsGpkgSelfLink, StoredReadBackAndAddedToOlderFiles) {
  test::ScratchFile file("self_link.gpkg");
  stac::Item with_link = test::squareItem("L", 10, 40);
  with_link.self_href = "https://example.test/collections/c/items/L";
  {
    ItemsWriter writer(file.path());
    writer.write(std::vector<stac::Item>{with_link, test::squareItem("N", 12, 40)});
  }
  std::vector<stac::Item> read;
  readItems(file.path(), [&](const stac::Item& item) { read.push_back(item); });
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].self_href, with_link.self_href);
  EXPECT_EQ(read[1].self_href, "");

  // A file from before the column: it reads as NULL, and a writer adds it.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.path().c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "ALTER TABLE items DROP COLUMN self_href", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  read.clear();
  readItems(file.path(), [&](const stac::Item& item) { read.push_back(item); });
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].self_href, "");
  {
    ItemsWriter writer(file.path());
    writer.write(std::vector<stac::Item>{with_link});
  }
  read.clear();
  readItems(file.path(), [&](const stac::Item& item) { read.push_back(item); });
  EXPECT_EQ(read[0].self_href, with_link.self_href);
}

TEST(ItemsGpkgFilter, BoxesThroughTheRtreeAndDatetimeText) {
  test::ScratchFile file("filter.gpkg");
  stac::Item early = test::squareItem("early", 10, 40);
  early.datetime = "2025-01-01T10:00:00Z";
  stac::Item late = test::squareItem("late", 10, 40);
  late.datetime = "2025-02-01T10:00:00Z";
  stac::Item far = test::squareItem("far", 100, -40);
  far.datetime = "2025-01-05T10:00:00Z";
  {
    ItemsWriter writer(file.path());
    writer.write(std::vector<stac::Item>{early, late, far});
  }
  auto ids = [&](std::vector<std::array<double, 4>> boxes, std::string from, std::string before) {
    ItemsQuery filter;
    filter.boxes = std::move(boxes);
    filter.datetime_from = std::move(from);
    filter.datetime_before = std::move(before);
    std::vector<std::string> out;
    ItemsReader reader(file.path(), filter);
    stac::Item item;
    while (reader.next(item)) out.push_back(item.id);
    return out;
  };
  EXPECT_EQ(ids({}, "", ""), (std::vector<std::string>{"early", "late", "far"}));
  EXPECT_EQ(ids({{10.5, 40.5, 10.6, 40.6}}, "", ""), (std::vector<std::string>{"early", "late"}));
  EXPECT_EQ(ids({{10.5, 40.5, 10.6, 40.6}, {100.2, -39.8, 100.4, -39.6}}, "", ""),
            (std::vector<std::string>{"early", "late", "far"}));
  EXPECT_EQ(ids({}, "2025-01-01", "2025-02-01"), (std::vector<std::string>{"early", "far"}));
  EXPECT_EQ(ids({{11.5, 40, 12, 41}}, "", ""), std::vector<std::string>{});
}

}  // namespace
}  // namespace stac2h3::store
