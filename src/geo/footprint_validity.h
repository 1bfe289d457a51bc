/** @file footprint_validity.h
 * @brief Whether a footprint is a usable polygon on the sphere: no degenerate or
 * self-intersecting rings, holes inside their outer ring.
 */
#pragma once

#include <string>

#include "geo/geometry.h"

namespace stac2h3::geo {

/**
 * Checks a footprint as the cover reads it (on the sphere, geodesic edges, so rings that cross
 * the antimeridian unsplit or hold a pole are fine). Invalid: a vertex that is not a position
 * (not finite, or latitude beyond ±90°); a ring with fewer than 3
 * distinct vertices or zero area; an edge of a quarter circle or longer; two edges of one ring
 * that meet other than at their shared vertex; a hole that meets its outer ring or lies
 * outside it. Whether separate parts overlap is not checked (split halves share edges).
 * @param footprint  the footprint.
 * @param reason     when not null and the footprint is invalid, receives a one-line reason
 *                   naming the part and ring, e.g. "polygon 0 outer ring: edges 1 and 3
 *                   intersect".
 * @return true when valid; an empty footprint is invalid.
 */
bool isValidFootprint(const MultiPolygon& footprint, std::string* reason);

}  // namespace stac2h3::geo
