/** @file footprint_registry.h
 * @brief Distinct footprints, recognised by their bytes: a full tile has the same footprint
 * on every revisit, so its cells and overlap areas are computed once.
 */
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "geo/geometry.h"

namespace stac2h3::resample {

class FootprintRegistry {
 public:
  /** The id of a footprint given decoded; equal coordinates give equal ids. */
  uint32_t intern(const geo::MultiPolygon& footprint);

  /**
   * The id of a footprint given as encoded bytes (e.g. a GeoPackage geometry blob); equal
   * bytes give equal ids. `decode` is called only for bytes not seen before.
   * @param bytes   the encoding.
   * @param decode  fills a MultiPolygon from the bytes; may throw (nothing is registered).
   */
  template <typename Decode>
  uint32_t intern(std::span<const uint8_t> bytes, Decode&& decode) {
    key_.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    auto found = ids_.find(key_);
    if (found != ids_.end()) return found->second;
    geo::MultiPolygon footprint;
    decode(bytes, footprint);
    return insert(std::move(footprint));
  }

  /**
   * As intern(bytes, decode), but first compares the bytes with those of the `candidates`
   * (e.g. the footprints seen on the same tile: a tile has a few, its full footprint and
   * partial ones): a hit costs a memcmp instead of a hash lookup among tens of thousands of
   * long keys, which misses the cache.
   * @param candidates  any ids; ids not yet interned are ignored.
   */
  template <typename Decode>
  uint32_t intern(std::span<const uint8_t> bytes, std::span<const uint32_t> candidates,
                  Decode&& decode) {
    for (const uint32_t id : candidates) {
      if (id < sizes_.size() && sizes_[id] == bytes.size() &&
          std::memcmp(keys_[id]->data(), bytes.data(), bytes.size()) == 0) {
        return id;
      }
    }
    return intern(bytes, std::forward<Decode>(decode));
  }

  /** Number of distinct footprints. */
  size_t size() const { return footprints_.size(); }
  /** The footprint of an id returned by intern(). The reference stays valid while more
   * footprints are interned, so other threads may read it meanwhile. */
  const geo::MultiPolygon& footprint(uint32_t id) const { return footprints_[id]; }

 private:
  uint32_t insert(geo::MultiPolygon footprint);

  std::string key_;  // reused between calls: no allocation per item once warm
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<const std::string*> keys_;      // the key of each id (map keys never move)
  std::vector<size_t> sizes_;                 // the key size of each id, at hand without a miss
  std::deque<geo::MultiPolygon> footprints_;  // a deque: interning never moves a footprint
};

}  // namespace stac2h3::resample
