/** @file test_footprints.h
 * @brief Footprints for the geometry tests: geodesic squares of a given size anywhere on the
 * sphere (across the antimeridian, around a pole), lon/lat boxes.
 */
#pragma once

#include <cmath>
#include <numbers>

#include "geo/geometry.h"
#include "geo/sphere_coords.h"
#include "h3/h3.h"

namespace stac2h3::test {

inline constexpr double kRadToDeg = 180.0 / std::numbers::pi;

/**
 * A square with geodesic edges of about 2 * half_km on a side, centred at (lon, lat),
 * rotated by rotation_deg, counter-clockwise; longitudes wrapped to [-180, 180], so squares
 * near ±180° cross the antimeridian unsplit and squares at a pole hold it.
 */
inline geo::MultiPolygon squareFootprint(double lon, double lat, double half_km,
                                         double rotation_deg) {
  const geo::Vec3 c = geo::toVec3(geo::LonLat{lon, lat});
  // East and north at the centre; at a pole any orthogonal pair will do.
  geo::Vec3 east = geo::cross(geo::Vec3{0, 0, 1}, c);
  if (geo::norm(east) < 1e-12) east = geo::Vec3{0, 1, 0};
  east = geo::normalized(east);
  const geo::Vec3 north = geo::cross(c, east);
  const double radius = half_km * std::numbers::sqrt2 / h3::kEarthRadiusKm;
  geo::Ring ring;
  for (int k = 0; k < 4; ++k) {
    const double theta = (rotation_deg + 45.0 + 90.0 * k) * std::numbers::pi / 180.0;
    const geo::Vec3 d = std::cos(theta) * east + std::sin(theta) * north;
    ring.push_back(geo::toLonLat(std::cos(radius) * c + std::sin(radius) * d));
  }
  return {{geo::Polygon{ring, {}}}};
}

/** The boundary of an H3 cell as a lon/lat ring. */
inline geo::Ring cellRing(h3::Cell cell) {
  const h3::CellBoundary boundary = h3::cellToBoundary(cell);
  geo::Ring ring;
  for (int i = 0; i < boundary.count; ++i) {
    ring.push_back({boundary.verts[i].lng * kRadToDeg, boundary.verts[i].lat * kRadToDeg});
  }
  return ring;
}

/** The lon/lat box [lon0, lon1] x [lat0, lat1] as one counter-clockwise polygon (its edges
 * are geodesics between the corners). */
inline geo::Polygon lonLatBox(double lon0, double lat0, double lon1, double lat1) {
  return geo::Polygon{{{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}}, {}};
}

}  // namespace stac2h3::test
