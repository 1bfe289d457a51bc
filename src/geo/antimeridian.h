/** @file antimeridian.h
 * @brief Splitting lon/lat polygons at the antimeridian: a ring that jumps across ±180° as
 * one Polygon becomes a MultiPolygon whose parts lie on either side of ±180.
 *
 * A ring "jumps" when an edge spans more than 180° of longitude: read as the short way
 * round, it crosses ±180. Such a ring is unwrapped into continuous longitudes, cut at ±180
 * (GEOS clipping, planar in lon/lat, as GeoJSON RFC 7946 §3.1.9 prescribes) and the parts
 * shifted back into [-180, 180]. A ring that winds once around a pole (an H3 cell or a
 * footprint holding the pole) is closed along the pole before cutting. Polygons that do not
 * jump, including MultiPolygons already split at ±180, are returned unchanged.
 */
#pragma once

#include <array>

#include "geo/geometry.h"

namespace stac2h3::geo {

/** True when some edge of the ring (closing edge included) spans more than 180° of
 * longitude. */
bool ringCrossesAntimeridian(const Ring& ring);

/**
 * Splits every polygon of `shape` that jumps across ±180.
 * @param shape  lon/lat polygons, vertices in [-180, 180].
 * @return the same polygons with each jumping one replaced by its parts; parts keep the
 *         input's ring orientation.
 * @throws stac2h3::Error when GEOS cannot clip (e.g. a self-intersecting ring).
 */
MultiPolygon splitAntimeridian(const MultiPolygon& shape);

/** As above for one polygon (e.g. an H3 cell boundary). */
MultiPolygon splitAntimeridian(const Polygon& polygon);

/**
 * The STAC bbox of a footprint, {west, south, east, north} over the vertices of its outer
 * rings; a footprint split at ±180° (parts touching both +180 and -180) gets west > east, as
 * the STAC spec asks.
 */
std::array<double, 4> stacBbox(const MultiPolygon& footprint);

}  // namespace stac2h3::geo
