/** @file synthesizer.h
 * @brief Synthetic Sentinel-2 L2A items, shaped like Earth Search's `sentinel-2-l2a`
 * items and labelled synthetic: the public API of `stac2h3 synth`, of the demo and of the
 * benchmarks.
 *
 * Built once (the tile catalog over land and the swath coverage of the 143 relative orbits,
 * ~2 s of CPU for the globe), then any span of days is generated without I/O, in parallel, and
 * handed over one UTC day at a time. Everything is a pure function of the seed: the same
 * options give the same items in the same order.
 *
 * Per item: id "S2B_33UWP_20250101_0_L2A" (the digit counts repeat acquisitions of a tile
 * by one satellite on one day), collection "sentinel-2-l2a", datetime (the track's passage
 * over the tile centre), platform (sentinel-2a and -2b until 2025-01-20, then sentinel-2c
 * in 2a's slot with 2b), mgrs_tile, processing_baseline (the baseline in force at that
 * date), the six percentages (scene_model.h) and the footprint (the whole tile, or the part
 * inside the swath, a vertex every third of a tile edge, split at ±180).
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "geo/geometry.h"
#include "stac/item.h"
#include "stac/utc_time.h"
#include "synth/coverage.h"
#include "synth/tile_catalog.h"

namespace stac2h3::synth {

/** The collection id synthetic items carry (Earth Search's). */
inline constexpr std::string_view kCollection = "sentinel-2-l2a";

/** Receives one UTC day's items (sorted by datetime, then id); may move them away. */
using ItemBatchCallback = std::function<void(std::vector<stac::Item>& batch)>;

/**
 * Generates synthetic items for a fixed set of tiles. Immutable after construction and safe
 * to share between threads.
 */
class Synthesizer {
 public:
  /**
   * Selects the tiles over land (and the AOI) and computes which orbits see them.
   * @param land  land polygons in lon/lat (readLandPolygons).
   * @param aoi   restricts the tiles to those touching it; nullptr for the globe.
   * @param seed  selects one of many equally plausible worlds.
   * @throws stac2h3::Error when PROJ or GEOS fail.
   */
  Synthesizer(const geo::MultiPolygon& land, const geo::MultiPolygon* aoi, uint64_t seed);

  const std::vector<CatalogTile>& tiles() const { return tiles_; }
  const Coverage& coverage() const { return coverage_; }
  uint64_t seed() const { return seed_; }

  /**
   * The items sensed on one UTC day.
   * @param day  days since 1970-01-01.
   * @return sorted by datetime, then id.
   */
  std::vector<stac::Item> itemsOfDay(stac::UtcDay day) const;

  /**
   * Generates every day of [first, last] (inclusive), several days in parallel, and hands
   * them to `on_day` in date order, one call at a time (on any of TBB's threads), while
   * later days are being generated.
   * @return the number of items generated.
   * @throws whatever `on_day` throws.
   */
  int64_t generate(stac::UtcDay first, stac::UtcDay last, const ItemBatchCallback& on_day) const;

 private:
  uint64_t seed_;
  std::vector<CatalogTile> tiles_;
  Coverage coverage_;
};

/** Everything `stac2h3 synth` takes. */
struct SynthOptions {
  stac::UtcDay first_day = 0;  ///< inclusive
  stac::UtcDay last_day = 0;   ///< inclusive
  uint64_t seed = 0;
  /** Only tiles touching this area (lon/lat); none: the globe. */
  std::optional<geo::MultiPolygon> aoi;
  /** Land polygons file (defaultLandPath(): world-atlas land-50m). */
  std::filesystem::path land;
};

/**
 * Everything from the options that can fail on bad input, done before any output exists:
 * checks the span, reads the land file, builds the Synthesizer (then call
 * generate(options.first_day, options.last_day, ...)).
 * @throws stac2h3::InputError for last_day < first_day or a land file that cannot be read;
 *         stac2h3::Error when PROJ or GEOS fail.
 */
Synthesizer makeSynthesizer(const SynthOptions& options);

/** The platform of a satellite slot (0 or 1) on a day: "sentinel-2a"/"-2c" and
 * "sentinel-2b". */
std::string_view platformOf(int slot, stac::UtcDay day);

/** The Sentinel-2 L2A processing baseline in force on a day, e.g. "05.10". */
std::string_view processingBaselineOf(stac::UtcDay day);

}  // namespace stac2h3::synth
