/** @file area.h
 * @brief The area of a loop of geodesic edges on the unit sphere, as the reference computes
 * cell areas.
 */
#pragma once

#include "h3/h3.h"

namespace stac2h3::h3::detail {

/** Area (steradians, in [0, 4π]) enclosed counter-clockwise by `loop`'s vertices. */
double loopAreaRads2(const CellBoundary& loop);

}  // namespace stac2h3::h3::detail
