/** @file exact_cell_areas.h
 * @brief The resampler's overlap computation for real: exact areas of footprint ∩ cell from
 * the polygon cover (geo/cover.h), invalid footprints refused with their reason.
 */
#pragma once

#include "resample/cell_areas.h"

namespace stac2h3::resample {

/** A CellAreaFunction over geo::isValidFootprint and geo::cellOverlaps (thread-safe). */
CellAreaFunction exactCellAreas();

}  // namespace stac2h3::resample
