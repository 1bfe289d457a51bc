/** @file overlap_cache.cpp
 * @brief Footprint overlaps kept in the store between runs (see overlap_cache.h).
 *
 * File: the header line "stac2h3 overlaps <software version>\n", then per entry, native
 * little-endian: u64 hash, u64 vertices, i32 res, u8 usable, u32 reason length, the reason,
 * u64 count, count x (u64 cell, f64 area).
 */
#include "update/overlap_cache.h"

#include <bit>

#include "update/cache_file.h"

namespace stac2h3::update {

namespace {

static_assert(sizeof(resample::CellArea) == 16, "cells are read and written as 16-byte pairs");

constexpr std::string_view kKind = "overlaps";

/** FNV-1a over 64-bit words, each mixed first (splitmix64's finaliser). */
struct Hasher {
  uint64_t state = 0xcbf29ce484222325ULL;
  void add(uint64_t word) {
    word ^= word >> 30;
    word *= 0xbf58476d1ce4e5b9ULL;
    word ^= word >> 27;
    word *= 0x94d049bb133111ebULL;
    word ^= word >> 31;
    state = (state ^ word) * 0x100000001b3ULL;
  }
  void add(const geo::Ring& ring) {
    add(ring.size());
    for (const geo::LonLat& point : ring) {
      add(std::bit_cast<uint64_t>(point.lon));
      add(std::bit_cast<uint64_t>(point.lat));
    }
  }
};

}  // namespace

OverlapCache::Key OverlapCache::keyOf(const geo::MultiPolygon& footprint, int res) {
  Hasher hasher;
  Key key;
  key.res = res;
  hasher.add(footprint.polygons.size());
  for (const geo::Polygon& polygon : footprint.polygons) {
    hasher.add(polygon.outer);
    key.vertices += polygon.outer.size();
    hasher.add(polygon.holes.size());
    for (const geo::Ring& hole : polygon.holes) {
      hasher.add(hole);
      key.vertices += hole.size();
    }
  }
  key.hash = hasher.state;
  return key;
}

OverlapCache::OverlapCache(const std::filesystem::path& path) {
  if (path.empty()) return;
  const CacheFileHandle file = openCacheFile(path, kKind);
  if (!file) return;
  std::unordered_map<Key, Entry, KeyHash> entries;
  for (;;) {
    Key key;
    if (!readCacheValue(file.get(), key.hash)) break;  // the end
    uint8_t usable = 0;
    uint32_t reason_size = 0;
    uint64_t count = 0;
    Entry entry;
    if (!readCacheValue(file.get(), key.vertices) || !readCacheValue(file.get(), key.res) ||
        !readCacheValue(file.get(), usable) || !readCacheValue(file.get(), reason_size)) {
      return;  // truncated: not trusted
    }
    entry.usable = usable != 0;
    entry.reason.resize(reason_size);
    if (std::fread(entry.reason.data(), 1, reason_size, file.get()) != reason_size ||
        !readCacheValue(file.get(), count) || count > (uint64_t{1} << 32)) {
      return;
    }
    entry.cells.resize(count);
    if (std::fread(entry.cells.data(), sizeof(resample::CellArea), count, file.get()) != count) {
      return;
    }
    entries.emplace(key, std::move(entry));
  }
  loaded_ = std::move(entries);
}

OverlapCache::~OverlapCache() = default;

resample::CellAreaFunction OverlapCache::cellAreas(resample::CellAreaFunction compute) {
  return [this, compute = std::move(compute)](const geo::MultiPolygon& footprint, int res,
                                              std::vector<resample::CellArea>& out,
                                              std::string& reason) {
    const Key key = keyOf(footprint, res);
    if (const auto found = loaded_.find(key); found != loaded_.end()) {
      ++hits_;
      out = found->second.cells;
      reason = found->second.reason;
      return found->second.usable;
    }
    ++misses_;
    const bool usable = compute(footprint, res, out, reason);
    std::lock_guard lock(mutex_);
    computed_.emplace(key, Entry{usable, usable ? std::string() : reason, out});
    return usable;
  };
}

bool OverlapCache::save(const std::filesystem::path& path) const {
  std::lock_guard lock(mutex_);
  uint64_t bytes = cacheHeaderSize(kKind);
  for (const auto* entries : {&loaded_, &computed_}) {
    for (const auto& [key, entry] : *entries) {
      bytes += 33 + entry.reason.size() + entry.cells.size() * 16;
    }
  }
  std::filesystem::remove(path);
  if (bytes > kMaxOverlapCacheBytes) return false;
  CacheFileWriter file(path, kKind);
  const auto write = [&](const void* data, size_t size) { file.write(data, size); };
  for (const auto* entries : {&loaded_, &computed_}) {
    for (const auto& [key, entry] : *entries) {
      const uint8_t usable = entry.usable ? 1 : 0;
      const auto reason_size = static_cast<uint32_t>(entry.reason.size());
      const uint64_t count = entry.cells.size();
      write(&key.hash, sizeof key.hash);
      write(&key.vertices, sizeof key.vertices);
      write(&key.res, sizeof key.res);
      write(&usable, sizeof usable);
      write(&reason_size, sizeof reason_size);
      write(entry.reason.data(), entry.reason.size());
      write(&count, sizeof count);
      write(entry.cells.data(), entry.cells.size() * sizeof(resample::CellArea));
    }
  }
  file.finish();
  return true;
}

}  // namespace stac2h3::update
