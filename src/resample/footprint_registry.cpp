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
  auto found = ids_.find(key_);
  if (found != ids_.end()) return found->second;
  return insert(footprint);
}

uint32_t FootprintRegistry::insert(geo::MultiPolygon footprint) {
  const auto id = static_cast<uint32_t>(footprints_.size());
  footprints_.push_back(std::move(footprint));
  keys_.push_back(&ids_.emplace(key_, id).first->first);
  sizes_.push_back(key_.size());
  return id;
}

}  // namespace stac2h3::resample
