/** @file scene_model.h
 * @brief The percentages of a synthetic scene: cloud, nodata, snow/ice, vegetation, bare
 * ground and water, from a crude climatology of latitude, season and region plus weather
 * that persists for days. Plausible at the scale of a globe; not a climate model.
 *
 * What it encodes: the ITCZ (cloudy, following the Sun north and south), the subtropical
 * deserts (clear, bare: Sahara, Arabia, Australia, Atacama...), the mid-latitude storm
 * tracks (cloudy, more so in winter), seasonal snow (reaching ~42° in local winter, ~72° in
 * summer), permanent ice (Greenland, Antarctica), high mountains, vegetation by latitude and
 * season, water from the tile's sea share. Weather is smooth value noise (~300 km, ~3 days)
 * so neighbours and consecutive passes agree.
 *
 * Consistency: all values are percentages of the tile in [0, 100]; nodata is the share of
 * the tile outside the swath; cloud is a share of the rest; snow_ice + vegetation +
 * not_vegetated + water <= 100 - cloud - nodata. The other Sentinel-2 classes follow:
 * high and medium probability clouds and thin cirrus add up to the cloud cover; cloud
 * shadow (never more than the cloud), dark features, unclassified and saturated/defective
 * pixels share the remainder, so that every class together stays within 100. Values are
 * rounded down to 6 decimals, as Earth Search prints them, which keeps the sums within bounds.
 */
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "geo/geometry.h"
#include "stac/item.h"

namespace stac2h3::synth {

/** What the model needs to know about one acquisition. */
struct SceneContext {
  uint64_t seed = 0;
  uint64_t tile_key = 0;       ///< a stable key of the tile (textKey of its name)
  geo::LonLat centre;          ///< the tile's centre
  double land_fraction = 1.0;  ///< 0-1
  double valid_share = 1.0;    ///< 0-1 share of the tile inside the swath
  double unix_seconds = 0.0;   ///< sensing time
};

/** The other Sentinel-2 L2A percentages of a synthetic item, under Earth Search's keys, in
 * ScenePercentages::other order. */
inline constexpr std::array<std::string_view, 7> kOtherPercentageKeys = {
    "s2:high_proba_clouds_percentage",
    "s2:medium_proba_clouds_percentage",
    "s2:thin_cirrus_percentage",
    "s2:cloud_shadow_percentage",
    "s2:dark_features_percentage",
    "s2:unclassified_percentage",
    "s2:saturated_defective_pixel_percentage"};
/** kOtherPercentageKeys as strings: the extra properties of a synthetic items file. */
std::vector<std::string> otherPercentageKeys();

/** Indices into ScenePercentages::other. */
enum class Other {
  kHighProbaClouds,
  kMediumProbaClouds,
  kThinCirrus,
  kCloudShadow,
  kDarkFeatures,
  kUnclassified,
  kSaturatedDefective
};

struct ScenePercentages {
  std::array<double, stac::kNumValues> values{};            ///< indexed by stac::Value
  std::array<double, kOtherPercentageKeys.size()> other{};  ///< indexed by Other
};

/**
 * The scene's percentages.
 * @return values in [0, 100] with the sums described above; the same for the same context.
 */
ScenePercentages scenePercentages(const SceneContext& scene);

}  // namespace stac2h3::synth
