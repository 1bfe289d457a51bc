/** @file validity.cpp
 * @brief isValidCell: whether 64 bits form a well-formed cell index.
 */
#include "h3/base_cells.h"
#include "h3/h3.h"
#include "h3/index_bits.h"

namespace stac2h3::h3 {

bool isValidCell(Cell cell) {
  // Top byte: high bit 0, mode 1 (cell), reserved bits 0.
  if ((cell >> 56) != (detail::kCellMode << 3)) return false;
  const int base_cell = detail::baseCellOf(cell);
  if (base_cell >= kNumBaseCells) return false;

  const int res = detail::resolutionOf(cell);
  detail::Digit leading = detail::kCenterDigit;
  for (int r = 1; r <= kMaxResolution; ++r) {
    const detail::Digit d = detail::digitAt(cell, r);
    if (r > res) {
      if (d != detail::kInvalidDigit) return false;  // unused digits are all 7
    } else {
      if (d == detail::kInvalidDigit) return false;
      if (leading == detail::kCenterDigit) leading = d;
    }
  }
  // A pentagon has no k sector: its first non-zero digit is never 1.
  return !(detail::isBaseCellPentagon(base_cell) && leading == detail::kKDigit);
}

}  // namespace stac2h3::h3
