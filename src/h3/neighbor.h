/** @file neighbor.h
 * @brief The neighbour of a cell in a given direction, tracking how the direction turns
 * when the step crosses into a base cell with another orientation.
 */
#pragma once

#include <optional>

#include "h3/coord_ijk.h"
#include "h3/h3.h"

namespace stac2h3::h3::detail {

/**
 * The cell adjacent to `origin` in direction `dir`.
 * @param origin    a valid cell.
 * @param dir       a direction 1..6, first turned 60° ccw `rotations` times.
 * @param rotations in: turns accumulated by earlier steps of a walk; out: updated with
 *                  the turns this step introduced (mod 6).
 * @return the neighbour, or nullopt when the direction is a pentagon's deleted k
 *         direction (no cell there) or the step cannot be made.
 */
std::optional<Cell> neighborInDirection(Cell origin, Digit dir, int& rotations);

}  // namespace stac2h3::h3::detail
