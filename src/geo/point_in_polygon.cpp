/** @file point_in_polygon.cpp
 * @brief Whether a point of the sphere lies inside a ring or a polygon with geodesic edges.
 */
#include "geo/point_in_polygon.h"

#include <cmath>
#include <numbers>

namespace stac2h3::geo {

bool ringContains(std::span<const Vec3> ring, const Vec3& p) {
  // Winding number seen from p: the sum of the angles at p subtended by the edges is +2π when
  // the ring runs counter-clockwise around p, 0 when it does not separate p from its
  // antipode, and -2π when it runs around the antipode (p then lies on the ring's right).
  // Unlike ray crossing this needs no outside reference point, so it works around the poles
  // and across the antimeridian alike.
  double winding = 0.0;
  for (size_t i = 0; i < ring.size(); ++i) {
    const Vec3& a = ring[i];
    const Vec3& b = ring[i + 1 == ring.size() ? 0 : i + 1];
    const double pa = dot(p, a);
    const double pb = dot(p, b);
    winding += std::atan2(det(p, a, b), dot(a, b) - pa * pb);
  }
  return winding > std::numbers::pi;
}

bool polygonContains(const SphericalPolygon& polygon, const Vec3& p) {
  if (!ringContains(polygon.outer, p)) return false;
  for (const SphericalRing& hole : polygon.holes) {
    if (ringContains(hole, p)) return false;
  }
  return true;
}

}  // namespace stac2h3::geo
