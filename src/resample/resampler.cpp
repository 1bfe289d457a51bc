/** @file resampler.cpp
 * @brief The area-weighted engine (see resampler.h).
 */
#include "resample/resampler.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>
#include <unordered_map>

#include "resample/acquisition.h"
#include "resample/day_accumulator.h"
#include "resample/footprint_registry.h"
#include "stac/utc_time.h"
#include "util/error.h"
#include "util/progress.h"

namespace stac2h3::resample {

namespace {

/** One item as the engine keeps it between add() and run(). */
struct Record {
  int32_t day = 0;
  uint32_t footprint = 0;
  std::array<float, stac::kNumValues> values{};
};

constexpr size_t kMaxReasons = 10;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int32_t floorDay(int64_t micros) {
  int64_t day = micros / stac::kMicrosPerDay;
  if (micros % stac::kMicrosPerDay < 0) --day;
  return static_cast<int32_t>(day);
}

}  // namespace

struct Resampler::Impl {
  ResampleOptions options;
  CellAreaFunction cell_areas;
  ResampleStats stats;
  bool prepared = false;

  FootprintRegistry footprints;
  std::unordered_map<std::string, uint32_t> tiles;  // interned MGRS tiles, ids from 1
  std::string tile_key;
  std::vector<Record> records;
  std::vector<AcquisitionKey> keys;

  // Filled by prepare().
  int32_t first_day = 0;
  int32_t num_days = 0;
  std::vector<h3::Cell> cells;
  std::vector<double> cell_area_km2;
  // The overlaps of footprint f are entries [overlap_offsets[f], overlap_offsets[f + 1]).
  std::vector<size_t> overlap_offsets;
  std::vector<uint32_t> overlap_cells;  // index into `cells`
  std::vector<double> overlap_areas;
  std::vector<size_t> day_offsets;  // records of day d: [day_offsets[d], day_offsets[d + 1])

  uint32_t internTile(std::string_view tile) {
    if (tile.empty()) return 0;
    tile_key.assign(tile);
    auto found = tiles.find(tile_key);
    if (found != tiles.end()) return found->second;
    const auto id = static_cast<uint32_t>(tiles.size() + 1);
    tiles.emplace(tile_key, id);
    return id;
  }

  /** The item's sensing time; nullopt (counted) when its datetime is unusable. */
  std::optional<int64_t> sensingTime(std::string_view datetime) {
    checkAdding();
    ++stats.items_added;
    auto micros = stac::parseUtcMicros(datetime);
    if (!micros) ++stats.bad_datetime;
    return micros;
  }

  void addRecord(int64_t micros, std::string_view tile, std::string_view baseline,
                 const std::array<double, stac::kNumValues>& values, uint32_t footprint) {
    Record record;
    record.footprint = footprint;
    record.day = floorDay(micros);
    AcquisitionKey key;
    key.tile = internTile(tile);
    key.sensed_us = micros;
    key.baseline = baselineNumber(baseline);
    for (int v = 0; v < stac::kNumValues; ++v) {
      record.values[v] = static_cast<float>(values[v]);
      if (!std::isnan(values[v])) ++key.known_values;
    }
    records.push_back(record);
    keys.push_back(key);
  }

  void checkAdding() const {
    if (prepared) throw Error("resample: items added after prepare()");
  }

  /** Drops duplicates and items outside the days; sets the time axis. */
  void selectItems() {
    const std::vector<bool> duplicate = findDuplicates(keys);
    keys = {};
    int32_t earliest = std::numeric_limits<int32_t>::max();
    int32_t latest = std::numeric_limits<int32_t>::min();
    for (size_t i = 0; i < records.size(); ++i) {
      if (duplicate[i]) continue;
      earliest = std::min(earliest, records[i].day);
      latest = std::max(latest, records[i].day);
    }
    const int32_t first = options.first_day.value_or(earliest);
    const int32_t last = options.last_day.value_or(latest);
    if (first > last) {
      throw InputError(records.empty() ? "resample: no items to resample"
                                       : "resample: the first day is after the last day");
    }
    size_t kept = 0;
    for (size_t i = 0; i < records.size(); ++i) {
      if (duplicate[i]) {
        ++stats.duplicates;
      } else if (records[i].day < first || records[i].day > last) {
        ++stats.outside_days;
      } else {
        records[kept++] = records[i];
      }
    }
    records.resize(kept);
    if (records.empty()) throw InputError("resample: no item falls within the days asked for");
    first_day = first;
    num_days = last - first + 1;
  }

