/** @file colormap.h
 * @brief Named perceptual colour maps and the linear value-to-colour scale of a plot.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plot/colormap_tables.h"

namespace stac2h3::plot {

/** A colour map quantised to `levels` colours (256 for PNG; fewer for a GIF palette). */
class Colormap {
 public:
  /**
   * @param name    viridis, cividis, magma or blues; a "_r" suffix reverses the map.
   * @param levels  number of distinct colours, 2..256.
   * @throws InputError on an unknown name (the message lists the known ones).
   */
  explicit Colormap(std::string_view name, int levels = 256);

  /** The known names, for help texts and errors. */
  static std::vector<std::string> names();
  /** The default map for a cube variable: blues for cloud_cover, viridis otherwise. */
  static std::string defaultFor(std::string_view variable);

  const std::string& name() const { return name_; }
  int levels() const { return static_cast<int>(colours_.size()); }
  /** The level of `t` in [0, 1] (clamped; NaN maps to level 0). */
  int level(double t) const;
  /** The colour of a level, 0..levels()-1. */
  Rgb colour(int level) const { return colours_[static_cast<size_t>(level)]; }
  /** The colour of `t` in [0, 1], clamped. */
  Rgb at(double t) const { return colour(level(t)); }

 private:
  std::string name_;
  std::vector<Rgb> colours_;
};

/** The value range mapped onto the colour map, linear; values outside are clamped. */
struct ColourScale {
  double lo = 0.0;
  double hi = 1.0;
  /** Position of `value` in [0, 1] (unclamped). */
  double normalise(double value) const { return (value - lo) / (hi - lo); }
};

/**
 * The robust range of finite values: the 2nd to 98th percentile, widened to a non-empty
 * interval when all values are equal.
 * @param values  any values; NaN are ignored.
 * @return the range, or nullopt when no value is finite.
 */
std::optional<ColourScale> robustRange(const std::vector<float>& values);

}  // namespace stac2h3::plot
