/** @file arc_intersection.cpp
 * @brief Whether two geodesic arcs on the sphere meet.
 */
#include "geo/arc_intersection.h"

namespace stac2h3::geo {
namespace {

/** True when p, on the great circle of the arc a→b (normal n = a×b), lies within the arc. */
bool onArc(const Vec3& a, const Vec3& b, const Vec3& n, const Vec3& p) {
  return dot(cross(a, p), n) >= 0.0 && dot(cross(p, b), n) >= 0.0 && dot(p, a + b) > 0.0;
}

}  // namespace

bool arcsIntersect(const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& d) {
  const Vec3 n1 = greatCircleNormal(a, b);
  const Vec3 n2 = greatCircleNormal(c, d);
  const double sc = dot(n1, c);
  const double sd = dot(n1, d);
  const double sa = dot(n2, a);
  const double sb = dot(n2, b);
  if ((sc > 0.0 && sd > 0.0) || (sc < 0.0 && sd < 0.0)) return false;
  if ((sa > 0.0 && sb > 0.0) || (sa < 0.0 && sb < 0.0)) return false;
  if (sc == 0.0 && sd == 0.0) {
    // One great circle: they meet when an end of one lies on the other.
    return onArc(a, b, n1, c) || onArc(a, b, n1, d) || onArc(c, d, n2, a) || onArc(c, d, n2, b);
  }
  // Each arc straddles the other's great circle, so each holds one of the two points where
  // the circles meet, ±x; they meet when it is the same point, i.e. both arcs lie on the same
  // side of the great circle through the origin perpendicular to x.
  const Vec3 x = cross(n1, n2);
  return dot(a + b, x) * dot(c + d, x) > 0.0 || onArc(a, b, n1, c) || onArc(a, b, n1, d) ||
         onArc(c, d, n2, a) || onArc(c, d, n2, b);
}

}  // namespace stac2h3::geo
