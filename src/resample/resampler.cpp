/** @file resampler.cpp
 * @brief The area-weighted engine (see resampler.h).
 */
#include "resample/resampler.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>
#include <tbb/task_group.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <limits>
#include <memory>
#include <numbers>
#include <numeric>
#include <unordered_map>

#include "geo/cell_area.h"
#include "resample/acquisition.h"
#include "resample/day_accumulator.h"
#include "resample/footprint_registry.h"
#include "stac/utc_time.h"
#include "util/error.h"
#include "util/packed_key_ids.h"
#include "util/progress.h"

namespace stac2h3::resample {

namespace {

/** One item as the engine keeps it between add() and run(); its values are in
 * Impl::record_values at row * (number of variables). */
struct Record {
  int32_t day = 0;
  uint32_t footprint = 0;
  uint32_t row = 0;
};

constexpr size_t kMaxReasons = 10;
constexpr uint32_t kNoFootprint = std::numeric_limits<uint32_t>::max();

/** The overlaps of one distinct footprint, filled by a background task. */
struct FootprintOverlaps {
  std::vector<CellArea> cells;  ///< positive areas only
  std::string reason;           ///< why the footprint is unusable
  bool usable = false;
};

/** One footprint's overlaps at one resolution, to compute. */
struct OverlapJob {
  uint64_t place = 0;  ///< placeKey of the footprint
  int resolution = 0;
  const geo::MultiPolygon* footprint = nullptr;
  FootprintOverlaps* out = nullptr;
};

/** New footprints are computed in batches of this many, each batch sorted by place, so that
 * the cells neighbouring footprints share are still in the cover's cell shape cache
 * (geo/cell_shape_cache.h) when the next one needs them. With the cache, the global synthetic
 * month at res 5 (62,665 distinct footprints) took 2.6 s less CPU (12.2 -> 9.6 s in all);
 * batches of 1,024 or 16,384 did as well. */
constexpr size_t kOverlapBatch = 4096;

/** Footprints near each other get near keys: the res-15 H3 cell of the first vertex (H3's
 * index order keeps the descendants of a cell together); 0 when there is none. */
uint64_t placeKey(const geo::MultiPolygon& footprint) {
  if (footprint.polygons.empty() || footprint.polygons.front().outer.empty()) return 0;
  const geo::LonLat& vertex = footprint.polygons.front().outer.front();
  h3::Cell cell = 0;
  const h3::LatLng position{vertex.lat * std::numbers::pi / 180.0,
                            vertex.lon * std::numbers::pi / 180.0};
  return h3::latLngToCell(position, h3::kMaxResolution, cell) == h3::Error::kSuccess ? cell : 0;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int32_t floorDay(int64_t micros) {
  int64_t day = micros / stac::kMicrosPerDay;
  if (micros % stac::kMicrosPerDay < 0) --day;
  return static_cast<int32_t>(day);
}

}  // namespace

/** Overlaps [begin, end) of one footprint, all in accumulation tile `tile`. */
struct OverlapRun {
  uint32_t tile = 0;
  size_t begin = 0;
  size_t end = 0;
};

/** One day's overlap runs sorted by accumulation tile: tile t's (record, run) pairs are
 * entries [tile_starts[t], tile_starts[t + 1]), in the records' order. */
struct DayTiles {
  std::vector<size_t> tile_starts;
  std::vector<size_t> cursor;
  std::vector<std::pair<uint32_t, uint32_t>> entries;
};

/** A thread's accumulator and an item's terms, kept from day to day. */
struct TileScratch {
  DayAccumulator accumulator;
  std::vector<double> terms;
};

/** What the engine keeps for one resolution: the overlaps of the footprints with its cells.
 * Everything else (the items, their acquisitions, the days) is shared by all resolutions. */
struct Level {
  int resolution = 0;
  // One entry per footprint id. A deque, so the tasks' pointers survive later push_backs.
  std::deque<FootprintOverlaps> overlaps;
  // Filled by prepare().
  std::vector<h3::Cell> cells;
  std::vector<double> cell_area_km2;  // exact, the same geometry as the overlaps
  // The overlaps of footprint f are entries [overlap_offsets[f], overlap_offsets[f + 1]).
  std::vector<size_t> overlap_offsets;
  std::vector<uint32_t> overlap_cells;  // index into `cells`
  std::vector<double> overlap_areas;
  // The overlaps of footprint f cut where they pass from one accumulation tile to the next
  // (their cells ascend): runs [run_offsets[f], run_offsets[f + 1]).
  std::vector<size_t> run_offsets;
  std::vector<OverlapRun> runs;
  int64_t items_used = 0;             // items whose footprint is usable at this resolution
  std::vector<int64_t> items_by_day;  // items_used per day of the time axis
};

struct Resampler::Impl {
  ResampleOptions options;
  CellAreaFunction cell_areas;
  ResampleStats stats;
  bool prepared = false;

