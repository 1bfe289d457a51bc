/** @file arc_intersection.h
 * @brief Whether two geodesic arcs on the sphere meet.
 */
#pragma once

#include "geo/vec3.h"

namespace stac2h3::geo {

/**
 * True when the closed geodesic arcs a→b and c→d share a point (they cross, touch, or overlap
 * along one great circle).
 * @param a, b, c, d  unit vectors; each arc shorter than a half circle.
 */
bool arcsIntersect(const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& d);

}  // namespace stac2h3::geo
