/** @file cube_schema.cpp
 * @brief Units and long names of the cube's variables (see cube_schema.h).
 */
#include "store/cube_schema.h"

#include <algorithm>

namespace stac2h3::cube {
namespace {

struct KnownColumn {
  std::string_view column;  ///< the items table's column (the property key with ':' as '_')
  std::string_view units;
  std::string_view long_name;
};

constexpr std::string_view kPercent = "%";
constexpr std::string_view kDegree = "degree";

/** Columns whose meaning we know: the six value columns, then extra properties as
 * `--properties` stores them. */
constexpr KnownColumn kKnownColumns[] = {
    {"cloud_cover", kPercent, "area-weighted mean of eo:cloud_cover of the scenes over the cell"},
    {"nodata", kPercent, "area-weighted mean of s2:nodata_pixel_percentage"},
    {"snow_ice", kPercent, "area-weighted mean of s2:snow_ice_percentage"},
    {"vegetation", kPercent, "area-weighted mean of s2:vegetation_percentage"},
    {"not_vegetated", kPercent, "area-weighted mean of s2:not_vegetated_percentage"},
    {"water", kPercent, "area-weighted mean of s2:water_percentage"},
    {"eo_cloud_cover", kPercent, "area-weighted mean of eo:cloud_cover"},
    {"eo_snow_cover", kPercent, "area-weighted mean of eo:snow_cover"},
    {"s2_cloud_shadow_percentage", kPercent, "area-weighted mean of s2:cloud_shadow_percentage"},
    {"s2_thin_cirrus_percentage", kPercent, "area-weighted mean of s2:thin_cirrus_percentage"},
    {"s2_high_proba_clouds_percentage", kPercent,
     "area-weighted mean of s2:high_proba_clouds_percentage"},
    {"s2_medium_proba_clouds_percentage", kPercent,
     "area-weighted mean of s2:medium_proba_clouds_percentage"},
    {"s2_dark_features_percentage", kPercent, "area-weighted mean of s2:dark_features_percentage"},
    {"s2_unclassified_percentage", kPercent, "area-weighted mean of s2:unclassified_percentage"},
    {"s2_saturated_defective_pixel_percentage", kPercent,
     "area-weighted mean of s2:saturated_defective_pixel_percentage"},
    {"s2_degraded_msi_data_percentage", kPercent,
     "area-weighted mean of s2:degraded_msi_data_percentage"},
    {"s2_nodata_pixel_percentage", kPercent, "area-weighted mean of s2:nodata_pixel_percentage"},
    {"s2_snow_ice_percentage", kPercent, "area-weighted mean of s2:snow_ice_percentage"},
    {"s2_vegetation_percentage", kPercent, "area-weighted mean of s2:vegetation_percentage"},
    {"s2_not_vegetated_percentage", kPercent, "area-weighted mean of s2:not_vegetated_percentage"},
    {"s2_water_percentage", kPercent, "area-weighted mean of s2:water_percentage"},
    {"s2_mean_solar_zenith", kDegree, "area-weighted mean of s2:mean_solar_zenith"},
    {"s2_mean_solar_azimuth", kDegree, "area-weighted mean of s2:mean_solar_azimuth"},
    {"view_sun_elevation", kDegree, "area-weighted mean of view:sun_elevation"},
    {"view_sun_azimuth", kDegree, "area-weighted mean of view:sun_azimuth"},
    {"view_azimuth", kDegree, "area-weighted mean of view:azimuth"},
    {"view_incidence_angle", kDegree, "area-weighted mean of view:incidence_angle"},
    {"view_off_nadir", kDegree, "area-weighted mean of view:off_nadir"},
};

}  // namespace

std::vector<std::string> defaultValueVariables() {
  return {kDefaultValueVariables.begin(), kDefaultValueVariables.end()};
}

VariableSpec valueVariableSpec(std::string_view column) {
  const auto* known =
      std::find_if(std::begin(kKnownColumns), std::end(kKnownColumns),
                   [&](const KnownColumn& entry) { return entry.column == column; });
  if (known != std::end(kKnownColumns)) {
    return {std::string(column), std::string(known->units), std::string(known->long_name)};
  }
  return {std::string(column), "", "area-weighted mean of " + std::string(column)};
}

VariableSpec obsFractionSpec() {
  return {std::string(kObsFraction), "1", "summed footprint overlap area divided by the cell area"};
}

VariableSpec countSpec() {
  return {std::string(kCount), "1", "number of scenes overlapping the cell"};
}

std::vector<std::string> dataVariables(const std::vector<std::string>& values) {
  std::vector<std::string> names = values;
  names.emplace_back(kObsFraction);
  names.emplace_back(kCount);
  return names;
}

}  // namespace stac2h3::cube