  FootprintRegistry footprints;
  std::vector<Level> levels;  // the finest first
  tbb::task_group overlap_tasks;
  // Computations queued for the next batch; queued_footprints counts their footprints.
  std::vector<OverlapJob> queued;
  size_t queued_footprints = 0;
  std::vector<bool> overlaps_queued;  // by footprint id (set by the adding thread only)
  std::atomic<int64_t> overlap_nanos{0};
  std::atomic<Progress*> overlap_progress{nullptr};  // set while prepare() waits
  // Interned MGRS tiles, ids from 1: tiles of up to 7 characters (all MGRS tiles) packed
  // into an integer key, longer ones by text.
  PackedKeyIds short_tiles;
  std::unordered_map<std::string, uint32_t> long_tiles;
  uint32_t num_tiles = 0;
  // By tile id: the footprints last seen on the tile, most recent first. Eight: a year's
  // synthetic tiles missed four in 30% of their items, eight in half as many.
  using RecentFootprints = std::array<uint32_t, 8>;
  std::vector<RecentFootprints> tile_footprints{noRecentFootprints()};

  static RecentFootprints noRecentFootprints() {
    RecentFootprints none;
    none.fill(kNoFootprint);
    return none;
  }
  std::vector<Record> records;
  std::vector<float> record_values;  // the variables' values of each added item, in order
  std::vector<AcquisitionKey> keys;
  // The name of item i: its id item_ids[id_ends[i - 1], id_ends[i]) and its collection
  // collections[item_collections[i]] (a file holds a few). Kept for the ranking, which asks
  // only for items that share their acquisition, and the canonical order.
  std::string item_ids;
  std::vector<uint64_t> id_ends;
  std::vector<std::string> collections;
  std::vector<uint32_t> item_collections;
  // Where add(Item) finds each variable in Item::values; -1 when it is not one of the six.
  std::vector<int> item_value_index;

  // Used by run(), kept from one resolution to the next.
  store::CubeBlock block;
  std::vector<DayTiles> day_tiles;  // by day of the block
  tbb::enumerable_thread_specific<TileScratch> tile_scratch;

  // Filled by prepare().
  int32_t first_day = 0;
  int32_t num_days = 0;
  std::vector<size_t> day_offsets;  // records of day d: [day_offsets[d], day_offsets[d + 1])

  uint32_t internTile(std::string_view tile) {
    if (tile.empty()) return 0;
    uint32_t* id = nullptr;
    if (tile.size() < sizeof(uint64_t)) {
      uint64_t packed = static_cast<uint64_t>(tile.size()) << 56;
      std::memcpy(&packed, tile.data(), tile.size());
      id = &short_tiles[packed];
    } else {
      id = &long_tiles[std::string(tile)];
    }
    if (*id == 0) {
      *id = ++num_tiles;
      tile_footprints.push_back(tile_footprints[0]);
    }
    return *id;
  }

  /** The item's sensing time; nullopt (counted) when its datetime is unusable. */
  std::optional<int64_t> sensingTime(std::string_view datetime) {
    checkAdding();
    ++stats.items_added;
    auto micros = stac::parseUtcMicros(datetime);
    if (!micros) ++stats.bad_datetime;
    return micros;
  }

  ~Impl() {
    // A task group must be waited for before it goes; errors no longer matter here.
    overlap_tasks.cancel();
    try {
      overlap_tasks.wait();
    } catch (...) {
    }
  }

  bool insideDays(int32_t day) const {
    return day >= options.first_day.value_or(std::numeric_limits<int32_t>::min()) &&
           day <= options.last_day.value_or(std::numeric_limits<int32_t>::max()) &&
           (!options.only_days ||
            std::binary_search(options.only_days->begin(), options.only_days->end(), day));
  }

