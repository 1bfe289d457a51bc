/** @file neighbor.cpp
 * @brief Stepping to an adjacent cell by rewriting digits from the finest up, carrying a
 * move to the parent level when the step leaves the parent, and finally crossing to a
 * neighbouring base cell.
 */
#include "h3/neighbor.h"

#include <array>

#include "h3/base_cells.h"
#include "h3/constants.h"
#include "h3/index_bits.h"
#include "h3/index_rotation.h"

namespace stac2h3::h3::detail {
namespace {

/** For a child digit and a step direction: the child digit after the step, and the step
 * (possibly none) the parent must take. */
struct DigitStep {
  std::array<std::array<Digit, 7>, 7> new_digit;
  std::array<std::array<Digit, 7>, 7> parent_step;
};

/** Derives the step table of an aperture-7 level: move the child's unit vector by the
 * direction, find which parent the result falls in, and the digit inside that parent. */
template <CoordIJK (*Up)(const CoordIJK&), CoordIJK (*Down)(const CoordIJK&)>
DigitStep deriveDigitSteps() {
  DigitStep out{};
  for (int d = 0; d < 7; ++d) {
    for (int dir = 0; dir < 7; ++dir) {
      const CoordIJK moved =
          normalized(unitVector(static_cast<Digit>(d)) + unitVector(static_cast<Digit>(dir)));
      const CoordIJK parent = Up(moved);
      out.new_digit[d][dir] = unitVectorDigit(moved - Down(parent));
      out.parent_step[d][dir] = unitVectorDigit(parent);
    }
  }
  return out;
}

/** Steps inside a Class III level (children by ccw aperture 7) and a Class II one. */
const DigitStep& digitSteps(bool class_iii) {
  static const DigitStep kClassIII = deriveDigitSteps<upAp7, downAp7>();
  static const DigitStep kClassII = deriveDigitSteps<upAp7r, downAp7r>();
  return class_iii ? kClassIII : kClassII;
}

}  // namespace

std::optional<Cell> neighborInDirection(Cell origin, Digit dir, int& rotations) {
  if (dir <= kCenterDigit || dir >= kInvalidDigit) return std::nullopt;
  rotations %= 6;
  for (int i = 0; i < rotations; ++i) dir = rotate60ccw(dir);

  Cell current = origin;
  const int old_base_cell = baseCellOf(origin);
  const Digit old_leading = leadingNonZeroDigit(origin);
  int new_rotations = 0;

  // Rewrite digits from the finest; a step that leaves the parent carries up a level.
  int r = resolutionOf(current);
  for (;; --r) {
    if (r == 0) {
      int next = kBaseCellNeighbors[old_base_cell][dir];
      new_rotations = kBaseCellNeighborRotations[old_base_cell][dir];
      if (next == kNoBaseCell) {
        // The deleted k direction of a pentagon base cell: that edge borders the ik
        // neighbour, reached by turning once more.
        next = kBaseCellNeighbors[old_base_cell][kIKDigit];
        new_rotations = kBaseCellNeighborRotations[old_base_cell][kIKDigit];
        current = rotateIndex60ccw(current);
        rotations += 1;
      }
      current = withBaseCell(current, next);
      break;
    }
    const Digit old_digit = digitAt(current, r);
    if (old_digit == kInvalidDigit) return std::nullopt;
    const DigitStep& steps = digitSteps(isClassIII(r));
    current = withDigit(current, r, steps.new_digit[old_digit][dir]);
    const Digit parent_step = steps.parent_step[old_digit][dir];
    if (parent_step == kCenterDigit) break;
    dir = parent_step;
  }

  const int new_base_cell = baseCellOf(current);
  if (!isBaseCellPentagon(new_base_cell)) {
    for (int i = 0; i < new_rotations; ++i) current = rotateIndex60ccw(current);
    rotations = (rotations + new_rotations) % 6;
    return current;
  }

  // Into (or within) a pentagon base cell: get out of its deleted k subsequence.
  bool left_k_subsequence = false;
  if (leadingNonZeroDigit(current) == kKDigit) {
    if (old_base_cell != new_base_cell) {
      // Entered from another base cell: turn towards the side its home face is offset.
      current = isCwOffsetFace(new_base_cell, kBaseCells[old_base_cell].home.face)
                    ? rotateIndex60cw(current)
                    : rotateIndex60ccw(current);
      left_k_subsequence = true;
    } else if (old_leading == kJKDigit) {
      current = rotateIndex60ccw(current);
      rotations += 1;
    } else if (old_leading == kIKDigit) {
      current = rotateIndex60cw(current);
      rotations += 5;
    } else {
      return std::nullopt;  // the pentagon centre has no neighbour in the k direction
    }
  }
  for (int i = 0; i < new_rotations; ++i) current = rotatePentagonIndex60ccw(current);

  // Base cells around a pentagon are oriented differently from those around hexagons.
  if (old_base_cell != new_base_cell) {
    if (isPolarPentagon(new_base_cell)) {
      // The polar pentagons have all their neighbours in i directions.
      if (old_base_cell != 118 && old_base_cell != 8 && leadingNonZeroDigit(current) != kJKDigit) {
        rotations += 1;
      }
    } else if (leadingNonZeroDigit(current) == kIKDigit && !left_k_subsequence) {
      rotations += 1;  // the deleted k subsequence distorts the ik neighbour
    }
  }
  rotations = (rotations + new_rotations) % 6;
  return current;
}

}  // namespace stac2h3::h3::detail
