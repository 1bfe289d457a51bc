/** @file test_antimeridian.cpp
 * @brief splitAntimeridian on hand-made rings (squares, holes, pole-encircling rings, H3-like
 * cells) and on the real unsplit footprints of ../shared/data, compared with the copies the
 * servers split themselves.
 */
#include <gtest/gtest.h>

#include "antimeridian_support.h"
#include "geo/antimeridian.h"
#include "shared_data.h"

namespace stac2h3::geo {
namespace {

using test::bounds;
using test::planarArea;

TEST(Antimeridian, DetectsJumpingRings) {
  EXPECT_TRUE(ringCrossesAntimeridian({{179, 0}, {-179, 0}, {-179, 1}, {179, 1}}));
  EXPECT_FALSE(ringCrossesAntimeridian({{179, 0}, {180, 0}, {180, 1}, {179, 1}}));
  EXPECT_FALSE(ringCrossesAntimeridian({{-10, 0}, {10, 0}, {10, 1}}));
}

TEST(Antimeridian, SplitsASquareIntoTwoHalves) {
  const Polygon square{{{179, 0}, {-179, 0}, {-179, 1}, {179, 1}}, {}};
  const MultiPolygon parts = splitAntimeridian(square);
  ASSERT_EQ(parts.polygons.size(), 2u);
  double area = 0.0;
  for (const Polygon& part : parts.polygons) {
    const auto b = bounds(part);
    EXPECT_EQ(b.min_lat, 0.0);
    EXPECT_EQ(b.max_lat, 1.0);
    const bool east = b.min_lon > 0;
    EXPECT_EQ(east ? b.max_lon : b.min_lon, east ? 180.0 : -180.0);
    EXPECT_NEAR(east ? b.min_lon : b.max_lon, east ? 179.0 : -179.0, 1e-12);
    area += planarArea(part.outer);
  }
  EXPECT_NEAR(area, 2.0, 1e-9);
}

TEST(Antimeridian, KeepsOrientation) {
  const Polygon ccw{{{179, 0}, {-179, 0}, {-179, 1}, {179, 1}}, {}};
  for (const Polygon& part : splitAntimeridian(ccw).polygons) {
    double sum = 0.0;
    for (size_t i = 0; i < part.outer.size(); ++i) {
      const auto& a = part.outer[i];
      const auto& b = part.outer[(i + 1) % part.outer.size()];
      sum += a.lon * b.lat - b.lon * a.lat;
    }
    EXPECT_GT(sum, 0.0);
  }
}

TEST(Antimeridian, SplitsHoles) {
  const Polygon holed{{{170, -5}, {-170, -5}, {-170, 5}, {170, 5}},
                      {{{178, -1}, {178, 1}, {-178, 1}, {-178, -1}}}};
  const MultiPolygon parts = splitAntimeridian(holed);
  EXPECT_NEAR(planarArea(parts), 20.0 * 10.0 - 4.0 * 2.0, 1e-9);
}

TEST(Antimeridian, ClosesARingAroundThePole) {
  // A ring at 80°N all around the globe (as an H3 cell holding the pole has).
  const Polygon cap{{{0, 80}, {90, 80}, {179, 80}, {-90, 80}}, {}};
  const MultiPolygon parts = splitAntimeridian(cap);
  ASSERT_FALSE(parts.empty());
  double min_lon = 1e9, max_lon = -1e9;
  for (const Polygon& part : parts.polygons) {
    const auto b = bounds(part);
    min_lon = std::fmin(min_lon, b.min_lon);
    max_lon = std::fmax(max_lon, b.max_lon);
    EXPECT_EQ(b.max_lat, 90.0);
    EXPECT_NEAR(b.min_lat, 80.0, 1e-12);
  }
  EXPECT_EQ(min_lon, -180.0);
  EXPECT_EQ(max_lon, 180.0);
  EXPECT_NEAR(planarArea(parts), 360.0 * 10.0, 1e-6);
}

TEST(Antimeridian, LeavesOtherShapesAlone) {
  const MultiPolygon already_split{{Polygon{{{179, 0}, {180, 0}, {180, 1}, {179, 1}}, {}},
                                    Polygon{{{-180, 0}, {-179, 0}, {-179, 1}, {-180, 1}}, {}}}};
  EXPECT_EQ(splitAntimeridian(already_split), already_split);
  const MultiPolygon plain{{Polygon{{{10, 0}, {11, 0}, {11, 1}}, {}}}};
  EXPECT_EQ(splitAntimeridian(plain), plain);
}

TEST(Antimeridian, RealUnsplitFootprintsMatchTheServersSplitCopies) {
  const auto path = test::sharedData("sentinel2-stac/items/other-apis.ndjson");
  STAC2H3_REQUIRE_SHARED(path);
  // Lines 28 and 30 are the unsplit Polygons (edges longer than 180°) of tiles 01WCR and
  // 01WCQ; lines 29 and 31 are the same footprints as the server split them.
  for (const auto& [unsplit_line, split_line] : {std::pair{28, 29}, std::pair{30, 31}}) {
    const stac::Item mine = test::itemOnLine(path, unsplit_line);
    const stac::Item theirs = test::itemOnLine(path, split_line);
    ASSERT_EQ(mine.footprint.polygons.size(), 2u) << unsplit_line;
    ASSERT_EQ(theirs.footprint.polygons.size(), 2u) << split_line;
    EXPECT_NEAR(planarArea(mine.footprint), planarArea(theirs.footprint),
                1e-6 * planarArea(theirs.footprint))
        << unsplit_line;
    for (const Polygon& part : mine.footprint.polygons) {
      const auto b = bounds(part);
      EXPECT_TRUE(b.max_lon == 180.0 || b.min_lon == -180.0) << unsplit_line;
    }
  }
}

TEST(Antimeridian, EveryRealFootprintStaysInRange) {
  for (const char* name : {"other-apis.ndjson", "stactools-sentinel2.ndjson"}) {
    const auto path = test::sharedData(std::string("sentinel2-stac/items/") + name);
    STAC2H3_REQUIRE_SHARED(path);
    std::ifstream in(path);
    std::string line;
    stac::ItemParser parser;
    stac::Page page;
    int number = 0;
    while (std::getline(in, line)) parser.parseItem(line, std::to_string(++number), page);
    for (const stac::Item& item : page.items) {
      for (const Polygon& part : item.footprint.polygons) {
        EXPECT_FALSE(ringCrossesAntimeridian(part.outer)) << item.id;
        const auto b = bounds(part);
        EXPECT_LE(b.max_lon - b.min_lon, 180.0) << item.id;
      }
    }
  }
}

}  // namespace
}  // namespace stac2h3::geo
