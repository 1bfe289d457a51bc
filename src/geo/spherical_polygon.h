/** @file spherical_polygon.h
 * @brief Footprint polygons as rings of unit vectors, in canonical form: no repeated
 * vertices, no spikes, every ring counter-clockwise around the region it bounds.
 */
#pragma once

#include <vector>

#include "geo/geometry.h"
#include "geo/vec3.h"

namespace stac2h3::geo {

/** An open ring of unit vectors; edges are geodesics (each shorter than a half circle). */
using SphericalRing = std::vector<Vec3>;

/** A polygon on the unit sphere. Every ring, holes included, runs counter-clockwise around the
 * region it bounds (that region on its left), so the polygon is outer minus holes. */
struct SphericalPolygon {
  SphericalRing outer;
  std::vector<SphericalRing> holes;
};

/** Two vertices closer than this (radians, about 0.06 µm on the Earth) are one point: the
 * poles at any longitude, and lon -180 / 180 at the same latitude. */
inline constexpr double kSamePointRadians = 1e-14;

/** True when the vertex is a position: finite, latitude within [-90, 90] (any finite longitude
 * is read modulo 360°). */
bool isPosition(const LonLat& point);

/**
 * Reads a lon/lat ring on the sphere: drops repeated vertices (consecutive, or equal on the
 * sphere such as ±180° and the poles) and spikes (A→B→A, as the pole edges of an unsplit polar
 * cap give), without reorienting.
 * @return the canonical ring; fewer than 3 vertices when the ring is degenerate.
 * @throws stac2h3::InputError naming the vertex when one is not a position (isPosition).
 */
SphericalRing toSphericalRing(const Ring& ring);

/**
 * Reads a polygon on the sphere. Each ring bounds the smaller of the two regions it separates,
 * whatever its orientation in the input (GeoJSON asks for counter-clockwise outer rings, real
 * data has both); it is reversed when needed to run counter-clockwise around that region.
 * Degenerate holes (fewer than 3 distinct vertices) are dropped.
 * @return the polygon; its outer ring has fewer than 3 vertices when the input's is
 *         degenerate (see isValidFootprint).
 * @throws stac2h3::InputError when a vertex is not a position.
 */
SphericalPolygon toSpherical(const Polygon& polygon);

/** The parts of a multipolygon read with toSpherical; parts whose outer ring is degenerate are
 * dropped. Throws stac2h3::InputError when a vertex is not a position. */
std::vector<SphericalPolygon> toSpherical(const MultiPolygon& footprint);

/** Area of a canonical polygon on the unit sphere (steradians): outer minus holes. */
double areaSteradians(const SphericalPolygon& polygon);

}  // namespace stac2h3::geo
