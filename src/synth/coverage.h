/** @file coverage.h
 * @brief Which relative orbits image which tiles, and how much of each: whole tiles inside
 * the swath, partial footprints (cut along the swath edge) at its borders. Computed once per
 * run, reused for every date.
 */
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "geo/geometry.h"
#include "synth/ground_track.h"
#include "synth/tile_catalog.h"

namespace stac2h3::synth {

/** Tiles cut to less than this share of their area are not acquired. */
inline constexpr double kMinimumValidShare = 0.001;

/** One relative orbit imaging one tile. */
struct Visit {
  uint32_t tile = 0;               ///< index in the catalog
  int32_t footprint = -1;          ///< index in Coverage::partial_footprints; -1: the whole tile
  double seconds_from_node = 0.0;  ///< sensing time after the descending node
  double valid_share = 1.0;        ///< share of the tile inside the swath, (0, 1]
};

struct Coverage {
  /** Visits of each relative orbit (index = relative orbit - 1), in catalog order. */
  std::array<std::vector<Visit>, kRelativeOrbits> by_orbit;
  /** Footprints of the tiles the swath cuts, lon/lat, split at ±180 where they cross. */
  std::vector<geo::MultiPolygon> partial_footprints;

  /** Total number of visits over all relative orbits (tile acquisitions per 10 days and
   * satellite). */
  size_t visitCount() const;
};

/**
 * Finds every (tile, relative orbit) pair whose swath reaches the tile (in parallel).
 * @param tiles   the catalog.
 * @param tracks  the ground tracks.
 * @throws stac2h3::Error when PROJ fails.
 */
Coverage computeCoverage(const std::vector<CatalogTile>& tiles, const GroundTracks& tracks);

}  // namespace stac2h3::synth
