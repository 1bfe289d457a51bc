/** @file spherical_area.h
 * @brief Exact areas (solid angles) of spherical triangles and rings with geodesic edges.
 */
#pragma once

#include <span>

#include "geo/vec3.h"

namespace stac2h3::geo {

/**
 * Signed area of the spherical triangle a, b, c on the unit sphere (steradians), with
 * geodesic sides: positive when a, b, c run counter-clockwise seen from outside.
 * @param a, b, c  unit vectors, no two of them antipodal.
 * @return the area in (-2π, 2π].
 */
double triangleSignedArea(const Vec3& a, const Vec3& b, const Vec3& c);

/**
 * Signed area of a closed ring with geodesic edges on the unit sphere: the area on its left
 * (counter-clockwise positive), reduced to [-2π, 2π], so that a ring traversed clockwise
 * gives minus the area of the smaller region it bounds.
 * @param ring  open ring of unit vectors (the closing edge is implied); fewer than three
 *              vertices give 0.
 */
double ringSignedArea(std::span<const Vec3> ring);

}  // namespace stac2h3::geo
