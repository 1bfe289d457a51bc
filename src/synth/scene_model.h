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
 * not_vegetated + water <= 100 - cloud - nodata (the remainder stands for the classes stac2h3
 * does not map: cloud shadow, dark features, unclassified). Values are rounded down to 6
 * decimals, as Earth Search prints them, which keeps the sums within bounds.
 */
#pragma once

#include <array>
#include <cstdint>

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

/**
 * The scene's percentages, indexed by stac::Value.
 * @return values in [0, 100] with the sums described above; the same for the same context.
 */
std::array<double, stac::kNumValues> scenePercentages(const SceneContext& scene);

}  // namespace stac2h3::synth
