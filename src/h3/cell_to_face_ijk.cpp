/** @file cell_to_face_ijk.cpp
 * @brief From a cell index to its FaceIJK address: descend from the base cell's home face,
 * then move onto the face that actually holds the cell when it spilled over an edge.
 */
#include "h3/base_cells.h"
#include "h3/cell_face_ijk.h"
#include "h3/constants.h"
#include "h3/index_bits.h"
#include "h3/index_rotation.h"

namespace stac2h3::h3::detail {

FaceIJK cellToFaceIjk(Cell c) {
  const int base_cell = baseCellOf(c);
  const bool pentagon_base = isBaseCellPentagon(base_cell);
  // All of a pentagon's subsequence 5 lies across the deleted k sector: turn it back.
  if (pentagon_base && leadingNonZeroDigit(c) == kIKDigit) c = rotateIndex60cw(c);

  const int res = resolutionOf(c);
  FaceIJK f = kBaseCells[base_cell].home;
  // A hexagon base cell centred on its home face keeps all its descendants on that face.
  const bool may_spill = pentagon_base || (res != 0 && f.coord != CoordIJK{});
  for (int r = 1; r <= res; ++r) {
    f.coord = isClassIII(r) ? downAp7(f.coord) : downAp7r(f.coord);
    f.coord = neighbor(f.coord, digitAt(c, r));
  }
  if (!may_spill) return f;

  // Overage is measured in a Class II grid: drop a Class III cell into the finer one.
  const CoordIJK original = f.coord;
  int class_ii_res = res;
  if (isClassIII(res)) {
    f.coord = downAp7r(f.coord);
    ++class_ii_res;
  }
  const bool pent_leading4 = pentagon_base && leadingNonZeroDigit(c) == kIDigit;
  if (adjustOverage(f, class_ii_res, pent_leading4, false) != Overage::kNone) {
    // A pentagon's cells can cross a second edge.
    if (pentagon_base) {
      while (adjustOverage(f, class_ii_res, false, false) != Overage::kNone) continue;
    }
    if (class_ii_res != res) f.coord = upAp7r(f.coord);
  } else if (class_ii_res != res) {
    f.coord = original;
  }
  return f;
}

}  // namespace stac2h3::h3::detail
