/** @file cell_string.cpp
 * @brief Cell ids as lowercase hexadecimal text, as h3-js and h3-py print them.
 */
#include <charconv>

#include "h3/h3.h"

namespace stac2h3::h3 {

std::string cellToString(Cell cell) {
  char text[16];
  const auto result = std::to_chars(text, text + sizeof text, cell, 16);
  return std::string(text, result.ptr);
}

std::optional<Cell> stringToCell(std::string_view text) {
  if (text.empty() || text.size() > 16) return std::nullopt;
  Cell cell = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), cell, 16);
  if (result.ec != std::errc{} || result.ptr != text.data() + text.size()) return std::nullopt;
  if (!isValidCell(cell)) return std::nullopt;
  return cell;
}

}  // namespace stac2h3::h3
