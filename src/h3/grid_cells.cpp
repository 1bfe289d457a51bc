/** @file grid_cells.cpp
 * @brief The grid's fixed sets: the 122 base cells and the 12 pentagons of a resolution.
 */
#include "h3/base_cells.h"
#include "h3/h3.h"
#include "h3/index_bits.h"

namespace stac2h3::h3 {

std::vector<Cell> res0Cells() {
  std::vector<Cell> out;
  out.reserve(kNumBaseCells);
  for (int bc = 0; bc < kNumBaseCells; ++bc)
    out.push_back(detail::makeCell(0, bc, detail::kCenterDigit));
  return out;
}

std::vector<Cell> pentagons(int res) {
  std::vector<Cell> out;
  if (res < 0 || res > kMaxResolution) return out;
  out.reserve(kNumPentagons);
  for (int bc = 0; bc < kNumBaseCells; ++bc) {
    if (detail::isBaseCellPentagon(bc))
      out.push_back(detail::makeCell(res, bc, detail::kCenterDigit));
  }
  return out;
}

}  // namespace stac2h3::h3
