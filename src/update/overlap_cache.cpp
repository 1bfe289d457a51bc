/** @file overlap_cache.cpp
 * @brief Footprint overlaps kept in the store between runs (see overlap_cache.h).
 *
 * File: the header line "stac2h3 overlaps <software version>\n", then per entry, native
 * little-endian: u64 hash, u64 vertices, i32 res, u8 usable, u32 reason length, the reason,
 * u64 count, count x (u64 cell, f64 area).
 */
#include "update/overlap_cache.h"

#include <bit>
#include <cstdio>
#include <cstring>
#include <memory>

#include "util/error.h"

namespace stac2h3::update {

namespace {

static_assert(std::endian::native == std::endian::little, "the cache file is little-endian");
static_assert(sizeof(resample::CellArea) == 16, "cells are read and written as 16-byte pairs");

const std::string& header() {
  static const std::string text = "stac2h3 overlaps " STAC2H3_VERSION "\n";
  return text;
}

using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

template <typename T>
bool readValue(std::FILE* file, T& value) {
  return std::fread(&value, sizeof value, 1, file) == 1;
}

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
  File file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return;
  std::string first(header().size(), '\0');
  if (std::fread(first.data(), 1, first.size(), file.get()) != first.size() || first != header()) {
    return;
  }
  std::unordered_map<Key, Entry, KeyHash> entries;
  for (;;) {
    Key key;
    if (!readValue(file.get(), key.hash)) break;  // the end
    uint8_t usable = 0;
    uint32_t reason_size = 0;
    uint64_t count = 0;
    Entry entry;
    if (!readValue(file.get(), key.vertices) || !readValue(file.get(), key.res) ||
        !readValue(file.get(), usable) || !readValue(file.get(), reason_size)) {
      return;  // truncated: not trusted
    }
    entry.usable = usable != 0;
    entry.reason.resize(reason_size);
    if (std::fread(entry.reason.data(), 1, reason_size, file.get()) != reason_size ||
        !readValue(file.get(), count) || count > (uint64_t{1} << 32)) {
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
  uint64_t bytes = header().size();
  for (const auto* entries : {&loaded_, &computed_}) {
    for (const auto& [key, entry] : *entries) {
      bytes += 33 + entry.reason.size() + entry.cells.size() * 16;
    }
  }
  std::filesystem::remove(path);
  if (bytes > kMaxOverlapCacheBytes) return false;
  File file(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!file) throw Error(path.string() + ": cannot create the overlap cache");
  bool written = std::fwrite(header().data(), 1, header().size(), file.get()) == header().size();
  const auto write = [&](const void* data, size_t size) {
    written = written && std::fwrite(data, 1, size, file.get()) == size;
  };
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
  if (std::fclose(file.release()) != 0 || !written) {
    std::filesystem::remove(path);
    throw Error(path.string() + ": cannot write the overlap cache");
  }
  return true;
}

}  // namespace stac2h3::update
