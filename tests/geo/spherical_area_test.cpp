/** @file spherical_area_test.cpp
 * @brief Areas of spherical triangles, rings and footprints against hand-computed values.
 */
#include "geo/spherical_area.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geo/cover.h"
#include "geo/sphere_coords.h"
#include "geo/spherical_polygon.h"
#include "test_footprints.h"

namespace stac2h3::geo {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kR = h3::kEarthRadiusKm;

TEST(TriangleSignedArea, OctantIsAnEighthOfTheSphere) {
  const Vec3 x{1, 0, 0}, y{0, 1, 0}, z{0, 0, 1};
  EXPECT_NEAR(triangleSignedArea(x, y, z), kPi / 2, 1e-15);
  EXPECT_NEAR(triangleSignedArea(x, z, y), -kPi / 2, 1e-15);
}

TEST(TriangleSignedArea, LargeTriangleBeyondAHemisphereOfAngles) {
  // Three points on the equator 120° apart bound a hemisphere: 2π on one side, the sign
  // follows the orientation.
  const Vec3 a = toVec3(LonLat{0, 0}), b = toVec3(LonLat{120, 0}), c = toVec3(LonLat{-120, 0});
  EXPECT_NEAR(std::abs(triangleSignedArea(a, b, c)), 2 * kPi, 1e-12);
}

TEST(RingSignedArea, OrientationGivesTheSign) {
  const std::vector<Vec3> ccw = {toVec3(LonLat{0, 0}), toVec3(LonLat{90, 0}),
                                 toVec3(LonLat{0, 90})};
  std::vector<Vec3> cw(ccw.rbegin(), ccw.rend());
  EXPECT_NEAR(ringSignedArea(ccw), kPi / 2, 1e-15);
  EXPECT_NEAR(ringSignedArea(cw), -kPi / 2, 1e-15);
  EXPECT_EQ(ringSignedArea(std::vector<Vec3>{ccw[0], ccw[1]}), 0.0);
}

TEST(AreaKm2, OctantInEitherOrientation) {
  const double octant = 4 * kPi * kR * kR / 8;
  MultiPolygon ccw{{Polygon{{{0, 0}, {90, 0}, {0, 90}}, {}}}};
  MultiPolygon cw{{Polygon{{{0, 0}, {0, 90}, {90, 0}}, {}}}};
  EXPECT_NEAR(areaKm2(ccw) / octant, 1.0, 1e-14);
  EXPECT_NEAR(areaKm2(cw) / octant, 1.0, 1e-14);
}

/** Exact area (unit sphere) of the regular spherical n-gon with circumradius rho, by Girard's
 * theorem: half its interior angle b satisfies cot b = cos(rho) tan(π/n). */
double regularPolygonArea(int n, double rho) {
  const double half_angle = std::atan(1.0 / (std::cos(rho) * std::tan(kPi / n)));
  return 2.0 * n * half_angle - (n - 2) * kPi;
}

TEST(AreaKm2, RegularPolygonAroundThePoleIsExactAndUnderTheCap) {
  // 3600 vertices on the parallel 80°N: a regular polygon inscribed in the cap of 10°.
  const double colat = 10.0 * kPi / 180;
  Ring ring;
  for (int k = 0; k < 3600; ++k) ring.push_back({-180.0 + 0.1 * k, 80.0});
  const double area = areaKm2(MultiPolygon{{Polygon{ring, {}}}});
  EXPECT_NEAR(area / (regularPolygonArea(3600, colat) * kR * kR), 1.0, 1e-9);
  const double cap = 2 * kPi * kR * kR * (1 - std::cos(colat));
  EXPECT_LT(area, cap);
  EXPECT_NEAR(area / cap, 1.0, 1e-6);
}

TEST(AreaKm2, TinySquareMatchesThePlane) {
  // A 1 m square at the equator: the sphere's excess over the plane is ~1e-14 relative.
  const double side_deg = 0.001 / (kR * kPi / 180);
  const MultiPolygon square{{test::lonLatBox(10, 0, 10 + side_deg, side_deg)}};
  EXPECT_NEAR(areaKm2(square) / 1e-6, 1.0, 1e-9);
}

TEST(AreaKm2, HolesAreSubtractedWhateverTheirOrientation) {
  Polygon polygon = test::lonLatBox(0, 0, 10, 10);
  const double outer = areaKm2(MultiPolygon{{polygon}});
  Polygon hole_box = test::lonLatBox(2, 2, 4, 4);
  const double hole = areaKm2(MultiPolygon{{hole_box}});
  polygon.holes.push_back(hole_box.outer);
  EXPECT_NEAR(areaKm2(MultiPolygon{{polygon}}), outer - hole, 1e-9 * outer);
  std::reverse(polygon.holes[0].begin(), polygon.holes[0].end());
  EXPECT_NEAR(areaKm2(MultiPolygon{{polygon}}), outer - hole, 1e-9 * outer);
}

TEST(AreaKm2, AntimeridianSplitOrNotIsTheSame) {
  // A ring whose edge jumps from 179.5 to -179.5 is a short geodesic on the sphere, as the same
  // box at 0° shows; split at ±180 it is two boxes sharing the meridian.
  const MultiPolygon unsplit{{Polygon{{{179.5, 10}, {-179.5, 10}, {-179.5, 11}, {179.5, 11}}, {}}}};
  const MultiPolygon at_zero{{test::lonLatBox(-0.5, 10, 0.5, 11)}};
  EXPECT_NEAR(areaKm2(unsplit) / areaKm2(at_zero), 1.0, 1e-12);
  const MultiPolygon split{
      {test::lonLatBox(179.5, 10, 180, 11), test::lonLatBox(-180, 10, -179.5, 11)}};
  const MultiPolygon split_at_zero{
      {test::lonLatBox(-0.5, 10, 0, 11), test::lonLatBox(0, 10, 0.5, 11)}};
  EXPECT_NEAR(areaKm2(split) / areaKm2(split_at_zero), 1.0, 1e-12);
}

TEST(AreaKm2, PolarCapWithPoleEdgesEqualsTheSquareAroundThePole) {
  // GeoJSON's way of holding a pole in lon/lat: run along the parallel from -180 to 180, up to
  // the pole and back. On the sphere the pole edges are a spike of zero area, and the ring is
  // the regular square of circumradius 5° around the pole.
  const MultiPolygon lonlat_cap{
      {Polygon{{{-180, 85}, {-90, 85}, {0, 85}, {90, 85}, {180, 85}, {180, 90}, {-180, 90}}, {}}}};
  const MultiPolygon square{{Polygon{{{-180, 85}, {-90, 85}, {0, 85}, {90, 85}}, {}}}};
  const double exact = regularPolygonArea(4, 5 * kPi / 180) * kR * kR;
  EXPECT_NEAR(areaKm2(square) / exact, 1.0, 1e-12);
  EXPECT_NEAR(areaKm2(lonlat_cap) / exact, 1.0, 1e-12);
}

TEST(ToSpherical, DropsRepeatsAndOrientsCounterClockwise) {
  const Polygon cw_with_repeats{{{0, 0}, {0, 1}, {0, 1}, {1, 1}, {1, 0}, {0, 0}}, {}};
  const SphericalPolygon polygon = toSpherical(cw_with_repeats);
  ASSERT_EQ(polygon.outer.size(), 4u);
  EXPECT_GT(ringSignedArea(polygon.outer), 0.0);
}

}  // namespace
}  // namespace stac2h3::geo
