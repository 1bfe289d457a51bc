/** @file spherical_difference_test.cpp
 * @brief successiveDifferences: exact geodesic pieces (hand-built on great circles),
 * duplicates, disjoint and contained footprints, slivers, the antimeridian.
 */
#include "geo/spherical_difference.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "geo/antimeridian.h"
#include "geo/cover.h"
#include "geo/sphere_coords.h"
#include "test_footprints.h"

namespace stac2h3::geo {
namespace {

MultiPolygon box(double west, double south, double east, double north) {
  return {{Polygon{{{west, south}, {east, south}, {east, north}, {west, north}}, {}}}};
}

std::vector<MultiPolygon> differences(const std::vector<const MultiPolygon*>& ranked) {
  return successiveDifferences(ranked);
}

bool hasVertex(const MultiPolygon& shape, const LonLat& vertex) {
  for (const Polygon& polygon : shape.polygons) {
    if (std::find(polygon.outer.begin(), polygon.outer.end(), vertex) != polygon.outer.end()) {
      return true;
    }
  }
  return false;
}

TEST(SuccessiveDifferences, IsExactOnGreatCircles) {
  // A 1° box and the same box shifted 0.5° east (edges are geodesics, not parallels). What the
  // second adds: its east half, bounded on the west by the first's meridian edge up to its
  // corner (1, 1), then along the first's top edge to where the second's top edge crosses it,
  // then along the second's top edge (which bulges above the first's east of that point).
  const MultiPolygon first = box(0.0, 0.0, 1.0, 1.0);
  const MultiPolygon second = box(0.5, 0.0, 1.5, 1.0);
  const Vec3 first_top = cross(toVec3(LonLat{0.0, 1.0}), toVec3(LonLat{1.0, 1.0}));
  const Vec3 second_top = cross(toVec3(LonLat{0.5, 1.0}), toVec3(LonLat{1.5, 1.0}));
  const LonLat crossing = toLonLat(cross(first_top, second_top));
  ASSERT_NEAR(crossing.lon, 0.75, 1e-9);  // by symmetry of the two arcs
  const MultiPolygon expected{
      {Polygon{{{1.0, 0.0}, {1.5, 0.0}, {1.5, 1.0}, crossing, {1.0, 1.0}}, {}}}};

  const auto result = differences({&first, &second});
  ASSERT_EQ(result.size(), 2u);
  EXPECT_EQ(result[0], first);
  ASSERT_EQ(result[1].polygons.size(), 1u);
  EXPECT_NEAR(areaKm2(result[1]), areaKm2(expected), 1e-9 * areaKm2(expected));
  // The second's own vertices come back bit for bit, and so does the first's corner.
  EXPECT_TRUE(hasVertex(result[1], {1.5, 0.0}));
  EXPECT_TRUE(hasVertex(result[1], {1.5, 1.0}));
  EXPECT_TRUE(hasVertex(result[1], {1.0, 1.0}));
  bool found_crossing = false;
  for (const LonLat& v : result[1].polygons[0].outer) {
    found_crossing |=
        std::abs(v.lon - crossing.lon) < 1e-12 && std::abs(v.lat - crossing.lat) < 1e-12;
  }
  EXPECT_TRUE(found_crossing);
}

TEST(SuccessiveDifferences, DuplicatesAddNothing) {
  const MultiPolygon tile = test::squareFootprint(13.0, 47.0, 55.0, 10.0);
  const auto result = differences({&tile, &tile, &tile});
  EXPECT_EQ(result[0], tile);
  EXPECT_TRUE(result[1].empty());
  EXPECT_TRUE(result[2].empty());
}

TEST(SuccessiveDifferences, DisjointFootprintsKeepTheirVertices) {
  const MultiPolygon west = box(0.0, 0.0, 1.0, 1.0);
  const MultiPolygon east = box(2.0, 0.0, 3.0, 1.0);
  const MultiPolygon touching = box(1.0, 0.0, 2.0, 1.0);  // shares an edge with each
  const auto result = differences({&west, &east, &touching});
  EXPECT_EQ(result[1], east);
  EXPECT_EQ(result[2], touching);
}

TEST(SuccessiveDifferences, ACornerInsideATileAddsNothing) {
  const MultiPolygon tile = test::squareFootprint(-105.5, 39.2, 55.0, 0.0);
  const MultiPolygon corner = test::squareFootprint(-105.8, 39.0, 10.0, 0.0);
  const auto result = differences({&tile, &corner});
  EXPECT_TRUE(result[1].empty());
  // The other way round the tile keeps all but the corner: a hole.
  const auto reversed = differences({&corner, &tile});
  ASSERT_EQ(reversed[1].polygons.size(), 1u);
  EXPECT_EQ(reversed[1].polygons[0].holes.size(), 1u);
  EXPECT_NEAR(areaKm2(reversed[1]), areaKm2(tile) - areaKm2(corner), 1e-9 * areaKm2(tile));
}

TEST(SuccessiveDifferences, DropsSliversButKeepsNarrowGround) {
  // The same tile drawn again 3 m further east: two strips 3 m wide are left, slivers.
  const MultiPolygon tile = box(10.0, 45.0, 11.0, 46.0);
  const double three_metres = 3.0 / 111'195.0 / std::cos(45.5 * std::numbers::pi / 180.0);
  const MultiPolygon shifted = box(10.0 + three_metres, 45.0, 11.0 + three_metres, 46.0);
  EXPECT_TRUE(differences({&tile, &shifted})[1].empty());
  // 2 km further east: a strip of ground 2 km wide, which is kept.
  const double two_km = 2000.0 / 111'195.0 / std::cos(45.5 * std::numbers::pi / 180.0);
  const MultiPolygon moved = box(10.0 + two_km, 45.0, 11.0 + two_km, 46.0);
  const auto result = differences({&tile, &moved});
  ASSERT_EQ(result[1].polygons.size(), 1u);
  EXPECT_NEAR(areaKm2(result[1]), 2.0 * 111.2, 2.0);
}

TEST(SuccessiveDifferences, AnInvalidFootprintNeitherLosesNorCoversGround) {
  // A bow tie (its edges cross) is rejected by the cover later: here it takes nothing from the
  // footprints after it and comes back unchanged itself.
  const MultiPolygon bow_tie{{Polygon{{{0.0, 0.0}, {1.0, 1.0}, {1.0, 0.0}, {0.0, 1.0}}, {}}}};
  const MultiPolygon square = box(0.0, 0.0, 1.0, 1.0);
  const auto first = differences({&bow_tie, &square});
  EXPECT_EQ(first[0], bow_tie);
  EXPECT_EQ(first[1], square);
  const auto second = differences({&square, &bow_tie});
  EXPECT_EQ(second[1], bow_tie);
}

/** The footprint turned 180° about the polar axis. */
MultiPolygon halfTurn(MultiPolygon shape) {
  for (Polygon& polygon : shape.polygons) {
    for (LonLat& v : polygon.outer) v.lon += v.lon > 0.0 ? -180.0 : 180.0;
  }
  return shape;
}

TEST(SuccessiveDifferences, AntimeridianGivesWhatGreenwichGives) {
  // A square across ±180 split into two parts there, and a square crossing ±180 unsplit; the
  // same pair turned half round the pole to 0°, where nothing crosses: the same areas.
  const MultiPolygon first_there =
      splitAntimeridian(test::squareFootprint(180.0, 20.0, 50.0, 10.0));
  const MultiPolygon second_there = test::squareFootprint(-179.6, 20.3, 50.0, 0.0);
  ASSERT_EQ(first_there.polygons.size(), 2u);
  const MultiPolygon first_here = halfTurn(first_there);
  const MultiPolygon second_here = halfTurn(second_there);
  const auto here = differences({&first_here, &second_here});
  const auto there = differences({&first_there, &second_there});
  ASSERT_FALSE(here[1].empty());
  EXPECT_NEAR(areaKm2(there[1]), areaKm2(here[1]), 1e-9 * areaKm2(here[1]));
  EXPECT_LT(areaKm2(here[1]), areaKm2(second_here) - 1000.0);  // they overlap much
  // The split square loses to the other what it loses at 0°: the parts are merged first.
  const auto reversed_here = differences({&second_here, &first_here});
  const auto reversed_there = differences({&second_there, &first_there});
  ASSERT_FALSE(reversed_here[1].empty());
  EXPECT_NEAR(areaKm2(reversed_there[1]), areaKm2(reversed_here[1]),
              1e-9 * areaKm2(reversed_here[1]));
}

}  // namespace
}  // namespace stac2h3::geo
