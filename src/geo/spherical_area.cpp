/** @file spherical_area.cpp
 * @brief Exact areas (solid angles) of spherical triangles and rings with geodesic edges.
 */
#include "geo/spherical_area.h"

#include <cmath>
#include <numbers>

namespace stac2h3::geo {

double triangleSignedArea(const Vec3& a, const Vec3& b, const Vec3& c) {
  // Van Oosterom and Strackee: tan(E/2) = a·(b×c) / (1 + a·b + b·c + c·a), exact for any
  // triangle. The triple product is taken on the edge vectors b-a and c-a, which keeps its
  // relative error near machine precision for tiny triangles, where a·(b×c) of three almost
  // equal vectors would cancel catastrophically.
  const double numerator = det(a, b - a, c - a);
  const double denominator = 1.0 + dot(a, b) + dot(b, c) + dot(c, a);
  return 2.0 * std::atan2(numerator, denominator);
}

double ringSignedArea(std::span<const Vec3> ring) {
  if (ring.size() < 3) return 0.0;
  // A fan from the first vertex: the signed triangle areas sum to the area on the left of the
  // ring modulo 4π. Triangles anchored at a vertex stay as small as the ring, so tiny rings
  // keep full relative precision (a far-away anchor such as a pole would not).
  double sum = 0.0;
  for (size_t i = 1; i + 1 < ring.size(); ++i) {
    sum += triangleSignedArea(ring[0], ring[i], ring[i + 1]);
  }
  return std::remainder(sum, 4.0 * std::numbers::pi);
}

}  // namespace stac2h3::geo
