/** @file candidates.cpp
 * @brief Reading candidates through the R-tree, thresholds, and their cover of the AOI
 * pieces (see candidates.h).
 */
#include "select/candidates.h"

#include <tbb/parallel_for.h>

#include <cmath>
#include <string>
#include <unordered_map>

#include "geo/cover.h"
#include "resample/acquisition.h"
#include "resample/footprint_registry.h"
#include "stac/utc_time.h"
#include "store/items_gpkg.h"

namespace stac2h3::select {
namespace {

// Footprint edges are geodesics between vertices, the R-tree holds the vertices' envelope:
// a 110 km tile edge bulges ~1.4 km (0.013°) beyond it at 80° of latitude.
constexpr double kSearchMarginDegrees = 0.1;

bool passes(double value, const std::optional<double>& limit) {
  return !limit || (!std::isnan(value) && value <= *limit);
}

/** An item read, before its cover is known. */
struct Pending {
  Candidate candidate;
  uint32_t footprint = 0;  ///< id in the registry: the effective footprint once ranked
  bool duplicate = false;  ///< nothing left of it after its acquisition's better items
};

/** The acquisition rule's view of an item. */
resample::AcquisitionKey acquisitionKey(const Candidate& candidate, uint32_t tile) {
  resample::AcquisitionKey key;
  key.tile = tile;
  key.sensed_us = candidate.sensed_us;
  key.baseline = resample::baselineNumber(candidate.item.processing_baseline);
  key.nodata = static_cast<float>(candidate.item.value(stac::Value::kNodata));
  return key;
}

/**
 * One acquisition counts each piece of ground once (the README's Definition): within each
 * acquisition among the window's candidates, ranked best first, each item keeps only the
 * ground no better item covers. Sets each entry's footprint to its effective footprint and
 * flags those left with nothing.
 */
void applyAcquisitionRule(std::vector<Pending>& window, resample::FootprintRegistry& registry,
                          std::unordered_map<std::string, uint32_t>& tiles) {
  std::vector<resample::AcquisitionKey> keys;
  keys.reserve(window.size());
  for (const Pending& entry : window) {
    const std::string& tile = entry.candidate.item.mgrs_tile;
    const uint32_t id =
        tile.empty() ? 0
                     : tiles.emplace(tile, static_cast<uint32_t>(tiles.size() + 1)).first->second;
    keys.push_back(acquisitionKey(entry.candidate, id));
  }
  const resample::RankedAcquisitions ranked = resample::rankedAcquisitions(keys, [&](uint32_t i) {
    return resample::ItemName{window[i].candidate.item.id, window[i].candidate.item.collection};
  });
  for (size_t g = 0; g < ranked.size(); ++g) {
    const std::span<const uint32_t> group = ranked.group(g);
    if (group.size() < 2) continue;
    std::vector<const geo::MultiPolygon*> footprints;
    for (const uint32_t i : group) footprints.push_back(&registry.footprint(window[i].footprint));
    const std::vector<geo::MultiPolygon> effective = resample::effectiveFootprints(footprints);
    for (size_t k = 0; k < group.size(); ++k) {
      Pending& entry = window[group[k]];
      if (effective[k].empty()) {
        entry.duplicate = true;
      } else if (!(effective[k] == *footprints[k])) {
        entry.footprint = registry.intern(effective[k]);
      }
    }
  }
}

}  // namespace

std::vector<PieceCover> pieceCover(const geo::MultiPolygon& footprint, const AoiGrid& grid) {
  // Covering a footprint visits its cells; classifying the AOI's cells visits those: a tile
  // over a small AOI at a fine resolution is cheaper the second way.
  const double footprint_cells = geo::areaKm2(footprint) / meanCellAreaKm2(grid.res);
  const std::vector<geo::CellOverlap> overlaps =
      footprint_cells > static_cast<double>(grid.cells.size())
          ? geo::cellOverlapsAmong(footprint, grid.cells)
          : geo::cellOverlaps(footprint, grid.res);
  std::vector<PieceCover> cover;
  std::vector<geo::SphericalPolygon> spherical;  // made at the first cell cut by the footprint
  for (const geo::CellOverlap& overlap : overlaps) {
    const int piece = grid.pieceOf(overlap.cell);
    if (piece < 0) continue;
    uint64_t seen = grid.inside[piece];
    if (!overlap.whole) {
      if (spherical.empty()) spherical = geo::toSpherical(footprint);
      seen &= samplesInside(grid.samplesOf(piece), spherical);
    }
    if (seen != 0) cover.push_back(PieceCover{static_cast<uint32_t>(piece), seen});
  }
  return cover;
}

CandidateSet findCandidates(const std::filesystem::path& items, const AoiGrid& grid,
                            std::span<const Window> windows, const CandidateRules& rules) {
  CandidateSet set;
  set.per_window.resize(windows.size());
  if (windows.empty()) return set;

  store::ItemsQuery filter;
  filter.boxes = searchBoxes(grid.area, kSearchMarginDegrees);
  // Datetimes are compared as text first (a day wider on each side for UTC offsets), then
  // exactly.
  filter.datetime_from = stac::formatUtcDay(windows.front().first - 1);
  filter.datetime_before = stac::formatUtcDay(windows.back().last + 2);
  store::ItemsReader reader(items, filter);

  resample::FootprintRegistry registry;
  std::vector<std::vector<Pending>> pending(windows.size());
  stac::Item item;
  while (reader.next(item)) {
    ++set.items_read;
    const auto sensed = stac::parseUtcMicros(item.datetime);
    if (!sensed) continue;
    const int window = windowOf(windows, *sensed);
    if (window < 0 || !passes(item.value(stac::Value::kCloudCover), rules.max_cloud) ||
        !passes(item.value(stac::Value::kNodata), rules.max_nodata)) {
      continue;
    }
    Pending entry;
    entry.footprint = registry.intern(item.footprint);
    entry.candidate.item = item;
    entry.candidate.sensed_us = *sensed;
    pending[window].push_back(std::move(entry));
  }

  std::unordered_map<std::string, uint32_t> tiles;
  for (std::vector<Pending>& window : pending) applyAcquisitionRule(window, registry, tiles);

  std::vector<std::vector<PieceCover>> covers(registry.size());
  tbb::parallel_for(size_t{0}, covers.size(), [&](size_t id) {
    covers[id] = pieceCover(registry.footprint(static_cast<uint32_t>(id)), grid);
  });
  set.footprints = static_cast<int64_t>(covers.size());

  for (size_t w = 0; w < windows.size(); ++w) {
    for (Pending& entry : pending[w]) {
      const std::vector<PieceCover>& cover = covers[entry.footprint];
      // Near the AOI's box but not on the AOI, or a duplicate of a better item.
      if (cover.empty() || entry.duplicate) continue;
      entry.candidate.cover = cover;
      set.per_window[w].push_back(std::move(entry.candidate));
    }
  }
  return set;
}

}  // namespace stac2h3::select
