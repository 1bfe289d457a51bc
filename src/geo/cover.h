/** @file cover.h
 * @brief The H3 polygon cover of a footprint, and the exact area of footprint ∩ cell for every
 * cell of it.
 *
 * Footprints are read on the sphere: edges are geodesics, each ring bounds the smaller region
 * it separates (either orientation), rings may cross the antimeridian unsplit or come split
 * into parts at ±180°, and may hold a pole. Areas are on the authalic sphere
 * (h3::kEarthRadiusKm). A cell overlaps a footprint when their intersection has positive area
 * (more than 1e-12 of the cell's area: far above rounding, far below anything measurable).
 * Parts of a multipolygon are assumed not to overlap each other (see isValidFootprint).
 */
#pragma once

#include <span>
#include <vector>

#include "geo/geometry.h"
#include "h3/h3.h"

namespace stac2h3::geo {

/**
 * Every cell of resolution res that overlaps the footprint (positive-area overlap).
 * @param footprint  the footprint; degenerate rings are ignored.
 * @param res        H3 resolution 0..15.
 * @return the cells, sorted ascending, unique; empty for an empty footprint.
 * @throws stac2h3::InputError when res is outside 0..15 or a vertex is not a lon/lat
 *         position (not finite, or latitude beyond ±90°).
 */
std::vector<h3::Cell> polygonCover(const MultiPolygon& footprint, int res);

/** One cell of a footprint's cover and how much of it the footprint covers. */
struct CellOverlap {
  h3::Cell cell;
  double area_km2;  ///< area of footprint ∩ cell, km² on the authalic sphere
  bool whole;       ///< the cell lies wholly inside the footprint (area_km2 is exactCellAreaKm2)
};

/**
 * The cells of polygonCover with the exact area of footprint ∩ cell (km², authalic sphere,
 * geodesic edges), sorted by cell. Cells wholly inside get their exact cell area without
 * clipping (exactCellAreaKm2, which differs from h3::cellAreaKm2 by up to ~1e-8); the areas
 * sum to areaKm2(footprint).
 * @param footprint  the footprint; degenerate rings are ignored.
 * @param res        H3 resolution 0..15.
 * @throws stac2h3::InputError as polygonCover.
 */
std::vector<CellOverlap> cellOverlaps(const MultiPolygon& footprint, int res);

/**
 * cellOverlaps restricted to the given cells: those of `cells` that the footprint overlaps
 * (positive area), with the same areas and `whole` flags as cellOverlaps gives them, sorted
 * by cell. Each given cell is classified on its own instead of flood-filling the footprint,
 * so a footprint far larger than the area of the cells (a 110 km tile over a 10 km AOI at
 * fine resolution) costs what the cells cost, not what its whole cover would; cells far
 * from the footprint are skipped by a cap test on their centres.
 * @param footprint  the footprint; degenerate rings are ignored.
 * @param cells      valid cells of one resolution, any order (repeats are reported once).
 * @throws stac2h3::InputError as polygonCover.
 */
std::vector<CellOverlap> cellOverlapsAmong(const MultiPolygon& footprint,
                                           std::span<const h3::Cell> cells);

/** Exact area of the footprint in km² (authalic sphere, geodesic edges): outer rings minus
 * holes, summed over parts. Throws stac2h3::InputError when a vertex is not a position. */
double areaKm2(const MultiPolygon& footprint);

}  // namespace stac2h3::geo
