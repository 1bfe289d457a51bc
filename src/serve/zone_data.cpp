/** @file zone_data.cpp
 * @brief A zone's cells as a binary-searched range of the level's cell_ids, aggregated with
 * plot's aggregation over that range only.
 */
#include "serve/zone_data.h"

#include <algorithm>
#include <cmath>

#include "h3/h3.h"

namespace stac2h3::serve {

namespace {

/** Bits of one resolution digit, and where digit r sits (H3 index layout). */
constexpr int kDigitBits = 3;
constexpr int kMaxResolution = 15;
constexpr int kResolutionOffset = 52;
constexpr uint64_t kResolutionMask = uint64_t{15} << kResolutionOffset;

int digitOffset(int resolution) {
  return (kMaxResolution - resolution) * kDigitBits;
}

/** The id of `zone` moved to resolution `level` with every digit below the zone's set to
 * `digit` (0 gives the first descendant id, 6 the last). */
uint64_t withDigits(uint64_t zone, int level, uint64_t digit) {
  const int zone_res = h3::getResolution(zone);
  uint64_t id = (zone & ~kResolutionMask) | (static_cast<uint64_t>(level) << kResolutionOffset);
  for (int r = zone_res + 1; r <= level; ++r) {
    id = (id & ~(uint64_t{7} << digitOffset(r))) | (digit << digitOffset(r));
  }
  return id;
}

}  // namespace

store::CellRange descendantRange(std::span<const uint64_t> cells, uint64_t zone, int level) {
  const uint64_t first = withDigits(zone, level, 0);
  const uint64_t last = withDigits(zone, level, 6);
  const auto begin = std::lower_bound(cells.begin(), cells.end(), first);
  const auto end = std::upper_bound(begin, cells.end(), last);
  return {static_cast<size_t>(begin - cells.begin()), static_cast<size_t>(end - begin)};
}

ZoneData queryZone(const ZoneRequest& request) {
  const Level& level = *request.level;
  const store::ZarrCubeReader& cube = *level.cube;
  const store::CellRange range = descendantRange(cube.cells(), request.zone, level.resolution);
  ZoneData data;
  data.request = &request;
  std::vector<std::vector<float>> values;
  std::vector<uint32_t> n_items;
  {
    const std::lock_guard lock(*level.lock);
    for (size_t p = 0; p < request.properties.size(); ++p) {
      auto frames = plot::aggregateFrames(cube, request.properties[p], {request.window},
                                          request.aggregation, p == 0, range);
      values.push_back(std::move(frames.front().values));
      if (p == 0) n_items = std::move(frames.front().n_items);
    }
  }
  // Keep the cells observed in the window: a value of some property, or some scene.
  std::vector<size_t> kept;
  for (size_t c = 0; c < range.count; ++c) {
    const bool observed =
        (c < n_items.size() && n_items[c] > 0) ||
        std::any_of(values.begin(), values.end(),
                    [c](const std::vector<float>& v) { return std::isfinite(v[c]); });
    if (observed) kept.push_back(c);
  }
  data.cells.reserve(kept.size());
  for (const size_t c : kept) data.cells.push_back(cube.cells()[range.begin + c]);
  data.values.resize(values.size());
  for (size_t p = 0; p < values.size(); ++p) {
    data.values[p].reserve(kept.size());
    for (const size_t c : kept) data.values[p].push_back(values[p][c]);
  }
  data.n_items.reserve(kept.size());
  for (const size_t c : kept) data.n_items.push_back(c < n_items.size() ? n_items[c] : 0);
  return data;
}

}  // namespace stac2h3::serve
