/** @file cell_area.h
 * @brief The exact area of an H3 cell with geodesic edges, from a formula that stays exact
 * for the smallest cells.
 *
 * h3::cellAreaKm2 reproduces the reference library, whose triangle formula loses up to ~1e-8
 * relative (e.g. 5e-9 at res 7 by the antimeridian in h3-js); the cover's overlap areas are
 * exact to ~1e-12, so the cells they are compared with must be too.
 */
#pragma once

#include "h3/h3.h"

namespace stac2h3::geo {

/**
 * Area of the cell in km² on the authalic sphere, its boundary (h3::cellToBoundary) joined by
 * geodesics; equal to the sum of cellOverlaps over any footprints that tile it.
 * @param cell  a valid H3 cell.
 */
double exactCellAreaKm2(h3::Cell cell);

}  // namespace stac2h3::geo