  /** Queues the overlaps of footprint `id` at every resolution, once; a full batch starts on
   * the TBB workers. @return the number of computations queued. */
  int startOverlaps(uint32_t id) {
    // Asked for every item: one bit answers for the footprints already queued.
    if (id >= overlaps_queued.size()) overlaps_queued.resize(footprints.size(), false);
    if (overlaps_queued[id]) return 0;
    overlaps_queued[id] = true;
    for (Level& level : levels) {
      while (level.overlaps.size() <= id) level.overlaps.emplace_back();
      queued.push_back({0, level.resolution, &footprints.footprint(id), &level.overlaps[id]});
    }
    if (++queued_footprints >= kOverlapBatch) startQueuedOverlaps();
    return static_cast<int>(levels.size());
  }

  /** Starts the queued computations as one task, which takes them in spatial order. */
  void startQueuedOverlaps() {
    if (queued.empty()) return;
    auto batch = std::make_shared<std::vector<OverlapJob>>(std::move(queued));
    overlap_tasks.run([this, batch] { computeOverlaps(*batch); });
    queued = {};
    queued_footprints = 0;
  }

  /** Computes a batch, neighbouring footprints one after the other (in parallel over runs of
   * them), so that the cells they share are still in the thread's cell shape cache. */
  void computeOverlaps(std::vector<OverlapJob>& batch) {
    for (OverlapJob& job : batch) job.place = placeKey(*job.footprint);
    std::sort(batch.begin(), batch.end(), [](const OverlapJob& a, const OverlapJob& b) {
      return a.place != b.place ? a.place < b.place : a.resolution > b.resolution;
    });
    tbb::parallel_for(tbb::blocked_range<size_t>(0, batch.size(), 8),
                      [&](const tbb::blocked_range<size_t>& range) {
                        for (size_t i = range.begin(); i < range.end(); ++i) {
                          computeOverlap(batch[i]);
                        }
                      });
  }

  void computeOverlap(const OverlapJob& job) {
    const auto start = std::chrono::steady_clock::now();
    FootprintOverlaps& out = *job.out;
    out.usable = cell_areas(*job.footprint, job.resolution, out.cells, out.reason);
    std::erase_if(out.cells, [](const CellArea& o) { return !(o.area_km2 > 0.0); });
    overlap_nanos += std::chrono::duration_cast<std::chrono::nanoseconds>(
                         std::chrono::steady_clock::now() - start)
                         .count();
    if (Progress* progress = overlap_progress.load()) progress->add();
  }

  /** Adds one item: `fixed` are its six value columns (the acquisition rule reads nodata),
   * `value_of(v)` the value of variable v. */
  template <typename ValueOf>
  void addRecord(int64_t micros, uint32_t tile, std::string_view baseline, ItemName name,
                 const std::array<double, stac::kNumValues>& fixed, ValueOf&& value_of,
                 uint32_t footprint) {
    Record record;
    record.footprint = footprint;
    record.day = floorDay(micros);
    if (records.size() >= std::numeric_limits<uint32_t>::max()) {
      throw Error("resample: more than 4 billion items");
    }
    record.row = static_cast<uint32_t>(records.size());
    for (size_t v = 0; v < options.variables.size(); ++v) {
      record_values.push_back(static_cast<float>(value_of(v)));
    }
    // Items outside the days asked for never reach the cube: their footprints wait.
    if (insideDays(record.day)) startOverlaps(footprint);
    AcquisitionKey key;
    key.tile = tile;
    key.sensed_us = micros;
    key.baseline = baselineNumber(baseline);
    key.nodata = static_cast<float>(fixed[static_cast<int>(stac::Value::kNodata)]);
    records.push_back(record);
    keys.push_back(key);
    item_ids.append(name.id);
    id_ends.push_back(item_ids.size());
    item_collections.push_back(collectionIndex(name.collection));
  }

  uint32_t collectionIndex(std::string_view collection) {
    // Items come in runs of one collection: the last one first.
    if (!item_collections.empty() && collections[item_collections.back()] == collection) {
      return item_collections.back();
    }
    const auto index = static_cast<uint32_t>(
        std::find(collections.begin(), collections.end(), collection) - collections.begin());
    if (index == collections.size()) collections.emplace_back(collection);
    return index;
  }