  /** Overlaps of every footprint still in use, in parallel; drops items of unusable ones. */
  void computeOverlaps() {
    const auto start = std::chrono::steady_clock::now();
    std::vector<uint32_t> used;
    {
      std::vector<bool> seen(footprints.size(), false);
      for (const Record& record : records) {
        if (!seen[record.footprint]) used.push_back(record.footprint);
        seen[record.footprint] = true;
      }
    }
    std::vector<std::vector<CellArea>> overlaps(footprints.size());
    std::vector<bool> usable(footprints.size(), false);
    std::mutex reasons_mutex;
    Progress progress("footprints", static_cast<int64_t>(used.size()));
    tbb::parallel_for(tbb::blocked_range<size_t>(0, used.size(), 16), [&](const auto& range) {
      std::string reason;
      for (size_t i = range.begin(); i != range.end(); ++i) {
        const uint32_t id = used[i];
        if (cell_areas(footprints.footprint(id), options.resolution, overlaps[id], reason)) {
          usable[id] = true;
          std::erase_if(overlaps[id], [](const CellArea& o) { return !(o.area_km2 > 0.0); });
        } else {
          std::lock_guard lock(reasons_mutex);
          ++stats.unusable_footprints;
          if (stats.unusable_reasons.size() < kMaxReasons) {
            stats.unusable_reasons.push_back("footprint " + std::to_string(id) + ": " + reason);
          }
        }
        progress.add();
      }
    });
    progress.finish();
    stats.distinct_footprints = static_cast<int64_t>(used.size());

    const size_t before = records.size();
    std::erase_if(records, [&](const Record& record) { return !usable[record.footprint]; });
    stats.unusable_items = static_cast<int64_t>(before - records.size());
    if (records.empty()) throw InputError("resample: no item has a usable footprint");

    for (const uint32_t id : used) {
      for (const CellArea& overlap : overlaps[id]) cells.push_back(overlap.cell);
    }
    tbb::parallel_sort(cells.begin(), cells.end());
    cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
    cell_area_km2.resize(cells.size());
    tbb::parallel_for(size_t{0}, cells.size(),
                      [&](size_t i) { cell_area_km2[i] = h3::cellAreaKm2(cells[i]); });

    overlap_offsets.assign(footprints.size() + 1, 0);
    for (uint32_t id = 0; id < footprints.size(); ++id) {
      overlap_offsets[id + 1] = overlap_offsets[id] + overlaps[id].size();
    }
    overlap_cells.resize(overlap_offsets.back());
    overlap_areas.resize(overlap_offsets.back());
    tbb::parallel_for(size_t{0}, used.size(), [&](size_t i) {
      const uint32_t id = used[i];
      size_t at = overlap_offsets[id];
      for (const CellArea& overlap : overlaps[id]) {
        const auto found = std::lower_bound(cells.begin(), cells.end(), overlap.cell);
        overlap_cells[at] = static_cast<uint32_t>(found - cells.begin());
        overlap_areas[at] = overlap.area_km2;
        ++at;
      }
    });
    stats.overlap_seconds = secondsSince(start);
  }

