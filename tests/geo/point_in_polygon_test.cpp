/** @file point_in_polygon_test.cpp
 * @brief Point in spherical polygon: plain, across the antimeridian, around a pole, holes.
 */
#include "geo/point_in_polygon.h"

#include <gtest/gtest.h>

#include "geo/sphere_coords.h"
#include "geo/spherical_polygon.h"
#include "test_footprints.h"

namespace stac2h3::geo {
namespace {

bool contains(const Polygon& polygon, double lon, double lat) {
  return polygonContains(toSpherical(polygon), toVec3(LonLat{lon, lat}));
}

TEST(PolygonContains, BoxInEitherOrientation) {
  Polygon box = test::lonLatBox(10, 20, 12, 22);
  EXPECT_TRUE(contains(box, 11, 21));
  EXPECT_FALSE(contains(box, 13, 21));
  EXPECT_FALSE(contains(box, 11 + 180, -21));  // the antipode of an inside point
  std::reverse(box.outer.begin(), box.outer.end());
  EXPECT_TRUE(contains(box, 11, 21));
  EXPECT_FALSE(contains(box, 13, 21));
}

TEST(PolygonContains, GeodesicEdgeNotTheParallel) {
  // The edge between (0, 60) and (20, 60) bulges poleward to about 60.38°N at lon 10.
  const Polygon box = test::lonLatBox(0, 50, 20, 60);
  EXPECT_TRUE(contains(box, 10, 60.3));
  EXPECT_FALSE(contains(box, 10, 60.6));
}

TEST(PolygonContains, UnsplitAntimeridianRing) {
  const Polygon ring{{{179.5, 10}, {-179.5, 10}, {-179.5, 11}, {179.5, 11}}, {}};
  EXPECT_TRUE(contains(ring, 180, 10.5));
  EXPECT_TRUE(contains(ring, -179.8, 10.5));
  EXPECT_FALSE(contains(ring, 0, 10.5));
  EXPECT_FALSE(contains(ring, 179, 10.5));
}

TEST(PolygonContains, RingAroundThePole) {
  const Polygon cap{{{-180, 85}, {-90, 85}, {0, 85}, {90, 85}, {180, 85}, {180, 90}, {-180, 90}},
                    {}};
  EXPECT_TRUE(contains(cap, 0, 90));
  EXPECT_TRUE(contains(cap, 123, 87));
  EXPECT_FALSE(contains(cap, 45, 85.5));  // outside the geodesic between (0,85) and (90,85)
  EXPECT_FALSE(contains(cap, 0, -90));
}

TEST(PolygonContains, Holes) {
  Polygon polygon = test::lonLatBox(0, 0, 10, 10);
  polygon.holes.push_back(test::lonLatBox(2, 2, 4, 4).outer);
  EXPECT_TRUE(contains(polygon, 1, 1));
  EXPECT_FALSE(contains(polygon, 3, 3));
  EXPECT_TRUE(contains(polygon, 5, 3));
}

}  // namespace
}  // namespace stac2h3::geo