  ItemName nameOf(uint32_t i) const {
    const size_t start = i == 0 ? 0 : id_ends[i - 1];
    return {std::string_view(item_ids.data() + start, id_ends[i] - start),
            collections[item_collections[i]]};
  }

  const Level& level(int resolution) const {
    for (const Level& level : levels) {
      if (level.resolution == resolution) return level;
    }
    throw Error("resample: resolution " + std::to_string(resolution) + " was not resampled");
  }

  void checkAdding() const {
    if (prepared) throw Error("resample: items added after prepare()");
  }

  /**
   * One acquisition counts each piece of ground once (acquisition.h): each item of an
   * acquisition shared with others keeps only the ground that no item ranked before it covers,
   * as a footprint of its own; items alone in theirs (most) keep theirs untouched.
   * @return per record, whether it adds no ground (a duplicate).
   */
  std::vector<bool> applyAcquisitionRule() {
    const RankedAcquisitions ranked =
        rankedAcquisitions(keys, [this](uint32_t i) { return nameOf(i); });
    std::vector<size_t> shared;
    for (size_t g = 0; g < ranked.size(); ++g) {
      if (ranked.group(g).size() > 1) shared.push_back(g);
    }
    std::vector<std::vector<geo::MultiPolygon>> contributions(shared.size());
    tbb::parallel_for(size_t{0}, shared.size(), [&](size_t s) {
      std::vector<const geo::MultiPolygon*> footprints_ranked;
      for (const uint32_t i : ranked.group(shared[s])) {
        footprints_ranked.push_back(&footprints.footprint(records[i].footprint));
      }
      try {
        contributions[s] = effectiveFootprints(footprints_ranked);
      } catch (const InputError& error) {
        const ItemName first = nameOf(ranked.group(shared[s])[0]);
        throw InputError("resample: the acquisition of item " + std::string(first.id) + " (" +
                         std::string(first.collection) + "): " + error.what());
      }
    });
    std::vector<bool> duplicate(records.size(), false);
    for (size_t s = 0; s < shared.size(); ++s) {
      const std::span<const uint32_t> group = ranked.group(shared[s]);
      for (size_t k = 0; k < group.size(); ++k) {
        Record& record = records[group[k]];
        const geo::MultiPolygon& contribution = contributions[s][k];
        if (contribution.empty()) {
          duplicate[group[k]] = true;
        } else if (contribution != footprints.footprint(record.footprint)) {
          record.footprint = footprints.intern(contribution);
          ++stats.partial_contributions;
        }
      }
    }
    return duplicate;
  }

  /**
   * The records in an order that does not depend on the order they were added in: by sensing
   * time, then name (a hash of it first, the name itself on a tie). Each cell's sums then add
   * the same terms in the same order, so the cube comes out bit for bit the same whatever the
   * order of the rows. Frees the keys and names.
   */
  std::vector<uint32_t> canonicalOrder() {
    // The sort keys side by side, the names consulted only on a tie of time and hash: sorting
    // indices that look their keys up cost a cache miss per comparison.
    struct SortKey {
      int64_t sensed_us;
      uint64_t name_hash;
      uint32_t index;
    };
    std::vector<SortKey> sorted(records.size());
    tbb::parallel_for(size_t{0}, records.size(), [&](size_t i) {
      const ItemName name = nameOf(static_cast<uint32_t>(i));
      sorted[i] = {keys[i].sensed_us,
                   std::hash<std::string_view>()(name.id) * 0x9E3779B97F4A7C15ULL ^
                       std::hash<std::string_view>()(name.collection),
                   static_cast<uint32_t>(i)};
    });
    tbb::parallel_sort(sorted.begin(), sorted.end(), [&](const SortKey& a, const SortKey& b) {
      if (a.sensed_us != b.sensed_us) return a.sensed_us < b.sensed_us;
      if (a.name_hash != b.name_hash) return a.name_hash < b.name_hash;
      const ItemName name_a = nameOf(a.index);
      const ItemName name_b = nameOf(b.index);
      if (name_a.id != name_b.id) return name_a.id < name_b.id;
      if (name_a.collection != name_b.collection) return name_a.collection < name_b.collection;
      return a.index < b.index;  // the same row twice
    });
    std::vector<uint32_t> order(sorted.size());
    for (size_t k = 0; k < sorted.size(); ++k) order[k] = sorted[k].index;
    keys = {};
    item_ids = {};
    id_ends = {};
    collections = {};
    item_collections = {};
    return order;
  }

