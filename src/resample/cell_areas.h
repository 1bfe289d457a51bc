/** @file cell_areas.h
 * @brief The interface the resampler stands on: for one footprint, the H3 cells it overlaps
 * and the area of each overlap.
 */
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "h3/h3.h"

namespace stac2h3::resample {

/** One cell a footprint overlaps and the area of footprint ∩ cell in km². */
struct CellArea {
  h3::Cell cell = 0;
  double area_km2 = 0.0;
};

/**
 * Computes the cells of resolution `res` that `footprint` overlaps, with overlap areas.
 * @param footprint  the item's footprint.
 * @param res        the H3 resolution.
 * @param out        receives the cells (order free, no duplicates); cleared first.
 * @param reason     receives a one-line reason when the footprint is unusable.
 * @return false when the footprint is unusable (self-intersecting, degenerate): the resampler
 *         skips its items and counts them.
 * Must be safe to call from several threads at once.
 */
using CellAreaFunction = std::function<bool(const geo::MultiPolygon& footprint, int res,
                                            std::vector<CellArea>& out, std::string& reason)>;

}  // namespace stac2h3::resample
