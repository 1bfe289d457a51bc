/** @file index_rotation.h
 * @brief Rotating a cell index by 60° about its base cell's centre (all digits turn), with
 * the pentagon variants that step around the deleted k subsequence.
 */
#pragma once

#include "h3/h3.h"

namespace stac2h3::h3::detail {

/** Every digit turned 60° counter-clockwise. */
Cell rotateIndex60ccw(Cell c);
/** Every digit turned 60° clockwise. */
Cell rotateIndex60cw(Cell c);
/** As rotateIndex60ccw about a pentagon: a result whose leading digit lands on the deleted
 * k direction is turned once more. */
Cell rotatePentagonIndex60ccw(Cell c);
/** As rotateIndex60cw about a pentagon. */
Cell rotatePentagonIndex60cw(Cell c);

}  // namespace stac2h3::h3::detail
