/** @file footprint_registry.cpp
 * @brief Distinct footprints keyed by their bytes (see footprint_registry.h).
 */
#include "resample/footprint_registry.h"

namespace stac2h3::resample {

namespace {

void appendBytes(std::string& key, const void* data, size_t size) {
  key.append(static_cast<const char*>(data), size);
}

void appendRing(std::string& key, const geo::Ring& ring) {
  const auto count = static_cast<uint64_t>(ring.size());
  appendBytes(key, &count, sizeof count);
  appendBytes(key, ring.data(), ring.size() * sizeof(geo::LonLat));
}

}  // namespace

uint32_t FootprintRegistry::intern(const geo::MultiPolygon& footprint) {
  // The key is the raw coordinates with ring and hole counts: equal keys, equal footprints.
  key_.clear();
  for (const auto& polygon : footprint.polygons) {
    const auto holes = static_cast<uint64_t>(polygon.holes.size());
    appendBytes(key_, &holes, sizeof holes);
    appendRing(key_, polygon.outer);
    for (const auto& hole : polygon.holes) appendRing(key_, hole);
  }
  const uint64_t hash = hashOf(key_);
  if (const auto found = find(key_, hash)) return *found;
  return insert(key_, hash, footprint);
}

std::optional<uint32_t> FootprintRegistry::find(std::string_view key, uint64_t hash) const {
  const auto [first, last] = ids_.equal_range(hash);
  for (auto it = first; it != last; ++it) {
    if (keys_[it->second] == key) return it->second;
  }
  return std::nullopt;
}

uint32_t FootprintRegistry::insert(std::string_view key, uint64_t hash,
                                   geo::MultiPolygon footprint) {
  const auto id = static_cast<uint32_t>(footprints_.size());
  footprints_.push_back(std::move(footprint));
  keys_.emplace_back(key);
  hashes_.push_back(hash);
  ids_.emplace(hash, id);
  return id;
}

}  // namespace stac2h3::resample
