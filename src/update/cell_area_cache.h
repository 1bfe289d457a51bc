/** @file cell_area_cache.h
 * @brief The exact areas of a cube's cells (obs_fraction's denominators), remembered from one
 * run to the next in the cube's store (`.stac2h3_cell_areas`): computing them for every cell
 * a week's items see was a fifth of the CPU of `resample --update` of a global year at res 5,
 * and the cells are mostly the same from week to week.
 *
 * The areas are what geo::exactCellAreaKm2 returns, bit for bit, so a cube made from the
 * cache equals one made without it. A file written by another software version is ignored.
 */
#pragma once

#include <tbb/enumerable_thread_specific.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <utility>
#include <vector>

#include "h3/h3.h"

namespace stac2h3::update {

/** The file name of the cache inside a cube's store. */
inline constexpr const char* kCellAreaCacheFile = ".stac2h3_cell_areas";

/** Beyond this many bytes the cache is not saved (16 M cells: a global cube at res 6). */
inline constexpr uint64_t kMaxCellAreaCacheBytes = uint64_t{256} << 20;

class CellAreaCache {
 public:
  /** An empty cache, or the one saved at `file` (ignored when missing, unreadable or of
   * another software version). */
  explicit CellAreaCache(const std::filesystem::path& file = {});

  /** geo::exactCellAreaKm2 answered from the cache, else computed (and remembered).
   * Thread-safe; the cache must outlive it. */
  std::function<double(h3::Cell)> areas();

  /** Writes every area (loaded or computed) to `file`, replacing it, unless they take more
   * than kMaxCellAreaCacheBytes. @return whether it was written.
   * @throws stac2h3::Error when the file cannot be written. */
  bool save(const std::filesystem::path& file);

  /** Cells computed since construction. */
  int64_t misses() const { return misses_; }

 private:
  std::vector<h3::Cell> cells_;  // loaded, sorted; read-only once constructed
  std::vector<double> areas_;
  tbb::enumerable_thread_specific<std::vector<std::pair<h3::Cell, double>>> computed_;
  std::atomic<int64_t> misses_{0};
};

}  // namespace stac2h3::update
