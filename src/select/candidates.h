/** @file candidates.h
 * @brief The candidates of each window: items whose footprint overlaps the AOI with positive
 * area, that pass the cloud and nodata thresholds, each with the AOI pieces it covers; among
 * the items of one acquisition each piece of ground counts once.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

#include "select/aoi_grid.h"
#include "select/windows.h"
#include "stac/item.h"

namespace stac2h3::select {

/** One AOI piece an item covers, and which of its sample points (AoiGrid) it sees. */
struct PieceCover {
  uint32_t piece = 0;  ///< index into AoiGrid::cells
  uint64_t seen = 0;   ///< bit k: the footprint holds sample k (only samples in the AOI)
};

struct Candidate {
  stac::Item item;        ///< the stored row (its stored footprint)
  int64_t sensed_us = 0;  ///< the item's datetime, microseconds since the epoch
  /** The pieces its effective footprint covers (its footprint less what the better items
   * of its acquisition among the window's candidates cover), by piece index. */
  std::vector<PieceCover> cover;
};

/** Threshold filters; a NULL value fails a threshold set on it. */
struct CandidateRules {
  std::optional<double> max_cloud;   ///< keep cloud_cover <= this
  std::optional<double> max_nodata;  ///< keep nodata <= this
};

struct CandidateSet {
  std::vector<std::vector<Candidate>> per_window;  ///< one list per window, in fid order
  int64_t items_read = 0;  ///< rows the R-tree and datetime filters let through
  int64_t footprints = 0;  ///< distinct footprints whose overlaps were computed
};

/**
 * Reads the candidates of every window from an items GeoPackage.
 * @param items    the items file.
 * @param grid     the AOI's cell pieces.
 * @param windows  consecutive windows (makeWindows).
 * @param rules    the thresholds.
 * @throws stac2h3::Error when the file cannot be read.
 */
CandidateSet findCandidates(const std::filesystem::path& items, const AoiGrid& grid,
                            std::span<const Window> windows, const CandidateRules& rules);

/**
 * The pieces of `grid` whose sample points `footprint` holds (the cells of
 * geo::cellOverlaps: those it covers whole hold every sample, the others are tested).
 * @throws stac2h3::InputError as geo::cellOverlaps.
 */
std::vector<PieceCover> pieceCover(const geo::MultiPolygon& footprint, const AoiGrid& grid);

}  // namespace stac2h3::select