  /** Applies the acquisition rule, drops items outside the days, puts the rest in canonical
   * order; sets the time axis. */
  void selectItems() {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<bool> duplicate = applyAcquisitionRule();
    const std::vector<uint32_t> order = canonicalOrder();
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
    std::vector<Record> selected;
    selected.reserve(records.size());
    for (const uint32_t i : order) {
      if (duplicate[i]) {
        ++stats.duplicates;
      } else if (records[i].day < first || records[i].day > last || !insideDays(records[i].day)) {
        ++stats.outside_days;
      } else {
        selected.push_back(records[i]);
      }
    }
    records = std::move(selected);
    if (records.empty() && !options.only_days) {
      throw InputError("resample: no item falls within the days asked for");
    }
    first_day = first;
    num_days = last - first + 1;
    stats.dedupe_seconds = secondsSince(start);
  }

  /** Waits for the overlaps of every footprint still in use, at every resolution; drops the
   * items whose footprint is unusable at every resolution. */
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
    const auto total = static_cast<int64_t>(used.size() * levels.size());
    int64_t to_do = 0;
    for (const uint32_t id : used) to_do += startOverlaps(id);
    startQueuedOverlaps();
    {
      Progress progress("footprints", total);
      progress.add(total - to_do);
      overlap_progress = &progress;
      overlap_tasks.wait();
      overlap_progress = nullptr;
      progress.finish();
    }
    stats.overlap_cpu_seconds = static_cast<double>(overlap_nanos.load()) * 1e-9;
    stats.distinct_footprints = static_cast<int64_t>(used.size());

    // usable[l][f]: footprint f is usable at levels[l]. A footprint is reported once.
    std::vector<std::vector<bool>> usable(levels.size(),
                                          std::vector<bool>(footprints.size(), false));
    std::vector<bool> reported(footprints.size(), false);
    for (size_t l = 0; l < levels.size(); ++l) {
      for (const uint32_t id : used) {
        const FootprintOverlaps& found = levels[l].overlaps[id];
        usable[l][id] = found.usable;
        if (found.usable || reported[id]) continue;
        reported[id] = true;
        ++stats.unusable_footprints;
        if (stats.unusable_reasons.size() < kMaxReasons) {
          stats.unusable_reasons.push_back("footprint " + std::to_string(id) + ": " + found.reason);
        }
      }
    }
    const auto usableSomewhere = [&](uint32_t id) {
      return std::any_of(usable.begin(), usable.end(), [id](const auto& at) { return at[id]; });
    };
    const size_t before = records.size();
    std::erase_if(records,
                  [&](const Record& record) { return !usableSomewhere(record.footprint); });
    for (size_t l = 0; l < levels.size(); ++l) {
      levels[l].items_by_day.assign(static_cast<size_t>(num_days), 0);
      for (const Record& record : records) {
        if (usable[l][record.footprint]) ++levels[l].items_by_day[record.day - first_day];
      }
      levels[l].items_used =
          std::accumulate(levels[l].items_by_day.begin(), levels[l].items_by_day.end(), int64_t{0});
      if (levels[l].items_used == 0 && !options.only_days) {
        throw InputError("resample: no item has a usable footprint");
      }
      indexOverlaps(levels[l], used, usable[l]);
    }
    stats.unusable_items = static_cast<int64_t>(before) - levels.front().items_used;
    stats.overlap_seconds = secondsSince(start);
  }

