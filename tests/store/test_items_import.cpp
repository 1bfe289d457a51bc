/** @file test_items_import.cpp
 * @brief importItems and simplifyItems: real files and folders, duplicates across files,
 * malformed lines (reported, skipped, the rest kept), column dropping.
 */
#include <gtest/gtest.h>
#include <simdjson.h>

#include <array>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "items_fixture.h"
#include "shared_data.h"
#include "store/items_import.h"
#include "store/items_simplify.h"
#include "store/sqlite_db.h"
#include "util/error.h"

namespace stac2h3::store {
namespace {

using test::ScratchFile;

std::filesystem::path itemsDir() {
  return test::sharedData("sentinel2-stac/items");
}

TEST(ItemsImport, EveryRealFileInOneFolderImport) {
  STAC2H3_REQUIRE_SHARED(itemsDir());
  ScratchFile file("import_all.gpkg");
  ItemsWriter writer(file.path());
  std::vector<std::string> reported;
  const ImportSummary summary = importItems(
      {itemsDir()}, {}, writer, [&](const std::string& line) { reported.push_back(line); });
  EXPECT_EQ(summary.files, 8);
  EXPECT_EQ(summary.features, 3 + 366 + 37 + 134 + 44 + 1080 + 114 + 25);
  EXPECT_EQ(summary.bad_inputs, 0);
  EXPECT_EQ(summary.skipped, 37);  // the Fields-trimmed items have no geometry
  EXPECT_EQ(static_cast<int64_t>(reported.size()), summary.skipped);
  EXPECT_EQ(summary.added + summary.replaced, summary.features - summary.skipped);
  // Planetary Computer items appear both in planetary-computer.ndjson and the geoparquet
  // reconstruction (and other files overlap): unique rows = distinct (collection, id).
  EXPECT_GT(summary.replaced, 0);
  EXPECT_EQ(writer.itemCount(), summary.added);
  std::set<std::pair<std::string, std::string>> keys;
  readItems(file.path(), [&](const stac::Item& item) {
    EXPECT_TRUE(keys.emplace(item.collection, item.id).second) << item.id;
  });
  EXPECT_EQ(static_cast<int64_t>(keys.size()), summary.added);
}

TEST(ItemsImport, ItemCollectionAndSingleItemFiles) {
  const auto page = test::sharedData(
      "sentinel2-stac/pages/earthsearch-v1/saved-itemcollection-c1-l2a-10-items.json");
  STAC2H3_REQUIRE_SHARED(page);
  ScratchFile single("single_item.json");
  {
    std::ifstream in(itemsDir() / "cdse.ndjson");
    std::string line;
    std::getline(in, line);
    std::ofstream(single.path()) << line;
  }
  ScratchFile file("import_docs.gpkg");
  ItemsWriter writer(file.path());
  const ImportSummary summary = importItems({page, single.path()}, {}, writer, {});
  EXPECT_EQ(summary.added, 11);
  EXPECT_EQ(summary.bad_inputs, 0);
}

TEST(ItemsImport, MalformedLinesAreReportedAndSkipped) {
  const auto source = itemsDir() / "planetary-computer.ndjson";
  STAC2H3_REQUIRE_SHARED(source);
  ScratchFile broken("broken.ndjson");
  {
    std::ifstream in(source);
    std::ofstream out(broken.path());
    std::string line;
    for (int i = 1; i <= 6 && std::getline(in, line); ++i) {
      if (i == 3) line = line.substr(0, line.size() / 2);  // truncated line
      if (i == 5) line = "{not json";
      out << line << "\n";
    }
    out << "\n";  // blank lines are ignored
  }
  ScratchFile file("import_broken.gpkg");
  ItemsWriter writer(file.path());
  std::vector<std::string> reported;
  const ImportSummary summary = importItems({broken.path()}, {}, writer,
                                            [&](const std::string& l) { reported.push_back(l); });
  EXPECT_EQ(summary.added, 4);
  EXPECT_EQ(summary.bad_inputs, 2);
  ASSERT_EQ(reported.size(), 2u);
  EXPECT_EQ(reported[0].rfind(broken.path().string() + ":3: malformed JSON", 0), 0u) << reported[0];
  EXPECT_EQ(reported[1].rfind(broken.path().string() + ":5: malformed JSON", 0), 0u) << reported[1];
}

TEST(ItemsImport, MissingInputIsAnInputError) {
  ScratchFile file("import_missing.gpkg");
  ItemsWriter writer(file.path());
  EXPECT_THROW(importItems({"/no/such/file.ndjson"}, {}, writer, {}), InputError);
}

TEST(ItemsImport, NumericPropertiesAreRealColumnsOfTheItemsNumbers) {
  const auto source = itemsDir() / "earthsearch-v1.ndjson";
  STAC2H3_REQUIRE_SHARED(source);
  ScratchFile file("import_numeric.gpkg");
  const std::vector<std::string> keys = {"s2:cloud_shadow_percentage", "view:sun_elevation",
                                         "view:sun_azimuth", "s2:product_uri", "eo:cloud_cover"};
  stac::ParseOptions options;
  options.extra_properties = keys;
  {
    ItemsWriter writer(file.path(), keys);
    importItems({source}, options, writer, {});
  }
  // The reference: every line's numbers read by simdjson alone, by (collection, id).
  constexpr std::array<std::string_view, 4> kNumericKeys = {
      "s2:cloud_shadow_percentage", "view:sun_elevation", "view:sun_azimuth", "eo:cloud_cover"};
  std::map<std::pair<std::string, std::string>, std::array<std::optional<double>, 4>> expected;
  simdjson::dom::parser parser;
  std::ifstream in(source);
  for (std::string line; std::getline(in, line);) {
    simdjson::dom::element root;
    ASSERT_EQ(parser.parse(line).get(root), simdjson::SUCCESS);
    std::string_view id, collection;
    if (root["id"].get(id) || root["collection"].get(collection)) continue;
    auto& numbers = expected[{std::string(collection), std::string(id)}];
    for (size_t k = 0; k < kNumericKeys.size(); ++k) {
      double number = 0;
      if (root["properties"][kNumericKeys[k]].get_double().get(number) == simdjson::SUCCESS) {
        numbers[k] = number;
      }
    }
  }
  SqliteDb db(file.path(), SQLITE_OPEN_READONLY);
  SqliteStatement types = db.prepare(
      "SELECT name, type FROM pragma_table_info('items') WHERE name IN "
      "('s2_cloud_shadow_percentage', "
      "'view_sun_elevation', 'view_sun_azimuth', 's2_product_uri', 'eo_cloud_cover')");
  std::map<std::string, std::string> declared;
  while (types.step()) declared[std::string(types.columnText(0))] = types.columnText(1);
  EXPECT_EQ(declared, (std::map<std::string, std::string>{{"eo_cloud_cover", "REAL"},
                                                          {"s2_cloud_shadow_percentage", "REAL"},
                                                          {"view_sun_azimuth", "REAL"},
                                                          {"s2_product_uri", "TEXT"},
                                                          {"view_sun_elevation", "REAL"}}));
  SqliteStatement rows = db.prepare(
      "SELECT collection, id, s2_cloud_shadow_percentage, view_sun_elevation, "
      "view_sun_azimuth, eo_cloud_cover, typeof(s2_cloud_shadow_percentage), "
      "typeof(s2_product_uri) FROM items");
  int compared = 0;
  while (rows.step()) {
    const auto found =
        expected.find({std::string(rows.columnText(0)), std::string(rows.columnText(1))});
    ASSERT_NE(found, expected.end());
    for (int k = 0; k < 4; ++k) {
      const std::optional<double> number = found->second[static_cast<size_t>(k)];
      if (!number) {
        EXPECT_TRUE(rows.columnIsNull(2 + k)) << kNumericKeys[static_cast<size_t>(k)];
        continue;
      }
      EXPECT_EQ(rows.columnType(2 + k), SQLITE_FLOAT) << kNumericKeys[static_cast<size_t>(k)];
      EXPECT_EQ(rows.columnRealOrNaN(2 + k), *number);  // bit for bit
      ++compared;
    }
    if (!rows.columnIsNull(2)) {
      EXPECT_EQ(rows.columnText(6), "real");
    }
    EXPECT_NE(rows.columnText(7), "real");  // text, or null where an item has none
  }
  EXPECT_GT(compared, 400);
}

TEST(ItemsSimplify, DropsColumnsAndStaysReadable) {
  const auto source = itemsDir() / "earthsearch-v1.ndjson";
  STAC2H3_REQUIRE_SHARED(source);
  ScratchFile full("simplify_in.gpkg");
  ScratchFile small("simplify_out.gpkg");
  stac::ParseOptions options;
  options.extra_properties = {"s2:product_uri", "view:sun_elevation"};
  {
    ItemsWriter writer(full.path(), options.extra_properties);
    importItems({source}, options, writer, {});
    writer.markSliceDone("s");
  }
  // By default the value columns stay (the six and the REAL view_sun_elevation); --keep
  // adds a text column, --drop removes value columns.
  const SimplifySummary summary = simplifyItems(
      full.path(), small.path(),
      {{"s2_product_uri"}, {"nodata", "snow_ice", "vegetation", "not_vegetated", "water"}});
  EXPECT_LT(summary.bytes_after, summary.bytes_before);
  EXPECT_EQ(summary.kept,
            (std::vector<std::string>{"fid", "geom", "id", "collection", "datetime", "cloud_cover",
                                      "s2_product_uri", "view_sun_elevation"}));
  EXPECT_EQ(summary.dropped.size(), 9u);  // 3 text, 5 value columns, self_href
  std::vector<stac::Item> before;
  readItems(full.path(), [&](const stac::Item& item) { before.push_back(item); });
  ItemsReader reader(small.path());
  EXPECT_EQ(reader.extraColumns(),
            (std::vector<std::string>{"s2_product_uri", "view_sun_elevation"}));
  stac::Item item;
  size_t i = 0;
  while (reader.next(item)) {
    ASSERT_LT(i, before.size());
    EXPECT_EQ(item.id, before[i].id);
    EXPECT_EQ(item.footprint, before[i].footprint);
    EXPECT_EQ(item.value(stac::Value::kCloudCover), before[i].value(stac::Value::kCloudCover));
    EXPECT_TRUE(std::isnan(item.value(stac::Value::kWater)));
    EXPECT_EQ(item.platform, "");
    EXPECT_EQ(item.extra[0], before[i].extra[0]);
    ++i;
  }
  EXPECT_EQ(i, before.size());
  EXPECT_THROW(ItemsWriter{small.path()}, Error);                          // cannot append
  EXPECT_THROW(simplifyItems(full.path(), small.path(), {}), InputError);  // exists
  ScratchFile other("simplify_other.gpkg");
  EXPECT_THROW(simplifyItems(full.path(), other.path(), {{"no_such"}, {}}), InputError);
  EXPECT_THROW(simplifyItems(full.path(), other.path(), {{}, {"id"}}), InputError);  // required
  EXPECT_THROW(simplifyItems(full.path(), other.path(), {{"water"}, {"water"}}), InputError);
  EXPECT_FALSE(std::filesystem::exists(other.path()));
}

}  // namespace
}  // namespace stac2h3::store
