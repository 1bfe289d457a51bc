/** @file cube_schema.h
 * @brief The contract of the Zarr cube (cube.zarr) that `resample` writes and `plot` reads:
 * dimension, variable and attribute names, types and units. The README's "Cube format"
 * section says the same in prose.
 */
#pragma once

#include <array>
#include <string_view>

namespace stac2h3::cube {

/** Dimensions, in array order: every data array is [time][cell_ids]. */
inline constexpr std::string_view kTimeDim = "time";      ///< int32 days since 1970-01-01
inline constexpr std::string_view kCellDim = "cell_ids";  ///< uint64 H3 ids, sorted
inline constexpr std::string_view kTimeUnits = "days since 1970-01-01";
inline constexpr std::string_view kTimeCalendar = "proleptic_gregorian";

struct VariableSpec {
  std::string_view name;
  std::string_view units;
  std::string_view long_name;
};

/** float32 variables, NaN where no item observed the cell that day. The first six are the
 * area-weighted means of the items table's value columns, in stac::kValueNames order. */
inline constexpr std::array<VariableSpec, 7> kFloatVariables = {{
    {"cloud_cover", "%", "area-weighted mean of eo:cloud_cover of the scenes over the cell"},
    {"nodata", "%", "area-weighted mean of s2:nodata_pixel_percentage"},
    {"snow_ice", "%", "area-weighted mean of s2:snow_ice_percentage"},
    {"vegetation", "%", "area-weighted mean of s2:vegetation_percentage"},
    {"not_vegetated", "%", "area-weighted mean of s2:not_vegetated_percentage"},
    {"water", "%", "area-weighted mean of s2:water_percentage"},
    {"obs_fraction", "1", "summed footprint overlap area divided by the cell area"},
}};

/** uint16 count of items whose footprint overlaps the cell that day (0 where none). */
inline constexpr VariableSpec kCountVariable = {"n_items", "1",
                                                "number of scenes overlapping the cell"};

/** Attributes of the cell_ids coordinate that xdggs reads. */
inline constexpr std::string_view kGridNameAttr = "grid_name";  ///< value "h3"
inline constexpr std::string_view kGridLevelAttr = "level";     ///< value: the resolution

}  // namespace stac2h3::cube
