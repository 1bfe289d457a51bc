/** @file zone_data.h
 * @brief The data of one zone: every observed descendant cell at the requested level, each
 * property aggregated over the window (NaN ignored, as `plot` does).
 */
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "serve/zone_request.h"

namespace stac2h3::serve {

struct ZoneData {
  const ZoneRequest* request = nullptr;
  /** The cells, sorted: the descendants of the zone in the level's cube that have an
   * observation (some finite value of some property) in the window. */
  std::vector<uint64_t> cells;
  /** Per property (the request's order), a value per cell; NaN where none. */
  std::vector<std::vector<float>> values;
  /** Scenes over each cell summed over the window (the cube's n_items; 0 without it). */
  std::vector<uint32_t> n_items;
};

/**
 * The indices [begin, end) of the descendants of `zone` at resolution `level` in sorted,
 * same-resolution `cells`: they are contiguous, because the digits below the zone's
 * resolution are the lowest bits of the id that vary.
 * @param zone   a valid H3 cell of resolution <= level.
 */
store::CellRange descendantRange(std::span<const uint64_t> cells, uint64_t zone, int level);

/**
 * Reads and aggregates the zone's cells, holding the level's lock while reading.
 * @throws Error when a read fails.
 */
ZoneData queryZone(const ZoneRequest& request);

}  // namespace stac2h3::serve
