/** @file test_fields_include.cpp
 * @brief The Fields include list covers every property the profiles read: each real item of
 * ../shared/data, trimmed to exactly what a Fields server would return for that list, parses
 * into the same Item as the whole item.
 */
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "shared_data.h"
#include "stac/item_parser.h"
#include "stac/json_object.h"
#include "stac/search_request.h"

namespace stac2h3::stac {
namespace {

/** The item as a Fields server returns it for `include` ("id", "properties.KEY", ...): the
 * listed top-level members and properties, nothing else. */
std::string trimmedTo(const std::string& item, const std::vector<std::string>& include,
                      int& dropped) {
  const auto included = [&](const std::string& path) {
    return std::find(include.begin(), include.end(), path) != include.end();
  };
  simdjson::dom::parser parser;
  const simdjson::dom::object object = parser.parse(item).get_object().value();
  std::string out = R"({"type":"Feature")";
  for (const auto field : object) {
    const std::string key(field.key);
    if (key == "properties") {
      std::string properties;
      const simdjson::dom::object members = field.value.get_object().value();
      for (const auto property : members) {
        const std::string name(property.key);
        if (!included("properties." + name)) {
          ++dropped;
          continue;
        }
        properties += (properties.empty() ? "" : ",") + jsonString(name) + ":" +
                      simdjson::minify(property.value);
      }
      out += R"(,"properties":{)" + properties + "}";
    } else if (included(key)) {
      out += "," + jsonString(key) + ":" + simdjson::minify(field.value);
    }
  }
  return out + "}";
}

bool sameValues(const Item& a, const Item& b) {
  for (int v = 0; v < kNumValues; ++v) {
    const bool both_missing = std::isnan(a.values[v]) && std::isnan(b.values[v]);
    if (!both_missing && a.values[v] != b.values[v]) return false;
  }
  return true;
}

TEST(FieldsInclude, TrimmedRealItemsParseLikeWholeOnes) {
  const std::vector<std::string> include = storedFields({});
  int items = 0;
  int dropped = 0;
  for (const char* name : {"cdse.ndjson", "earthsearch-v0-legacy.ndjson", "earthsearch-v1.ndjson",
                           "other-apis.ndjson", "planetary-computer-geoparquet-rustac.ndjson",
                           "planetary-computer.ndjson", "stactools-sentinel2.ndjson"}) {
    const auto path = test::sharedData(std::string("sentinel2-stac/items/") + name);
    STAC2H3_REQUIRE_SHARED(path);
    ItemParser parser;
    std::ifstream in(path);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      const std::string where = std::string(name) + ":" + std::to_string(number);
      Page whole;
      Page trimmed;
      parser.parseItem(line, where, whole);
      parser.parseItem(trimmedTo(line, include, dropped), where, trimmed);
      ASSERT_EQ(whole.items.size(), trimmed.items.size()) << where;
      if (whole.items.empty()) continue;
      const Item& a = whole.items[0];
      const Item& b = trimmed.items[0];
      EXPECT_EQ(a.datetime, b.datetime) << where;
      EXPECT_EQ(a.platform, b.platform) << where;
      EXPECT_EQ(a.mgrs_tile, b.mgrs_tile) << where;
      EXPECT_EQ(a.processing_baseline, b.processing_baseline) << where;
      EXPECT_TRUE(sameValues(a, b)) << where;
      EXPECT_EQ(a.footprint, b.footprint) << where;
      ++items;
    }
  }
  EXPECT_GT(items, 1700);
  // The trim is real: the sources carry many properties the table does not store.
  EXPECT_GT(dropped, 10 * items);
}

TEST(FieldsInclude, ListsEachPathOnceWithTheExtraKeys) {
  const std::vector<std::string> include = storedFields({"s2:product_uri", "eo:cloud_cover"});
  std::vector<std::string> sorted = include;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
  for (const char* wanted : {"id", "collection", "geometry", "properties.datetime",
                             "properties.start_datetime", "properties.s2:product_uri"}) {
    EXPECT_NE(std::find(include.begin(), include.end(), wanted), include.end()) << wanted;
  }
}

}  // namespace
}  // namespace stac2h3::stac
