/** @file test_geojson_area.cpp
 * @brief AOI GeoJSON: Geometry, Feature, FeatureCollection -> one MultiPolygon; one-line
 * errors on bad files.
 */
#include <gtest/gtest.h>

#include <fstream>

#include "antimeridian_support.h"
#include "geo/geojson.h"
#include "util/error.h"

namespace stac2h3::geo {
namespace {

TEST(GeoJsonArea, GeometryFeatureAndCollection) {
  const MultiPolygon a = parseGeoJsonArea(
      R"({"type":"Polygon","coordinates":[[[0,0],[2,0],[2,1],[0,1],[0,0]]]})", "a");
  ASSERT_EQ(a.polygons.size(), 1u);
  EXPECT_EQ(a.polygons[0].outer.size(), 4u);  // closing vertex dropped
  const MultiPolygon b = parseGeoJsonArea(
      R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
        {"type":"Feature","properties":null,"geometry":{"type":"MultiPolygon","coordinates":[
          [[[5,5],[6,5],[6,6],[5,5]]],[[[7,7],[8,7],[8,8],[7,7]]]]}}]})",
      "b");
  EXPECT_EQ(b.polygons.size(), 3u);
  EXPECT_NEAR(test::planarArea(b), 1.5, 1e-12);
}

TEST(GeoJsonArea, SplitsAnAoiAcrossTheAntimeridian) {
  const MultiPolygon a = parseGeoJsonArea(
      R"({"type":"Polygon","coordinates":[[[170,0],[-170,0],[-170,10],[170,10],[170,0]]]})", "a");
  EXPECT_EQ(a.polygons.size(), 2u);
  EXPECT_NEAR(test::planarArea(a), 200.0, 1e-9);
}

TEST(GeoJsonArea, OneLineErrorsNamingTheFile) {
  const char* bad[] = {
      "{\"type\":\"Polygon\"",                                                // truncated
      "{\"type\":\"Point\",\"coordinates\":[1,2]}",                           // not an area
      "{\"type\":\"FeatureCollection\",\"features\":[]}",                     // nothing
      "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}",         // degenerate
      "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,95],[0,0]]]}",  // lat 95
      "{\"type\":\"Feature\",\"geometry\":null}",
      "42",
  };
  for (const char* json : bad) {
    try {
      parseGeoJsonArea(json, "aoi.geojson");
      ADD_FAILURE() << "accepted: " << json;
    } catch (const InputError& e) {
      const std::string message = e.what();
      EXPECT_EQ(message.rfind("aoi.geojson: ", 0), 0u) << message;
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    }
  }
}

TEST(GeoJsonArea, ReadsAFileAndReportsAMissingOne) {
  const auto path = std::filesystem::temp_directory_path() / "stac2h3_test_aoi.geojson";
  {
    std::ofstream out(path);
    out << R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}})";
  }
  EXPECT_EQ(readGeoJsonArea(path).polygons.size(), 1u);
  std::filesystem::remove(path);
  EXPECT_THROW(readGeoJsonArea(path), InputError);
}

}  // namespace
}  // namespace stac2h3::geo