  /** The level's cells ever observed, their areas, and each footprint's overlaps as indices
   * into them. */
  void indexOverlaps(Level& level, const std::vector<uint32_t>& used,
                     const std::vector<bool>& usable) {
    std::vector<h3::Cell>& cells = level.cells;
    for (const uint32_t id : used) {
      if (!usable[id]) continue;
      for (const CellArea& overlap : level.overlaps[id].cells) cells.push_back(overlap.cell);
    }
    tbb::parallel_sort(cells.begin(), cells.end());
    cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
    level.cell_area_km2.resize(cells.size());
    const auto area_of = options.cell_area_km2 ? options.cell_area_km2 : geo::exactCellAreaKm2;
    tbb::parallel_for(size_t{0}, cells.size(),
                      [&](size_t i) { level.cell_area_km2[i] = area_of(cells[i]); });

    level.overlap_offsets.assign(footprints.size() + 1, 0);
    for (uint32_t id = 0; id < footprints.size(); ++id) {
      const size_t count = usable[id] ? level.overlaps[id].cells.size() : 0;
      level.overlap_offsets[id + 1] = level.overlap_offsets[id] + count;
    }
    level.overlap_cells.resize(level.overlap_offsets.back());
    level.overlap_areas.resize(level.overlap_offsets.back());
    tbb::parallel_for(size_t{0}, used.size(), [&](size_t i) {
      const uint32_t id = used[i];
      size_t at = level.overlap_offsets[id];
      if (!usable[id]) return;
      for (const CellArea& overlap : level.overlaps[id].cells) {
        const auto found = std::lower_bound(cells.begin(), cells.end(), overlap.cell);
        level.overlap_cells[at] = static_cast<uint32_t>(found - cells.begin());
        level.overlap_areas[at] = overlap.area_km2;
        ++at;
      }
    });
    level.overlaps = {};
    cutIntoTileRuns(level);
  }

  /** Sets level.runs: each footprint's overlaps in runs of one accumulation tile. */
  static void cutIntoTileRuns(Level& level) {
    constexpr uint32_t kTile = DayAccumulator::kTileCells;
    const size_t num_footprints = level.overlap_offsets.size() - 1;
    level.run_offsets.assign(num_footprints + 1, 0);
    level.runs.clear();
    for (size_t f = 0; f < num_footprints; ++f) {
      for (size_t o = level.overlap_offsets[f]; o < level.overlap_offsets[f + 1]; ++o) {
        const uint32_t tile = level.overlap_cells[o] / kTile;
        if (o == level.overlap_offsets[f] || tile != level.runs.back().tile) {
          level.runs.push_back({tile, o, o});
        }
        level.runs.back().end = o + 1;
      }
      level.run_offsets[f + 1] = level.runs.size();
    }
  }

  /** Sorts the overlap runs of day `day` of the time axis by tile (a counting sort: stable). */
  void sortDayByTile(const Level& level, size_t day, DayTiles& out) const {
    const size_t tile_count =
        (level.cells.size() + DayAccumulator::kTileCells - 1) / DayAccumulator::kTileCells;
    out.tile_starts.assign(tile_count + 1, 0);
    for (size_t r = day_offsets[day]; r < day_offsets[day + 1]; ++r) {
      const uint32_t f = records[r].footprint;
      for (size_t k = level.run_offsets[f]; k < level.run_offsets[f + 1]; ++k) {
        ++out.tile_starts[level.runs[k].tile + 1];
      }
    }
    for (size_t t = 0; t < tile_count; ++t) out.tile_starts[t + 1] += out.tile_starts[t];
    out.cursor.assign(out.tile_starts.begin(), out.tile_starts.end() - 1);
    out.entries.resize(out.tile_starts.back());
    for (size_t r = day_offsets[day]; r < day_offsets[day + 1]; ++r) {
      const uint32_t f = records[r].footprint;
      for (size_t k = level.run_offsets[f]; k < level.run_offsets[f + 1]; ++k) {
        out.entries[out.cursor[level.runs[k].tile]++] = {static_cast<uint32_t>(r),
                                                         static_cast<uint32_t>(k)};
      }
    }
  }

