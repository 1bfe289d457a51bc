/** @file items_input.cpp
 * @brief Items GeoPackage to the engine and to the cover (see items_input.h).
 */
#include "resample/items_input.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <mutex>

#include "geo/cover.h"
#include "geo/footprint_validity.h"
#include "resample/footprint_registry.h"
#include "resample/items_read_ahead.h"
#include "store/items_gpkg.h"
#include "util/error.h"
#include "util/progress.h"

namespace stac2h3::resample {

namespace {

constexpr size_t kMaxReasons = 10;

/** Streams the raw rows of `path` into `consume` (read ahead on another thread), with a
 * progress line. */
template <typename Consume>
int64_t forEachRawItem(const std::filesystem::path& path, const store::ItemsQuery& query,
                       Consume&& consume) {
  // Counting the rows scans the table: worth it only for the ETA of a progress line.
  Progress progress("items", Progress::enabled() ? store::ItemsReader(path, query).count() : 0);
  const int64_t rows = readItemsAhead(path, query, [&](const RawItemBatch& batch) {
    for (const store::RawItem& raw : batch.items) consume(raw);
    progress.add(static_cast<int64_t>(batch.items.size()));
  });
  progress.finish();
  return rows;
}

}  // namespace

int64_t addItemsFromGpkg(const std::filesystem::path& items_gpkg, Resampler& resampler,
                         store::ItemsQuery filter) {
  filter.value_columns = resampler.valueVariables();
  filter.all_columns = false;
  return forEachRawItem(items_gpkg, filter, [&](const store::RawItem& raw) { resampler.add(raw); });
}

CellCover coverCells(const std::filesystem::path& items_gpkg, int res) {
  if (res < 0 || res > h3::kMaxResolution) {
    throw InputError("cells: resolution " + std::to_string(res) + " is outside 0..15");
  }
  FootprintRegistry footprints;
  CellCover cover;
  store::ItemsQuery query;
  query.value_columns.clear();  // the cover needs no values
  query.all_columns = false;
  cover.items = forEachRawItem(items_gpkg, query, [&](const store::RawItem& raw) {
    footprints.intern(raw.geometry, [](std::span<const uint8_t> bytes, geo::MultiPolygon& out) {
      store::decodeGpkgGeometry(bytes, out);
    });
  });
  cover.distinct_footprints = static_cast<int64_t>(footprints.size());

  tbb::enumerable_thread_specific<std::vector<h3::Cell>> found;
  std::mutex reasons_mutex;
  Progress progress("footprints", cover.distinct_footprints);
  tbb::parallel_for(size_t{0}, footprints.size(), [&](size_t id) {
    const geo::MultiPolygon& footprint = footprints.footprint(static_cast<uint32_t>(id));
    std::string reason;
    if (!geo::isValidFootprint(footprint, &reason)) {
      std::lock_guard lock(reasons_mutex);
      ++cover.unusable_footprints;
      if (cover.unusable_reasons.size() < kMaxReasons) {
        cover.unusable_reasons.push_back("footprint " + std::to_string(id) + ": " + reason);
      }
    } else {
      const auto cells = geo::polygonCover(footprint, res);
      auto& local = found.local();
      local.insert(local.end(), cells.begin(), cells.end());
    }
    progress.add();
  });
  progress.finish();
  for (const auto& local : found) cover.cells.insert(cover.cells.end(), local.begin(), local.end());
  tbb::parallel_sort(cover.cells.begin(), cover.cells.end());
  cover.cells.erase(std::unique(cover.cells.begin(), cover.cells.end()), cover.cells.end());
  return cover;
}

}  // namespace stac2h3::resample
