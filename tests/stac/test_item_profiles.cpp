/** @file test_item_profiles.cpp
 * @brief Every real item file in ../shared/data parses, and each source's property names
 * land in the right Item fields (values hand-read from the files).
 */
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "shared_data.h"
#include "stac/item_parser.h"
#include "util/error.h"

namespace stac2h3::stac {
namespace {

std::filesystem::path itemsFile(const std::string& name) {
  return test::sharedData("sentinel2-stac/items/" + name);
}

/** Parses every line of an NDJSON file; returns items keyed by id. */
Page parseFile(const std::filesystem::path& path, ParseOptions options = {}) {
  ItemParser parser(std::move(options));
  std::ifstream in(path);
  std::string line;
  Page page;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    parser.parseItem(line, path.filename().string() + ":" + std::to_string(number), page);
  }
  return page;
}

const Item& byId(const Page& page, const std::string& id) {
  for (const Item& item : page.items) {
    if (item.id == id) return item;
  }
  throw std::runtime_error("no item " + id);
}

TEST(ItemProfiles, EveryRealFileParses) {
  // name -> (lines, items expected: all except the Fields-trimmed ones without geometry)
  const std::map<std::string, std::pair<int, int>> expected = {
      {"cdse.ndjson", {3, 3}},
      {"earthsearch-v0-legacy.ndjson", {366, 366}},
      {"earthsearch-v1-fields-partial.ndjson", {37, 0}},
      {"earthsearch-v1.ndjson", {134, 134}},
      {"other-apis.ndjson", {44, 44}},
      {"planetary-computer-geoparquet-rustac.ndjson", {1080, 1080}},
      {"planetary-computer.ndjson", {114, 114}},
      {"stactools-sentinel2.ndjson", {25, 25}},
  };
  for (const auto& [name, counts] : expected) {
    const auto path = itemsFile(name);
    STAC2H3_REQUIRE_SHARED(path);
    const Page page = parseFile(path);
    EXPECT_EQ(page.features, counts.first) << name;
    EXPECT_EQ(static_cast<int>(page.items.size()), counts.second) << name;
    for (const Item& item : page.items) {
      EXPECT_FALSE(item.footprint.empty()) << item.id;
      EXPECT_FALSE(item.datetime.empty()) << item.id;
      // One test fixture (an openEO Zarr sample) names neither its unit nor its tile.
      if (item.id != "s2_l2a_zarr_sample") {
        EXPECT_FALSE(item.platform.empty()) << name << " " << item.id;
        EXPECT_EQ(item.mgrs_tile.size(), 5u) << name << " " << item.id;
      }
      for (double v : item.values) {
        if (!std::isnan(v)) {
          EXPECT_TRUE(v >= 0.0 && v <= 100.0) << item.id;
        }
      }
    }
  }
}

TEST(ItemProfiles, FieldsTrimmedItemsWithoutGeometryAreSkippedWithAReason) {
  const auto path = itemsFile("earthsearch-v1-fields-partial.ndjson");
  STAC2H3_REQUIRE_SHARED(path);
  const Page page = parseFile(path);
  ASSERT_EQ(page.skipped.size(), 37u);
  EXPECT_NE(page.skipped[0].find("earthsearch-v1-fields-partial.ndjson:1"), std::string::npos);
  EXPECT_NE(page.skipped[0].find("no geometry"), std::string::npos);
}

TEST(ItemProfiles, EarthSearchV1) {
  const auto path = itemsFile("earthsearch-v1.ndjson");
  STAC2H3_REQUIRE_SHARED(path);
  const Page page = parseFile(path);
  const Item& a = byId(page, "S2A_T13TDE_20240402T174230_L2A");
  EXPECT_EQ(a.collection, "sentinel-2-c1-l2a");
  EXPECT_EQ(a.datetime, "2024-04-02T17:52:57.105000Z");
  EXPECT_EQ(a.platform, "sentinel-2a");
  EXPECT_EQ(a.mgrs_tile, "13TDE");
  EXPECT_EQ(a.processing_baseline, "05.10");
  EXPECT_DOUBLE_EQ(a.value(Value::kCloudCover), 0.118322);
  EXPECT_DOUBLE_EQ(a.value(Value::kNodata), 75.1279);
  EXPECT_DOUBLE_EQ(a.value(Value::kSnowIce), 4.603989);
  EXPECT_DOUBLE_EQ(a.value(Value::kVegetation), 7.499056);
  EXPECT_DOUBLE_EQ(a.value(Value::kNotVegetated), 83.973408);
  EXPECT_DOUBLE_EQ(a.value(Value::kWater), 3.139982);
  // "7e-06" in the file.
  EXPECT_DOUBLE_EQ(byId(page, "S2A_T13TDE_20240405T175934_L2A").value(Value::kNodata), 7e-06);
}

TEST(ItemProfiles, PlanetaryComputer) {
  const auto path = itemsFile("planetary-computer.ndjson");
  STAC2H3_REQUIRE_SHARED(path);
  const Page page = parseFile(path);
  const Item& a = byId(page, "S2A_MSIL2A_20150704T101006_R022_T35XQA_20210411T133707");
  EXPECT_EQ(a.platform, "sentinel-2a");  // "Sentinel-2A" in the file
  EXPECT_EQ(a.mgrs_tile, "35XQA");
  EXPECT_EQ(a.processing_baseline, "02.12");
  EXPECT_DOUBLE_EQ(a.value(Value::kCloudCover), 97.851394);
  EXPECT_DOUBLE_EQ(a.value(Value::kNodata), 20.722227);
  EXPECT_EQ(a.value(Value::kSnowIce), 0.0);  // a real 0, not a missing value
  EXPECT_DOUBLE_EQ(a.value(Value::kWater), 2.148608);
}

TEST(ItemProfiles, CopernicusDataSpaceStatistics) {
  const auto path = itemsFile("cdse.ndjson");
  STAC2H3_REQUIRE_SHARED(path);
  const Page page = parseFile(path);
  const Item& b = byId(page, "S2B_MSIL2A_20200322T074609_N0500_R135_T36NYH_20230612T214223");
  EXPECT_EQ(b.platform, "sentinel-2b");
  EXPECT_EQ(b.mgrs_tile, "36NYH");
  EXPECT_EQ(b.processing_baseline, "05.00");  // processing:version
  EXPECT_DOUBLE_EQ(b.value(Value::kCloudCover), 87.94);
  EXPECT_EQ(b.value(Value::kNodata), 0.0);
  EXPECT_EQ(b.value(Value::kSnowIce), 0.0);  // eo:snow_cover
  EXPECT_DOUBLE_EQ(b.value(Value::kVegetation), 8.717439);
  EXPECT_DOUBLE_EQ(b.value(Value::kNotVegetated), 3.147203);
  EXPECT_EQ(b.value(Value::kWater), 0.0);
  const Item& c = byId(page, "S2C_MSIL2A_20260527T014651_N0512_R017_T55WFR_20260527T042005");
  EXPECT_EQ(c.platform, "sentinel-2c");
  EXPECT_DOUBLE_EQ(c.value(Value::kSnowIce), 8.936413);
  EXPECT_DOUBLE_EQ(c.value(Value::kWater), 3.429567);
  EXPECT_DOUBLE_EQ(c.value(Value::kNotVegetated), 44.061872);
}

TEST(ItemProfiles, EarthSearchLegacyHasNoPercentagesButATile) {
  const auto path = itemsFile("earthsearch-v0-legacy.ndjson");
  STAC2H3_REQUIRE_SHARED(path);
  const Page page = parseFile(path);
  const Item& a = byId(page, "S2A_12JXQ_20201227_0_L2A");  // sentinel:utm_zone 12 (integer)
  EXPECT_EQ(a.mgrs_tile, "12JXQ");
  EXPECT_DOUBLE_EQ(a.value(Value::kCloudCover), 17.24);
  EXPECT_TRUE(std::isnan(a.value(Value::kNodata)));
  EXPECT_TRUE(std::isnan(a.value(Value::kWater)));
  // Only the id says anything: tile, baseline and unit come from it ("sentinel-2" refined).
  const Item& b = byId(page, "S2A_OPER_MSI_L2A_TL_SGS__20180524T190423_A015250_T26SKD_N02.08");
  EXPECT_EQ(b.mgrs_tile, "26SKD");
  EXPECT_EQ(b.processing_baseline, "02.08");
  EXPECT_EQ(b.platform, "sentinel-2a");
  int single_digit_zones = 0;
  for (const Item& item : page.items) single_digit_zones += item.mgrs_tile[0] == '0';
  EXPECT_GT(single_digit_zones, 0);  // zero-padded, e.g. sentinel:utm_zone 1 -> "01..."
}

TEST(ItemProfiles, StactoolsUnpaddedGridCode) {
  const auto path = itemsFile("stactools-sentinel2.ndjson");
  STAC2H3_REQUIRE_SHARED(path);
  const Page page = parseFile(path);
  // grid:code "MGRS-7HFE" -> "07HFE"; no collection in these files.
  const Item& a = byId(page, "S2A_MSIL2A_20190212T192651_R013_T07HFE_20201007T160857");
  EXPECT_EQ(a.mgrs_tile, "07HFE");
  EXPECT_EQ(a.collection, "");
  EXPECT_DOUBLE_EQ(a.value(Value::kWater), 48.349833);
}

TEST(ItemProfiles, OtherApisLegacySentinel2Keys) {
  const auto path = itemsFile("other-apis.ndjson");
  STAC2H3_REQUIRE_SHARED(path);
  const Page page = parseFile(path);
  const Item& a =
      byId(page, "S2A_MSIL2A_20230928T042551_N0509_R133_T54XVM_20230928T053752-calibrated");
  EXPECT_EQ(a.mgrs_tile, "54XVM");
  EXPECT_EQ(a.processing_baseline, "05.09");
  int with_sentinel2_keys = 0;
  for (const Item& item : page.items) {
    with_sentinel2_keys += !std::isnan(item.value(Value::kNodata));
  }
  EXPECT_GE(with_sentinel2_keys, 24);  // 14 s2:* + 10 sentinel2:* items
}

TEST(ItemProfiles, ExtraPropertiesKeepNumbersAndTextAndMissingStaysNull) {
  const auto path = itemsFile("earthsearch-v1.ndjson");
  STAC2H3_REQUIRE_SHARED(path);
  ParseOptions options;
  options.extra_properties = {"s2:processing_baseline", "view:sun_elevation", "no:such_key",
                              "stac_version", "instruments"};
  const Page page = parseFile(path, options);
  const Item& a = byId(page, "S2A_T13TDE_20240402T174230_L2A");
  ASSERT_EQ(a.extra.size(), 5u);
  EXPECT_EQ(a.extra[0], PropertyValue("05.10"));
  EXPECT_EQ(a.extra[1], PropertyValue(51.5374593346921));  // the item's number, exactly
  EXPECT_EQ(a.extra[2], PropertyValue());
  EXPECT_EQ(a.extra[3], PropertyValue("1.0.0"));      // top-level key
  EXPECT_EQ(a.extra[4], PropertyValue("[\"msi\"]"));  // arrays as JSON
}

TEST(ItemProfiles, NullValuesStayMissing) {
  ItemParser parser;
  Page page;
  ASSERT_TRUE(parser.parseItem(
      R"({"type":"Feature","id":"x","collection":"c","geometry":{"type":"Polygon",
      "coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"properties":{"datetime":"2024-01-01T00:00:00Z",
      "eo:cloud_cover":null,"s2:water_percentage":0,"platform":null}})",
      "inline", page));
  const Item& item = page.items[0];
  EXPECT_TRUE(std::isnan(item.value(Value::kCloudCover)));
  EXPECT_EQ(item.value(Value::kWater), 0.0);
  EXPECT_TRUE(std::isnan(item.value(Value::kNodata)));
  EXPECT_EQ(item.platform, "");
  EXPECT_EQ(item.mgrs_tile, "");
}

}  // namespace
}  // namespace stac2h3::stac
