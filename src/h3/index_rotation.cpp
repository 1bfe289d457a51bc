/** @file index_rotation.cpp
 * @brief 60° rotations of cell indexes, plain and about pentagons.
 */
#include "h3/index_rotation.h"

#include "h3/coord_ijk.h"
#include "h3/index_bits.h"

namespace stac2h3::h3::detail {
namespace {

template <Digit (*Turn)(Digit)>
Cell rotateDigits(Cell c) {
  const int res = resolutionOf(c);
  for (int r = 1; r <= res; ++r) c = withDigit(c, r, Turn(digitAt(c, r)));
  return c;
}

/** Turns digits one by one; as soon as the first non-zero digit exists and it is the
 * deleted k direction, the whole index is turned once more by `extra`. */
template <Digit (*Turn)(Digit), Cell (*Extra)(Cell)>
Cell rotateAboutPentagon(Cell c) {
  const int res = resolutionOf(c);
  bool seen_non_zero = false;
  for (int r = 1; r <= res; ++r) {
    c = withDigit(c, r, Turn(digitAt(c, r)));
    if (!seen_non_zero && digitAt(c, r) != kCenterDigit) {
      seen_non_zero = true;
      if (leadingNonZeroDigit(c) == kKDigit) c = Extra(c);
    }
  }
  return c;
}

}  // namespace

Cell rotateIndex60ccw(Cell c) {
  return rotateDigits<rotate60ccw>(c);
}
Cell rotateIndex60cw(Cell c) {
  return rotateDigits<rotate60cw>(c);
}
Cell rotatePentagonIndex60ccw(Cell c) {
  return rotateAboutPentagon<rotate60ccw, rotateIndex60ccw>(c);
}
Cell rotatePentagonIndex60cw(Cell c) {
  return rotateAboutPentagon<rotate60cw, rotateIndex60cw>(c);
}

}  // namespace stac2h3::h3::detail
