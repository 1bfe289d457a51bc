/** @file face_ijk_to_cell.cpp
 * @brief From a FaceIJK address to the cell index: digits from finest to coarsest, then
 * the base cell and its canonical orientation.
 */
#include "h3/base_cells.h"
#include "h3/cell_face_ijk.h"
#include "h3/index_bits.h"
#include "h3/index_rotation.h"

namespace stac2h3::h3::detail {
namespace {

constexpr int kMaxRes0Coord = 2;

bool isRes0Coord(const CoordIJK& c) {
  return c.i <= kMaxRes0Coord && c.j <= kMaxRes0Coord && c.k <= kMaxRes0Coord;
}

}  // namespace

std::optional<Cell> faceIjkToCell(const FaceIJK& f, int res) {
  Cell cell = makeCell(res, 0, kInvalidDigit);
  if (res == 0) {
    if (!isRes0Coord(f.coord)) return std::nullopt;
    return withBaseCell(cell, baseCellAt(f).base_cell);
  }

  // Climb from resolution `res` to 0; at each step the digit is the offset of the cell
  // from its parent's centre child.
  FaceIJK base = f;
  for (int r = res; r >= 1; --r) {
    const CoordIJK child = base.coord;
    CoordIJK center_child;
    if (isClassIII(r)) {
      base.coord = upAp7(child);
      center_child = downAp7(base.coord);
    } else {
      base.coord = upAp7r(child);
      center_child = downAp7r(base.coord);
    }
    cell = withDigit(cell, r, unitVectorDigit(child - center_child));
  }
  if (!isRes0Coord(base.coord)) return std::nullopt;

  // `base` is now the base cell in this face's system: turn the digits into the base
  // cell's own orientation.
  const BaseCellRotation& bc = baseCellAt(base);
  cell = withBaseCell(cell, bc.base_cell);
  if (isBaseCellPentagon(bc.base_cell)) {
    // Leave the deleted k subsequence, on the side given by the face's offset.
    if (leadingNonZeroDigit(cell) == kKDigit) {
      cell =
          isCwOffsetFace(bc.base_cell, base.face) ? rotateIndex60cw(cell) : rotateIndex60ccw(cell);
    }
    for (int i = 0; i < bc.ccw_rotations; ++i) cell = rotatePentagonIndex60ccw(cell);
  } else {
    for (int i = 0; i < bc.ccw_rotations; ++i) cell = rotateIndex60ccw(cell);
  }
  return cell;
}

}  // namespace stac2h3::h3::detail