  /** Orders the records by day (a counting sort, stable) and indexes the days. */
  void sortByDay() {
    day_offsets.assign(static_cast<size_t>(num_days) + 1, 0);
    for (const Record& record : records) ++day_offsets[record.day - first_day + 1];
    for (size_t d = 1; d < day_offsets.size(); ++d) day_offsets[d] += day_offsets[d - 1];
    std::vector<Record> sorted(records.size());
    std::vector<size_t> next(day_offsets.begin(), day_offsets.end() - 1);
    for (const Record& record : records) sorted[next[record.day - first_day]++] = record;
    records = std::move(sorted);
  }
};

Resampler::Resampler(ResampleOptions options, CellAreaFunction cell_areas)
    : impl_(std::make_unique<Impl>()) {
  if (options.resolution < 0 || options.resolution > h3::kMaxResolution) {
    throw InputError("resample: resolution " + std::to_string(options.resolution) +
                     " is outside 0..15");
  }
  if (options.block_days < 1) throw InputError("resample: block_days must be at least 1");
  impl_->options = options;
  impl_->cell_areas = std::move(cell_areas);
}

Resampler::~Resampler() = default;

void Resampler::add(const stac::Item& item) {
  const auto micros = impl_->sensingTime(item.datetime);
  if (!micros) return;
  const uint32_t footprint = impl_->footprints.intern(item.footprint);
  impl_->addRecord(*micros, item.mgrs_tile, item.processing_baseline, item.values, footprint);
}

void Resampler::add(const store::RawItem& item) {
  const auto micros = impl_->sensingTime(item.datetime);
  if (!micros) return;
  const uint32_t footprint = impl_->footprints.intern(
      item.geometry, [](std::span<const uint8_t> bytes, geo::MultiPolygon& out) {
        store::decodeGpkgGeometry(bytes, out);
      });
  impl_->addRecord(*micros, item.mgrs_tile, item.processing_baseline, item.values, footprint);
}

store::CubeDescription Resampler::prepare() {
  if (impl_->prepared) throw Error("resample: prepare() called twice");
  impl_->prepared = true;
  impl_->selectItems();
  impl_->computeOverlaps();
  impl_->sortByDay();
  impl_->stats.items_used = static_cast<int64_t>(impl_->records.size());
  store::CubeDescription description;
  description.resolution = impl_->options.resolution;
  description.first_day = impl_->first_day;
  description.num_days = impl_->num_days;
  description.cells = impl_->cells;
  description.item_count = impl_->stats.items_used;
  return description;
}

void Resampler::run(const std::function<void(const store::CubeBlock&)>& sink) {
  Impl& impl = *impl_;
  if (!impl.prepared || impl.day_offsets.empty()) throw Error("resample: run() before prepare()");
  const size_t num_cells = impl.cells.size();
  tbb::enumerable_thread_specific<DayAccumulator> accumulators(num_cells);
  store::CubeBlock block;
  Progress progress("days", impl.num_days);
  for (int32_t block_start = 0; block_start < impl.num_days;
       block_start += impl.options.block_days) {
    const auto start = std::chrono::steady_clock::now();
    const int32_t block_days = std::min(impl.options.block_days, impl.num_days - block_start);
    block.reset(impl.first_day + block_start, block_days, static_cast<int64_t>(num_cells));
    std::atomic<int64_t> cell_days{0};
    tbb::parallel_for(0, block_days, [&](int32_t day_in_block) {
      DayAccumulator& accumulator = accumulators.local();
      const auto day = static_cast<size_t>(block_start + day_in_block);
      for (size_t r = impl.day_offsets[day]; r < impl.day_offsets[day + 1]; ++r) {
        const Record& record = impl.records[r];
        for (size_t o = impl.overlap_offsets[record.footprint];
             o < impl.overlap_offsets[record.footprint + 1]; ++o) {
          accumulator.add(impl.overlap_cells[o], impl.overlap_areas[o], record.values);
        }
      }
      cell_days += accumulator.finish(block, day_in_block, impl.cell_area_km2);
      progress.add();
    });
    impl.stats.cell_days += cell_days.load();
    const auto written = std::chrono::steady_clock::now();
    impl.stats.accumulate_seconds += secondsSince(start);
    sink(block);
    impl.stats.sink_seconds += secondsSince(written);
  }
  progress.finish();
}

const ResampleStats& Resampler::stats() const {
  return impl_->stats;
}

}  // namespace stac2h3::resample
