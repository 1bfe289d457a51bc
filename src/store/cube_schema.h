/** @file cube_schema.h
 * @brief The contract of the Zarr cube (cube.zarr) that `resample` writes and `plot` reads:
 * the fixed parts (dimensions, coordinates, obs_fraction, n_items, attribute names) and the
 * lookup of a value variable's units and long name. The README's "Cube format" section
 * says the same in prose.
 *
 * A cube holds one float32 variable per resampled column of the items table (its
 * `variables` group attribute lists them, in order), then obs_fraction, then n_items.
 */
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace stac2h3::cube {

/** Dimensions, in array order: every data array is [time][cell_ids]. */
inline constexpr std::string_view kTimeDim = "time";      ///< int32 days since 1970-01-01
inline constexpr std::string_view kCellDim = "cell_ids";  ///< uint64 H3 ids, sorted
inline constexpr std::string_view kTimeUnits = "days since 1970-01-01";
inline constexpr std::string_view kTimeCalendar = "proleptic_gregorian";

/** A data variable's name and the `units` and `long_name` attributes it is written with
 * (no `units` attribute when `units` is empty). */
struct VariableSpec {
  std::string name;
  std::string units;
  std::string long_name;
};

/** The value variables `resample` writes by default: the items table's six value columns,
 * in stac::kValueNames order. */
inline constexpr std::array<std::string_view, 6> kDefaultValueVariables = {
    "cloud_cover", "nodata", "snow_ice", "vegetation", "not_vegetated", "water"};

/** kDefaultValueVariables as strings. */
std::vector<std::string> defaultValueVariables();

/**
 * The spec of the value variable resampled from the items column `column` (its name in the
 * cube is the column's): units and long name from a small table of known keys (the six
 * value columns and the Sentinel-2 percentages in %, sun and view angles in degrees);
 * any other column gets no units and "area-weighted mean of <column>".
 */
VariableSpec valueVariableSpec(std::string_view column);

/** float32, NaN where no item observed the cell that day; after the value variables. */
VariableSpec obsFractionSpec();
/** uint16 count of items whose footprint overlaps the cell that day (0 where none); last. */
VariableSpec countSpec();
inline constexpr std::string_view kObsFraction = "obs_fraction";
inline constexpr std::string_view kCount = "n_items";

/** Group attribute listing the value variables, comma-separated, in array order. */
inline constexpr std::string_view kVariablesAttr = "variables";

/** Group attribute: the items used per day of the time axis (their sum is `item_count`). */
inline constexpr std::string_view kItemsByDayAttr = "item_count_by_day";

/** Attributes of the cell_ids coordinate that xdggs reads. */
inline constexpr std::string_view kGridNameAttr = "grid_name";  ///< value "h3"
inline constexpr std::string_view kGridLevelAttr = "level";     ///< value: the resolution

/** The data variables of a cube whose value variables are `values`: those, obs_fraction,
 * n_items. */
std::vector<std::string> dataVariables(const std::vector<std::string>& values);

}  // namespace stac2h3::cube
