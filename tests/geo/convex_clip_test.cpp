/** @file convex_clip_test.cpp
 * @brief Clipping rings against convex spherical polygons, and arcs touching them.
 */
#include "geo/convex_clip.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "geo/sphere_coords.h"
#include "geo/spherical_area.h"
#include "geo/spherical_polygon.h"
#include "test_footprints.h"

namespace stac2h3::geo {
namespace {

constexpr double kPi = std::numbers::pi;

std::vector<Vec3> ring(const std::vector<LonLat>& points) {
  std::vector<Vec3> out;
  for (const LonLat& p : points) out.push_back(toVec3(p));
  return out;
}

double clippedArea(const std::vector<Vec3>& subject, const ConvexPolygon& clip) {
  std::vector<Vec3> out, scratch;
  clipRing(subject, clip, out, scratch);
  return ringSignedArea(out);
}

TEST(ClipRing, OctantAgainstTheShiftedOctant) {
  // Northern octants over lon [0, 90] and [45, 135] share the lune piece over [45, 90]: a
  // quarter of a 45° lune, π/4.
  const auto octant = ring({{0, 0}, {90, 0}, {0, 90}});
  const ConvexPolygon shifted(ring({{45, 0}, {135, 0}, {45, 90}}));
  EXPECT_NEAR(clippedArea(octant, shifted), kPi / 4, 1e-14);
}

TEST(ClipRing, InsideOutsideAndOrientation) {
  const ConvexPolygon clip(ring({{0, 0}, {10, 0}, {10, 10}, {0, 10}}));
  const auto inside = ring({{2, 2}, {4, 2}, {4, 4}, {2, 4}});
  const auto outside = ring({{20, 2}, {24, 2}, {24, 4}, {20, 4}});
  EXPECT_NEAR(clippedArea(inside, clip), ringSignedArea(inside), 1e-18);
  EXPECT_EQ(clippedArea(outside, clip), 0.0);
  const std::vector<Vec3> cw(inside.rbegin(), inside.rend());
  EXPECT_NEAR(clippedArea(cw, clip), -ringSignedArea(inside), 1e-18);
  // The subject holding the whole clip polygon gives the clip polygon.
  const auto big = ring({{-5, -5}, {15, -5}, {15, 15}, {-5, 15}});
  std::vector<Vec3> clip_ring;
  for (int i = 0; i < clip.size(); ++i) clip_ring.push_back(clip.vertex(i));
  EXPECT_NEAR(clippedArea(big, clip), ringSignedArea(clip_ring), 1e-15);
}

TEST(ClipRing, ConcaveSubjectFallingApartKeepsTheArea) {
  // A U shape whose arms leave the clip square on both sides: the clip square cuts the U's
  // base and both arms; the area equals the sum over its three convex pieces.
  const auto u = ring({{0, 0}, {6, 0}, {6, 6}, {4, 6}, {4, 2}, {2, 2}, {2, 6}, {0, 6}});
  const auto left = ring({{0, 0}, {2, 0}, {2, 6}, {0, 6}});
  const auto base = ring({{2, 0}, {4, 0}, {4, 2}, {2, 2}});
  const auto right = ring({{4, 0}, {6, 0}, {6, 6}, {4, 6}});
  const ConvexPolygon clip(ring({{1, 1}, {5, 1}, {5, 5}, {1, 5}}));
  const double pieces =
      clippedArea(left, clip) + clippedArea(base, clip) + clippedArea(right, clip);
  EXPECT_GT(pieces, 0.0);
  EXPECT_NEAR(clippedArea(u, clip) / pieces, 1.0, 1e-12);
}

TEST(ClipRing, HalvesOfASquareSumToIt) {
  // Clipping the same subject against two squares that tile a bigger one.
  const auto subject = ring({{0.3, 0.2}, {1.7, 0.9}, {0.9, 1.8}, {0.1, 1.1}});
  const ConvexPolygon west(ring({{0, 0}, {1, 0}, {1, 2}, {0, 2}}));
  const ConvexPolygon east(ring({{1, 0}, {2, 0}, {2, 2}, {1, 2}}));
  EXPECT_NEAR((clippedArea(subject, west) + clippedArea(subject, east)) / ringSignedArea(subject),
              1.0, 1e-13);
}

TEST(ArcTouches, CrossingTouchingMissing) {
  const ConvexPolygon square(ring({{0, 0}, {1, 0}, {1, 1}, {0, 1}}));
  EXPECT_TRUE(arcTouches(toVec3(LonLat{-1, 0.5}), toVec3(LonLat{2, 0.5}), square));     // across
  EXPECT_TRUE(arcTouches(toVec3(LonLat{0.2, 0.2}), toVec3(LonLat{0.3, 0.3}), square));  // inside
  EXPECT_TRUE(arcTouches(toVec3(LonLat{-1, -1}), toVec3(LonLat{0, 0}), square));        // corner
  EXPECT_FALSE(arcTouches(toVec3(LonLat{-1, 0.5}), toVec3(LonLat{-0.1, 0.5}), square));
  // Both ends outside different edges, passing the corner outside.
  EXPECT_FALSE(arcTouches(toVec3(LonLat{-0.5, 0.9}), toVec3(LonLat{0.1, 1.5}), square));
}

TEST(IsConvex, SquareAndDart) {
  EXPECT_TRUE(isConvex(ring({{0, 0}, {1, 0}, {1, 1}, {0, 1}})));
  EXPECT_FALSE(isConvex(ring({{0, 0}, {2, 0}, {1, 0.5}, {1, 2}})));
}

}  // namespace
}  // namespace stac2h3::geo
