/** @file inspection.cpp
 * @brief Reading a cell's resolution, base cell and shape from its bits.
 */
#include "h3/base_cells.h"
#include "h3/h3.h"
#include "h3/index_bits.h"

namespace stac2h3::h3 {

int getResolution(Cell cell) {
  return detail::resolutionOf(cell);
}

int getBaseCellNumber(Cell cell) {
  return detail::baseCellOf(cell);
}

bool isPentagon(Cell cell) {
  const int base_cell = detail::baseCellOf(cell);
  return base_cell < kNumBaseCells && detail::isBaseCellPentagon(base_cell) &&
         detail::leadingNonZeroDigit(cell) == detail::kCenterDigit;
}

}  // namespace stac2h3::h3