  /** Accumulates a day, sorted by tile, into row `day_in_block` of `out`, the tiles of out's
   * cells one after the other, each cell's terms added in the records' order.
   * @return the cells the day touched. */
  int64_t accumulateDay(const Level& level, const DayTiles& day, int32_t day_in_block,
                        store::CubeBlock& out) {
    constexpr uint32_t kTile = DayAccumulator::kTileCells;
    const size_t num_values = options.variables.size();
    const auto end_cell = static_cast<uint32_t>(out.first_cell + out.num_cells);
    TileScratch& scratch = tile_scratch.local();
    DayAccumulator& accumulator = scratch.accumulator;
    int64_t touched = 0;
    for (auto first_cell = static_cast<uint32_t>(out.first_cell); first_cell < end_cell;
         first_cell += kTile) {
      const uint32_t t = first_cell / kTile;
      accumulator.reset(first_cell, std::min(kTile, end_cell - first_cell), num_values);
      for (size_t e = day.tile_starts[t]; e < day.tile_starts[t + 1]; ++e) {
        const auto [r, k] = day.entries[e];
        DayAccumulator::itemTerms({&record_values[records[r].row * num_values], num_values},
                                  scratch.terms);
        for (size_t o = level.runs[k].begin; o < level.runs[k].end; ++o) {
          accumulator.add(level.overlap_cells[o], level.overlap_areas[o], scratch.terms);
        }
      }
      touched += accumulator.finish(out, day_in_block, level.cell_area_km2);
    }
    return touched;
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
  if (options.block_cells < 0) throw InputError("resample: block_cells must not be negative");
  const int coarsest = options.min_resolution.value_or(options.resolution);
  if (coarsest < 0 || coarsest > options.resolution) {
    throw InputError("resample: the coarsest resolution " + std::to_string(coarsest) +
                     " is outside 0.." + std::to_string(options.resolution));
  }
  for (int resolution = options.resolution; resolution >= coarsest; --resolution) {
    impl_->levels.emplace_back().resolution = resolution;
  }
  if (options.variables.empty()) throw InputError("resample: no variable to resample");
  for (size_t v = 0; v < options.variables.size(); ++v) {
    const std::string& name = options.variables[v];
    if (std::find(options.variables.begin(), options.variables.begin() + static_cast<long>(v),
                  name) != options.variables.begin() + static_cast<long>(v)) {
      throw InputError("resample: variable " + name + " named twice");
    }
    const auto fixed = std::find(stac::kValueNames.begin(), stac::kValueNames.end(), name);
    impl_->item_value_index.push_back(fixed == stac::kValueNames.end()
                                          ? -1
                                          : static_cast<int>(fixed - stac::kValueNames.begin()));
  }
  impl_->options = options;
  impl_->cell_areas = std::move(cell_areas);
}

Resampler::~Resampler() = default;

void Resampler::add(const stac::Item& item) {
  const auto micros = impl_->sensingTime(item.datetime);
  if (!micros) return;
  const std::vector<int>& index = impl_->item_value_index;
  const auto missing = std::find(index.begin(), index.end(), -1);
  if (missing != index.end()) {
    throw Error("resample: variable " + impl_->options.variables[missing - index.begin()] +
                " is not a value column of a decoded item (read it from an items GeoPackage)");
  }
  const uint32_t footprint = impl_->footprints.intern(item.footprint);
  impl_->addRecord(
      *micros, impl_->internTile(item.mgrs_tile), item.processing_baseline,
      {item.id, item.collection}, item.values,
      [&](size_t v) { return item.values[static_cast<size_t>(index[v])]; }, footprint);
}

void Resampler::add(const store::RawItem& item) {
  const auto micros = impl_->sensingTime(item.datetime);
  if (!micros) return;
  Impl& impl = *impl_;
  const uint32_t tile = impl.internTile(item.mgrs_tile);
  // A tile has a few footprints (full, partial): try those before the hash map.
  auto& recent = impl.tile_footprints[tile];
  const uint32_t footprint = impl.footprints.intern(
      item.geometry, recent, [](std::span<const uint8_t> bytes, geo::MultiPolygon& out) {
        store::decodeGpkgGeometry(bytes, out);
      });
  if (recent[0] != footprint) {
    // Move it to the front; the least recent falls off.
    auto found = std::find(recent.begin(), recent.end(), footprint);
    if (found == recent.end()) --found;
    std::rotate(recent.begin(), found, found + 1);
    recent[0] = footprint;
  }
  if (item.numbers.size() != impl.options.variables.size()) {
    throw Error("resample: an item has " + std::to_string(item.numbers.size()) + " values for " +
                std::to_string(impl.options.variables.size()) + " variables");
  }
  impl.addRecord(
      *micros, tile, item.processing_baseline, {item.id, item.collection}, item.values,
      [&](size_t v) { return item.numbers[v]; }, footprint);
}

void Resampler::reserve(int64_t items) {
  Impl& impl = *impl_;
  impl.checkAdding();
  // Item ids of Earth Search and synth are 24-27 characters; longer ones grow the string.
  constexpr size_t kIdBytes = 32;
  const auto count = static_cast<size_t>(std::max<int64_t>(items, 0));
  impl.records.reserve(count);
  impl.record_values.reserve(count * impl.options.variables.size());
  impl.keys.reserve(count);
  impl.item_ids.reserve(count * kIdBytes);
  impl.id_ends.reserve(count);
  impl.item_collections.reserve(count);
}

const std::vector<std::string>& Resampler::valueVariables() const {
  return impl_->options.variables;
}

store::CubeDescription Resampler::prepare() {
  if (impl_->prepared) throw Error("resample: prepare() called twice");
  impl_->prepared = true;
  impl_->selectItems();
  impl_->computeOverlaps();
  impl_->sortByDay();
  impl_->stats.items_used = impl_->levels.front().items_used;
  return describe(impl_->options.resolution);
}

store::CubeDescription Resampler::describe(int resolution) const {
  const Impl& impl = *impl_;
  if (!impl.prepared) throw Error("resample: describe() before prepare()");
  const Level& level = impl.level(resolution);
  store::CubeDescription description;
  description.resolution = resolution;
  description.first_day = impl.first_day;
  description.num_days = impl.num_days;
  description.cells = level.cells;
  description.item_count = level.items_used;
  description.items_by_day = level.items_by_day;
  description.variables = impl.options.variables;
  return description;
}

void Resampler::run(const std::function<void(const store::CubeBlock&)>& sink) {
  run(impl_->options.resolution, sink);
}

void Resampler::run(int resolution, const std::function<void(const store::CubeBlock&)>& sink) {
  Impl& impl = *impl_;
  if (!impl.prepared || impl.day_offsets.empty()) throw Error("resample: run() before prepare()");
  const Level& level = impl.level(resolution);
  const auto num_cells = static_cast<int64_t>(level.cells.size());
  const size_t num_values = impl.options.variables.size();
  constexpr int64_t kTile = DayAccumulator::kTileCells;
  const int64_t block_cells = impl.options.block_cells > 0
                                  ? (impl.options.block_cells + kTile - 1) / kTile * kTile
                                  : std::max<int64_t>(num_cells, 1);
  // One block at a time: its accumulation and its writing each use every core, so overlapping
  // them would buy little and cost a second block. It and the accumulators are kept from
  // level to level (the finest, largest, comes first).
  store::CubeBlock& block = impl.block;
  Progress progress("days", impl.num_days);
  for (int32_t block_start = 0; block_start < impl.num_days;
       block_start += impl.options.block_days) {
    auto start = std::chrono::steady_clock::now();
    const int32_t block_days = std::min(impl.options.block_days, impl.num_days - block_start);
    impl.day_tiles.resize(static_cast<size_t>(block_days));
    tbb::parallel_for(0, block_days, [&](int32_t d) {
      impl.sortDayByTile(level, static_cast<size_t>(block_start + d), impl.day_tiles[d]);
    });
    // A cube without cells still gets its (empty) blocks of days.
    for (int64_t first_cell = 0; first_cell == 0 || first_cell < num_cells;
         first_cell += block_cells) {
      block.resize(impl.first_day + block_start, block_days,
                   std::min(block_cells, num_cells - first_cell), num_values);
      block.first_cell = first_cell;
      std::atomic<int64_t> cell_days{0};
      tbb::parallel_for(0, block_days, [&](int32_t d) {
        cell_days += impl.accumulateDay(level, impl.day_tiles[d], d, block);
      });
      impl.stats.cell_days += cell_days.load();
      impl.stats.accumulate_seconds += secondsSince(start);
      const auto written = std::chrono::steady_clock::now();
      sink(block);
      impl.stats.sink_seconds += secondsSince(written);
      start = std::chrono::steady_clock::now();
    }
    progress.add(block_days);
  }
  progress.finish();
}

const ResampleStats& Resampler::stats() const {
  return impl_->stats;
}

}  // namespace stac2h3::resample
