/** @file test_search_request.cpp
 * @brief Search bodies (read back with simdjson), the Fields include list and JsonObject's
 * overlay.
 */
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>

#include "stac/date_slices.h"
#include "stac/search_request.h"
#include "util/error.h"

namespace stac2h3::stac {
namespace {

const std::string kInterval =
    DateSlice{*parseUtcDay("2024-01-01"), *parseUtcDay("2024-01-02")}.requestInterval();

SearchQuery baseQuery() {
  SearchQuery query;
  query.api = "http://host";
  query.collections = {"sentinel-2-l2a"};
  return query;
}

TEST(SearchRequest, BboxDatetimeLimitFields) {
  SearchQuery query = baseQuery();
  query.bbox = std::array<double, 4>{-10.5, 40, 5.25, 51.125};
  query.extra_properties = {"s2:product_uri"};
  const std::string body = searchBody(query, kInterval, 250, true).dump();
  simdjson::dom::parser parser;
  const auto doc = parser.parse(body);
  EXPECT_EQ(doc["collections"].at(0).get_string().value(), "sentinel-2-l2a");
  EXPECT_EQ(doc["bbox"].at(0).get_double().value(), -10.5);
  EXPECT_EQ(doc["bbox"].at(3).get_double().value(), 51.125);
  EXPECT_EQ(doc["datetime"].get_string().value(), "2023-12-31T23:59:59Z/2024-01-02T00:00:01Z");
  EXPECT_EQ(doc["limit"].get_int64().value(), 250);
  std::vector<std::string> include;
  for (const auto field : doc["fields"]["include"].get_array()) {
    include.emplace_back(field.get_string().value());
  }
  for (const char* wanted :
       {"id", "collection", "geometry", "properties.datetime", "properties.eo:cloud_cover",
        "properties.s2:water_percentage", "properties.s2:product_uri", "properties.grid:code"}) {
    EXPECT_NE(std::find(include.begin(), include.end(), wanted), include.end()) << wanted;
  }
  EXPECT_EQ(std::find(include.begin(), include.end(), "assets"), include.end());
}

TEST(SearchRequest, PlainSearchWithoutFieldsAndWholeGlobe) {
  const std::string body = searchBody(baseQuery(), kInterval, 100, false).dump();
  EXPECT_EQ(body.find("fields"), std::string::npos);
  EXPECT_EQ(body.find("bbox"), std::string::npos);
  EXPECT_EQ(body.find("intersects"), std::string::npos);
}

TEST(SearchRequest, IntersectsIsAClosedMultiPolygon) {
  SearchQuery query = baseQuery();
  geo::MultiPolygon area;
  area.polygons.push_back({{{0, 0}, {10, 0}, {10, 10}}, {{{2, 2}, {3, 2}, {3, 3}}}});
  query.intersects = area;
  query.bbox = std::array<double, 4>{0, 0, 1, 1};  // intersects wins
  simdjson::dom::parser parser;
  const auto doc = parser.parse(searchBody(query, kInterval, 10, false).dump());
  EXPECT_TRUE(doc["bbox"].error());
  const auto geometry = doc["intersects"];
  EXPECT_EQ(geometry["type"].get_string().value(), "MultiPolygon");
  const auto outer = geometry["coordinates"].at(0).at(0).get_array().value();
  EXPECT_EQ(outer.size(), 4u);
  EXPECT_EQ(outer.at(3).at(0).get_double().value(), 0.0);
  EXPECT_EQ(geometry["coordinates"].at(0).at(1).get_array().value().size(), 4u);
}

TEST(JsonObject, OverlayReplacesInPlaceAndAppends) {
  JsonObject object;
  object.set("a", "1");
  object.set("b", "\"x\"");
  object.overlay("{\"b\": {\"k\": [1, 2]}, \"c\": null}", "test");
  EXPECT_EQ(object.dump(), "{\"a\":1,\"b\":{\"k\":[1,2]},\"c\":null}");
  object.erase("a");
  EXPECT_EQ(object.get("a"), "");
  EXPECT_THROW(object.overlay("{\"b\":", "test"), Error);
}

TEST(JsonObject, EscapesStrings) {
  EXPECT_EQ(jsonString("a\"b\\c\nd\x01"), "\"a\\\"b\\\\c\\nd\\u0001\"");
  EXPECT_EQ(jsonNumber(0.1), "0.1");
  EXPECT_EQ(jsonNumber(-180), "-180");
}

}  // namespace
}  // namespace stac2h3::stac
