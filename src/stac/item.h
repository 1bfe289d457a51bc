/** @file item.h
 * @brief One Sentinel-2 L2A item as stac2h3 keeps it: the row of the `items` table.
 *
 * Every source API's property names map onto these fields (see property profiles in
 * src/stac). Missing or null numbers are NaN here and NULL in the GeoPackage, never 0.
 */
#pragma once

#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "geo/geometry.h"

namespace stac2h3::stac {

/** The per-tile percentages stac2h3 maps, in column order. */
enum class Value { kCloudCover, kNodata, kSnowIce, kVegetation, kNotVegetated, kWater };
inline constexpr int kNumValues = 6;
/** Column names in the items table and variable names in the cube, indexed by Value. */
inline constexpr std::array<std::string_view, kNumValues> kValueNames = {
    "cloud_cover", "nodata", "snow_ice", "vegetation", "not_vegetated", "water"};

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

/** An extra property's value: missing (absent or null), a JSON number (stored REAL), or
 * text (strings as they are, booleans, objects and arrays as compact JSON; stored TEXT). */
using PropertyValue = std::variant<std::monostate, double, std::string>;

struct Item {
  std::string id;
  std::string collection;
  /** UTC ISO 8601, e.g. "2024-05-01T10:20:31.024000Z", as the source gave it. */
  std::string datetime;
  std::string platform;             ///< lowercase, e.g. "sentinel-2b"; empty when unknown
  std::string mgrs_tile;            ///< zero-padded, e.g. "05CNL"; empty when unknown
  std::string processing_baseline;  ///< e.g. "05.10"; empty when unknown
  /** The item's own URL (its `links` entry with rel "self"), as the source gave it; empty
   * when it has none. Lets a selection point back at the full item. */
  std::string self_href;
  /** Percentages 0-100 indexed by Value; NaN when the source has none. */
  std::array<double, kNumValues> values{kMissing, kMissing, kMissing, kMissing, kMissing, kMissing};
  /** Values of the extra --properties columns, in the order the caller asked for them. */
  std::vector<PropertyValue> extra;
  geo::MultiPolygon footprint;

  double value(Value v) const { return values[static_cast<int>(v)]; }
};

}  // namespace stac2h3::stac
