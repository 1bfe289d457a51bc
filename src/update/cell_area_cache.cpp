/** @file cell_area_cache.cpp
 * @brief Cell areas kept in the store between runs (see cell_area_cache.h).
 *
 * File: the header line "stac2h3 cell areas <software version>\n", then, native
 * little-endian, u64 count, count x u64 cell (ascending), count x f64 area in km².
 */
#include "update/cell_area_cache.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <memory>
#include <string>

#include "geo/cell_area.h"
#include "util/error.h"

namespace stac2h3::update {

namespace {

static_assert(std::endian::native == std::endian::little, "the cache file is little-endian");

const std::string& header() {
  static const std::string text = "stac2h3 cell areas " STAC2H3_VERSION "\n";
  return text;
}

using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

}  // namespace

CellAreaCache::CellAreaCache(const std::filesystem::path& path) {
  if (path.empty()) return;
  File file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return;
  std::string first(header().size(), '\0');
  uint64_t count = 0;
  if (std::fread(first.data(), 1, first.size(), file.get()) != first.size() || first != header() ||
      std::fread(&count, sizeof count, 1, file.get()) != 1 || count > kMaxCellAreaCacheBytes / 16) {
    return;
  }
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
  if (header().size() + 8 + all.size() * 16 > kMaxCellAreaCacheBytes) return false;
  File file(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!file) throw Error(path.string() + ": cannot create the cell area cache");
  const uint64_t count = all.size();
  bool written = std::fwrite(header().data(), 1, header().size(), file.get()) == header().size() &&
                 std::fwrite(&count, sizeof count, 1, file.get()) == 1;
  for (const auto& [cell, area] : all) {
    written = written && std::fwrite(&cell, sizeof cell, 1, file.get()) == 1;
  }
  for (const auto& [cell, area] : all) {
    written = written && std::fwrite(&area, sizeof area, 1, file.get()) == 1;
  }
  if (std::fclose(file.release()) != 0 || !written) {
    std::filesystem::remove(path);
    throw Error(path.string() + ": cannot write the cell area cache");
  }
  return true;
}

}  // namespace stac2h3::update
