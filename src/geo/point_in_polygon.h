/** @file point_in_polygon.h
 * @brief Whether a point of the sphere lies inside a ring or a polygon with geodesic edges.
 */
#pragma once

#include <span>

#include "geo/spherical_polygon.h"
#include "geo/vec3.h"

namespace stac2h3::geo {

/**
 * True when p lies in the region on the left of a counter-clockwise ring (see
 * SphericalPolygon). Points on an edge may go either way.
 * @param ring  canonical ring of unit vectors, at least 3 vertices.
 * @param p     unit vector.
 */
bool ringContains(std::span<const Vec3> ring, const Vec3& p);

/** True when p lies inside the outer ring and outside every hole. */
bool polygonContains(const SphericalPolygon& polygon, const Vec3& p);

}  // namespace stac2h3::geo
