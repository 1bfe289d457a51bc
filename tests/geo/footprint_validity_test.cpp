/** @file footprint_validity_test.cpp
 * @brief Valid and invalid footprints, and arcs intersecting on the sphere.
 */
#include "geo/footprint_validity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "geo/arc_intersection.h"
#include "geo/sphere_coords.h"
#include "test_footprints.h"

namespace stac2h3::geo {
namespace {

bool valid(const MultiPolygon& footprint, std::string* reason = nullptr) {
  return isValidFootprint(footprint, reason);
}

TEST(ArcsIntersect, CrossTouchMissAntipode) {
  auto v = [](double lon, double lat) { return toVec3(LonLat{lon, lat}); };
  EXPECT_TRUE(arcsIntersect(v(0, 0), v(2, 2), v(0, 2), v(2, 0)));
  EXPECT_TRUE(arcsIntersect(v(0, 0), v(2, 0), v(1, 0), v(1, 1)));   // T junction
  EXPECT_TRUE(arcsIntersect(v(0, 0), v(2, 0), v(1, 0), v(3, 0)));   // overlap on one circle
  EXPECT_FALSE(arcsIntersect(v(0, 0), v(2, 0), v(3, 0), v(4, 0)));  // one circle, apart
  EXPECT_FALSE(arcsIntersect(v(0, 0), v(2, 2), v(3, 0), v(5, 2)));
  // The great circles meet at (180, 0) too, but the arcs do not reach it.
  EXPECT_FALSE(arcsIntersect(v(-10, 0), v(10, 0), v(170, -5), v(175, 5)));
}

TEST(ArcsIntersect, NearlyOneGreatCircleApart) {
  // Vertices 10 km apart along a meridian, each off it by rounding (up to 1e-8°, as
  // footprints are stored): arcs 0-1 and 2-3 lie 10 km apart on (almost) one great circle.
  // Their circles' crossing is then rounding noise and must not decide the answer.
  auto v = [](double lon, double lat) { return toVec3(LonLat{lon, lat}); };
  int reported = 0;
  for (int k = 0; k < 2000; ++k) {
    auto wobble = [k](int i) { return 1e-8 * std::sin(12.9898 * (4 * k + i) + 78.233); };
    const double step = 0.09;  // degrees: 10 km
    const double lat0 = 40 + 0.001 * k;
    reported += arcsIntersect(v(9 + wobble(0), lat0), v(9 + wobble(1), lat0 + step),
                              v(9 + wobble(2), lat0 + 2 * step), v(9 + wobble(3), lat0 + 3 * step))
                    ? 1
                    : 0;
  }
  EXPECT_EQ(reported, 0);
  // Arcs crossing at a tiny angle still meet.
  EXPECT_TRUE(
      arcsIntersect(v(9 - 1e-9, 40), v(9 + 1e-9, 40.2), v(9 + 1e-9, 40), v(9 - 1e-9, 40.2)));
}

TEST(IsValidFootprint, PlainAntimeridianAndPolar) {
  EXPECT_TRUE(valid(MultiPolygon{{test::lonLatBox(0, 0, 1, 1)}}));
  EXPECT_TRUE(
      valid(MultiPolygon{{Polygon{{{179.5, 10}, {-179.5, 10}, {-179.5, 11}, {179.5, 11}}, {}}}}));
  EXPECT_TRUE(valid(MultiPolygon{{Polygon{
      {{-180, 85}, {-90, 85}, {0, 85}, {90, 85}, {180, 85}, {180, 90}, {-180, 90}}, {}}}}));
  EXPECT_TRUE(valid(
      MultiPolygon{{test::lonLatBox(179.5, 10, 180, 11), test::lonLatBox(-180, 10, -179.5, 11)}}));
  // Repeated vertices are not an error.
  EXPECT_TRUE(valid(MultiPolygon{{Polygon{{{0, 0}, {1, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}, {}}}}));
}

TEST(IsValidFootprint, Invalid) {
  std::string reason;
  EXPECT_FALSE(valid(MultiPolygon{}, &reason));
  EXPECT_FALSE(valid(MultiPolygon{{Polygon{{{0, 0}, {1, 1}, {1, 0}, {0, 1}}, {}}}}, &reason));
  EXPECT_EQ(reason, "polygon 0 outer ring: edges 0 and 2 intersect");
  EXPECT_FALSE(valid(MultiPolygon{{Polygon{{{0, 0}, {1, 1}, {0, 0}}, {}}}}, &reason));
  EXPECT_EQ(reason, "polygon 0 outer ring: fewer than 3 distinct vertices");
  EXPECT_FALSE(valid(MultiPolygon{{Polygon{{{0, 0}, {1, 0}, {2, 0}}, {}}}}, &reason));
  EXPECT_EQ(reason, "polygon 0 outer ring: zero area");
  EXPECT_FALSE(valid(MultiPolygon{{Polygon{{{0, 0}, {100, 0}, {0, 10}}, {}}}}, &reason));
  EXPECT_EQ(reason, "polygon 0 outer ring: edge 0 spans a quarter circle or more");

  EXPECT_FALSE(valid(MultiPolygon{{Polygon{{{0, 0}, {1, NAN}, {1, 1}}, {}}}}, &reason));
  EXPECT_EQ(reason, "polygon 0: a vertex is not a lon/lat position");
  EXPECT_FALSE(valid(MultiPolygon{{Polygon{{{0, 0}, {1, 91}, {1, 1}}, {}}}}, &reason));

  Polygon holed = test::lonLatBox(0, 0, 10, 10);
  holed.holes.push_back(test::lonLatBox(20, 2, 24, 4).outer);
  EXPECT_FALSE(valid(MultiPolygon{{holed}}, &reason));
  EXPECT_EQ(reason, "polygon 0 hole 0 lies outside the outer ring");
  holed.holes[0] = test::lonLatBox(8, 2, 12, 4).outer;
  EXPECT_FALSE(valid(MultiPolygon{{holed}}, &reason));
  EXPECT_EQ(reason, "polygon 0 hole 0 meets the outer ring");
  holed.holes[0] = test::lonLatBox(2, 2, 4, 4).outer;
  EXPECT_TRUE(valid(MultiPolygon{{holed}}, &reason));
}

}  // namespace
}  // namespace stac2h3::geo
