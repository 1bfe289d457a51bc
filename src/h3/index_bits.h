/** @file index_bits.h
 * @brief The bit layout of a cell index: mode, resolution, base cell and 15 digits.
 *
 * | bits  | 63   | 59..62 | 56..58   | 52..55 | 45..51    | 3 bits per digit 1..15 |
 * | field | zero | mode   | reserved | res    | base cell | digit 1 at 42..44 ...  |
 * Digits finer than the resolution are 7.
 */
#pragma once

#include <cstdint>

#include "h3/coord_ijk.h"
#include "h3/h3.h"

namespace stac2h3::h3::detail {

inline constexpr int kModeOffset = 59;
inline constexpr int kResOffset = 52;
inline constexpr int kBaseCellOffset = 45;
inline constexpr uint64_t kCellMode = 1;
/** Every digit set to 7, everything else zero. */
inline constexpr uint64_t kAllDigitsUnused = (uint64_t{1} << kBaseCellOffset) - 1;

constexpr int digitShift(int res) {
  return (kMaxResolution - res) * 3;
}

constexpr int resolutionOf(Cell c) {
  return static_cast<int>((c >> kResOffset) & 0xF);
}
constexpr int baseCellOf(Cell c) {
  return static_cast<int>((c >> kBaseCellOffset) & 0x7F);
}
constexpr Digit digitAt(Cell c, int res) {
  return static_cast<Digit>((c >> digitShift(res)) & 7);
}

constexpr Cell withResolution(Cell c, int res) {
  return (c & ~(uint64_t{0xF} << kResOffset)) | (static_cast<uint64_t>(res) << kResOffset);
}
constexpr Cell withBaseCell(Cell c, int base_cell) {
  return (c & ~(uint64_t{0x7F} << kBaseCellOffset)) |
         (static_cast<uint64_t>(base_cell) << kBaseCellOffset);
}
constexpr Cell withDigit(Cell c, int res, Digit d) {
  return (c & ~(uint64_t{7} << digitShift(res))) | (static_cast<uint64_t>(d) << digitShift(res));
}

/** A cell of resolution `res` on `base_cell` with every digit 1..res equal to `digit`. */
constexpr Cell makeCell(int res, int base_cell, Digit digit) {
  Cell c = (kCellMode << kModeOffset) | (static_cast<uint64_t>(res) << kResOffset) |
           (static_cast<uint64_t>(base_cell) << kBaseCellOffset) | kAllDigitsUnused;
  for (int r = 1; r <= res; ++r) c = withDigit(c, r, digit);
  return c;
}

/** The first non-zero digit (kCenterDigit when all digits up to the resolution are 0). */
constexpr Digit leadingNonZeroDigit(Cell c) {
  const int res = resolutionOf(c);
  for (int r = 1; r <= res; ++r) {
    if (const Digit d = digitAt(c, r); d != kCenterDigit) return d;
  }
  return kCenterDigit;
}

}  // namespace stac2h3::h3::detail
