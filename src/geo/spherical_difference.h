/** @file spherical_difference.h
 * @brief What each footprint of a ranked list adds to those ranked before it, exact on the
 * sphere with geodesic edges.
 */
#pragma once

#include <span>
#include <vector>

#include "geo/geometry.h"

namespace stac2h3::geo {

/** Footprints farther than this from their common centre (degrees) do not fit the gnomonic
 * projection the difference is computed in (a hemisphere, with room to spare). */
inline constexpr double kMaxDifferenceRadiusDegrees = 80.0;

/** Width added to the edge-reading ambiguity below which a piece of a difference is a
 * sliver (metres): vertices of two footprints placed on one line independently disagree by a
 * few metres. */
inline constexpr double kSliverMarginMetres = 10.0;

/**
 * For footprints ranked best first, the ground each adds to those before it:
 * result[k] = ranked[k] minus the union of ranked[0..k-1].
 *
 * Exact with geodesic edges: the footprints are mapped to the gnomonic projection about their
 * common centre, where every geodesic is a straight line, GEOS takes the planar difference,
 * and the result is mapped back. Vertices of the inputs come back bit-identical, new vertices
 * (crossings of two edges) lie on both geodesics to rounding, and every edge is a geodesic
 * (a piece of an input edge). Footprints split at ±180° or crossing it unsplit are fine.
 *
 * Slivers: the same ground line is often drawn by two footprints with different vertices, and
 * a footprint's edge read as a geodesic differs from the same edge read as a straight line in
 * lon/lat (which is how most footprints were drawn) by up to ~200 m on a 110 km tile edge. A
 * piece of result[k] no wider (diameter of its largest inscribed circle) than that ambiguity —
 * the largest gap between the two readings over the edges of ranked[0..k], plus
 * kSliverMarginMetres — is such a disagreement, not ground, and is dropped.
 *
 * A footprint that is not a valid polygon in the projection (self-intersecting) loses no
 * ground and covers none for those after it; callers reject it elsewhere
 * (isValidFootprint).
 *
 * @param ranked  footprints (lon/lat, geodesic edges), best first; none may be null.
 * @return one MultiPolygon per footprint: ranked[k] itself (equal vertices) when nothing
 *         before it overlaps it, empty when nothing is left, else the difference (outer rings
 *         counter-clockwise, holes clockwise, open rings).
 * @throws stac2h3::InputError when a vertex is not a position or the footprints do not fit
 *         within kMaxDifferenceRadiusDegrees of their centre.
 */
std::vector<MultiPolygon> successiveDifferences(std::span<const MultiPolygon* const> ranked);

}  // namespace stac2h3::geo
