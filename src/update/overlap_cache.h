/** @file overlap_cache.h
 * @brief The overlaps of footprints with cells, remembered from one run to the next in the
 * cube's store (`.stac2h3_overlaps`), so that `resample --update` does not compute again
 * those of footprints the cube has seen: synthetic and real tiles come back with the same
 * footprint every few days, and their overlaps are most of a resample's CPU.
 *
 * Entries are keyed by the footprint's exact coordinates (a 64-bit hash and the vertex
 * count) and the resolution, and hold what the overlap computation returned, bit for bit,
 * so a cube made from the cache equals one made without it. A file written by another
 * software version is ignored (the computation may have changed).
 */
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "resample/cell_areas.h"

namespace stac2h3::update {

/** The file name of the cache inside a cube's store. */
inline constexpr const char* kOverlapCacheFile = ".stac2h3_overlaps";

/** Beyond this many bytes the cache is not saved (a global cube at res 7 would need GBs). */
inline constexpr uint64_t kMaxOverlapCacheBytes = uint64_t{768} << 20;

class OverlapCache {
 public:
  /** An empty cache, or the one saved at `file` (ignored when missing, unreadable or of
   * another software version). */
  explicit OverlapCache(const std::filesystem::path& file = {});
  ~OverlapCache();
  OverlapCache(const OverlapCache&) = delete;
  OverlapCache& operator=(const OverlapCache&) = delete;

  /** A CellAreaFunction answering from the cache, else from `compute` (whose answer it
   * remembers). Thread-safe; the cache must outlive it. */
  resample::CellAreaFunction cellAreas(resample::CellAreaFunction compute);

  /** Writes every entry (loaded or computed) to `file`, replacing it, unless they take more
   * than kMaxOverlapCacheBytes. @return whether it was written.
   * @throws stac2h3::Error when the file cannot be written. */
  bool save(const std::filesystem::path& file) const;

  /** Footprints answered from the cache / computed, since construction. */
  int64_t hits() const { return hits_; }
  int64_t misses() const { return misses_; }

 private:
  struct Entry {
    bool usable = false;
    std::string reason;
    std::vector<resample::CellArea> cells;
  };
  struct Key {
    uint64_t hash = 0;
    uint64_t vertices = 0;
    int res = 0;
    friend bool operator==(const Key&, const Key&) = default;
  };
  struct KeyHash {
    size_t operator()(const Key& key) const {
      return static_cast<size_t>(key.hash ^ (key.vertices * 0x9E3779B97F4A7C15ULL) ^
                                 static_cast<uint64_t>(key.res));
    }
  };
  static Key keyOf(const geo::MultiPolygon& footprint, int res);

  std::unordered_map<Key, Entry, KeyHash> loaded_;  // read-only once constructed
  mutable std::mutex mutex_;
  std::unordered_map<Key, Entry, KeyHash> computed_;  // under mutex_
  std::atomic<int64_t> hits_{0};
  std::atomic<int64_t> misses_{0};
};

}  // namespace stac2h3::update
