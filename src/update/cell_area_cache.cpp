/** @file cell_area_cache.cpp
 * @brief Cell areas kept in the store between runs (see cell_area_cache.h).
 *
 * File: the header line "stac2h3 cell areas <software version>\n", then, native
 * little-endian, u64 count, count x u64 cell (ascending), count x f64 area in km².
 */
#include "update/cell_area_cache.h"

#include <algorithm>

#include "geo/cell_area.h"
#include "update/cache_file.h"

namespace stac2h3::update {

namespace {

constexpr std::string_view kKind = "cell areas";

}  // namespace

CellAreaCache::CellAreaCache(const std::filesystem::path& path) {
  if (path.empty()) return;
  const CacheFileHandle file = openCacheFile(path, kKind);
  uint64_t count = 0;
  if (!file || !readCacheValue(file.get(), count) || count > kMaxCellAreaCacheBytes / 16) return;
  std::vector<h3::Cell> cells(count);
  std::vector<double> areas(count);
  if (std::fread(cells.data(), sizeof(h3::Cell), count, file.get()) != count ||
      std::fread(areas.data(), sizeof(double), count, file.get()) != count ||
      !std::is_sorted(cells.begin(), cells.end())) {
    return;  // truncated or damaged: not trusted
  }
  cells_ = std::move(cells);
  areas_ = std::move(areas);
}

std::function<double(h3::Cell)> CellAreaCache::areas() {
  return [this](h3::Cell cell) {
    const auto found = std::lower_bound(cells_.begin(), cells_.end(), cell);
    if (found != cells_.end() && *found == cell) return areas_[found - cells_.begin()];
    ++misses_;
    const double area = geo::exactCellAreaKm2(cell);
    computed_.local().emplace_back(cell, area);
    return area;
  };
}

bool CellAreaCache::save(const std::filesystem::path& path) {
  std::vector<std::pair<h3::Cell, double>> all;
  all.reserve(cells_.size() + static_cast<size_t>(misses_.load()));
  for (size_t i = 0; i < cells_.size(); ++i) all.emplace_back(cells_[i], areas_[i]);
  for (const auto& computed : computed_) all.insert(all.end(), computed.begin(), computed.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end(),
                        [](const auto& a, const auto& b) { return a.first == b.first; }),
            all.end());
  std::filesystem::remove(path);
  if (cacheHeaderSize(kKind) + 8 + all.size() * 16 > kMaxCellAreaCacheBytes) return false;
  CacheFileWriter file(path, kKind);
  const uint64_t count = all.size();
  file.write(&count, sizeof count);
  for (const auto& [cell, area] : all) file.write(&cell, sizeof cell);
  for (const auto& [cell, area] : all) file.write(&area, sizeof area);
  file.finish();
  return true;
}

}  // namespace stac2h3::update
