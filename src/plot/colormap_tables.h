/** @file colormap_tables.h
 * @brief The raw 256-entry colour tables behind the named colour maps (internal to plot).
 */
#pragma once

#include <array>
#include <cstdint>

namespace stac2h3::plot {

/** One sRGB colour, 8 bits per channel. */
struct Rgb {
  uint8_t r = 0;
  uint8_t g = 0;
  uint8_t b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

using ColourTable = std::array<Rgb, 256>;

extern const ColourTable kViridisTable;
extern const ColourTable kCividisTable;
extern const ColourTable kMagmaTable;
extern const ColourTable kBluesTable;

}  // namespace stac2h3::plot
