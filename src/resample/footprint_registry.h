/** @file footprint_registry.h
 * @brief Distinct footprints, recognised by their bytes: a full tile has the same footprint
 * on every revisit, so its cells and overlap areas are computed once.
 */
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
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
    return intern(bytes, {}, std::forward<Decode>(decode));
  }

  /**
   * As intern(bytes, decode), but first compares the bytes with those of the `candidates`
   * (e.g. the footprints seen on the same tile: a tile has a few, its full footprint and
   * partial ones): a hit costs a comparison of hashes kept side by side and one memcmp,
   * instead of a lookup among tens of thousands of keys, which misses the cache.
   * @param candidates  any ids; ids not yet interned are ignored.
   */
  template <typename Decode>
  uint32_t intern(std::span<const uint8_t> bytes, std::span<const uint32_t> candidates,
                  Decode&& decode) {
    const std::string_view key(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    const uint64_t hash = hashOf(key);
    for (const uint32_t id : candidates) {
      if (id < hashes_.size() && hashes_[id] == hash && keys_[id] == key) return id;
    }
    if (const auto found = find(key, hash)) return *found;
    geo::MultiPolygon footprint;
    decode(bytes, footprint);
    return insert(key, hash, std::move(footprint));
  }

  /** Number of distinct footprints. */
  size_t size() const { return footprints_.size(); }
  /** The footprint of an id returned by intern(). The reference stays valid while more
   * footprints are interned, so other threads may read it meanwhile. */
  const geo::MultiPolygon& footprint(uint32_t id) const { return footprints_[id]; }

 private:
  static uint64_t hashOf(std::string_view key) { return std::hash<std::string_view>()(key); }
  /** The id of the footprint whose key is `key`, if any. */
  std::optional<uint32_t> find(std::string_view key, uint64_t hash) const;
  uint32_t insert(std::string_view key, uint64_t hash, geo::MultiPolygon footprint);

  std::string key_;  // intern(MultiPolygon)'s key, reused: no allocation per call once warm
  // Ids by the hash of their key; keys of equal hash (a collision) share it.
  std::unordered_multimap<uint64_t, uint32_t> ids_;
  std::deque<std::string> keys_;              // the key of each id
  std::vector<uint64_t> hashes_;              // the key hash of each id, at hand without a miss
  std::deque<geo::MultiPolygon> footprints_;  // a deque: interning never moves a footprint
};

}  // namespace stac2h3::resample
