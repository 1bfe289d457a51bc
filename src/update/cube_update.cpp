/** @file cube_update.cpp
 * @brief Bringing a cube up to date with its items file (see cube_update.h).
 */
#include "update/cube_update.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <numeric>
#include <set>
#include <string>
#include <variant>

#include "resample/exact_cell_areas.h"
#include "resample/items_input.h"
#include "stac/utc_time.h"
#include "store/items_gpkg.h"
#include "store/items_history.h"
#include "store/zarr_chunk_reader.h"
#include "store/zarr_chunk_writer.h"
#include "store/zarr_cube_reader.h"
#include "store/zarr_pyramid_writer.h"
#include "update/cell_area_cache.h"
#include "update/chunk_row_patch.h"
#include "update/cube_provenance.h"
#include "update/day_patch.h"
#include "update/overlap_cache.h"
#include "update/store_swap.h"
#include "update/touched_days.h"
#include "util/error.h"

namespace stac2h3::update {

namespace {

namespace fs = std::filesystem;

/** Days of margin read around each recomputed day: an acquisition crossing midnight needs
 * the items of the next or previous day, and a datetime written with an offset sorts up to
 * a day away from its UTC day (so every row of a recomputed day is read). */
constexpr int32_t kReadingMarginDays = 1;

/** One level of the old store. */
struct OldLevel {
  int resolution = 0;
  std::unique_ptr<store::ZarrCubeReader> reader;
  std::vector<int64_t> items_by_day;  // per day of the old time axis
};

/** One level of the new store. */
struct NewLevel {
  store::CubeDescription description;
  std::vector<int64_t> old_to_new;  // the old cells' indices among the new ones (-1: gone)
};

[[noreturn]] void refuse(const fs::path& store, const std::string& what) {
  throw InputError(store.string() + ": " + what + "; --update refused (rebuild with --overwrite)");
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ",") + name;
  return text;
}

std::string levelList(const std::vector<int>& levels) {
  return std::to_string(levels.front()) +
         (levels.size() > 1 ? ".." + std::to_string(levels.back()) : "");
}

int32_t dayOf(const std::string& datetime) {
  const int64_t micros = *stac::parseUtcMicros(datetime);
  int64_t day = micros / stac::kMicrosPerDay;
  if (micros % stac::kMicrosPerDay < 0) --day;
  return static_cast<int32_t>(day);
}

/** The --start/--end recorded in the cube, checked against the one given now. */
std::optional<int32_t> recordedDay(const fs::path& store, const store::ZarrCubeReader& cube,
                                   std::string_view attribute, const std::string& flag,
                                   std::optional<int32_t> given) {
  const std::string text = cube.attribute("", attribute);
  std::optional<int32_t> recorded;
  if (!text.empty()) {
    const auto day = stac::parseUtcDay(text);
    if (!day) refuse(store, "its " + std::string(attribute) + " '" + text + "' is no day");
    recorded = static_cast<int32_t>(*day);
  }
  if (given && given != recorded) {
    refuse(store, "made with " + (recorded ? flag + " " + text : "no " + flag) + ", not " + flag +
                      " " + stac::formatUtcDay(*given));
  }
  return recorded;
}

/** Opens every level of the old store and checks that it is the cube `request` asks for. */
std::vector<OldLevel> openOldLevels(const CubeUpdateRequest& request) {
  const fs::path& store = request.store;
  auto finest = std::make_unique<store::ZarrCubeReader>(store);
  const std::vector<int> levels = finest->levels();
  std::vector<int> wanted;
  for (int res = request.resolution; res >= request.min_resolution.value_or(request.resolution);
       --res) {
    wanted.push_back(res);
  }
  // A pyramid's levels are groups named after them; a single cube has its arrays at the root.
  const bool was_pyramid = fs::exists(store / std::to_string(levels.front()) / ".zgroup");
  if (levels != wanted || was_pyramid != request.min_resolution.has_value()) {
    refuse(store, std::string(was_pyramid ? "a pyramid of levels " : "a cube at resolution ") +
                      levelList(levels) + ", not " +
                      (request.min_resolution ? "--pyramid " : "--res ") + levelList(wanted));
  }
  std::vector<OldLevel> old;
  for (const int res : levels) {
    OldLevel& level = old.emplace_back();
    level.resolution = res;
    level.reader =
        old.size() == 1 ? std::move(finest) : std::make_unique<store::ZarrCubeReader>(store, res);
    const store::ZarrCubeReader& cube = *level.reader;
    if (cube.attribute("", kItemsFileIdAttr).empty()) {
      refuse(store, "it records no " + std::string(kItemsFileIdAttr) +
                        " (made before resample --update existed, or from an items file "
                        "written before)");
    }
    const std::string variables = cube.attribute("", cube::kVariablesAttr);
    if (variables != joined(request.variables)) {
      refuse(store, "variables " + variables + ", not --var " + joined(request.variables));
    }
    const std::vector<double> counts = cube.numbersAttribute(cube::kItemsByDayAttr);
    if (counts.size() != cube.days().size()) {
      refuse(store, "level " + std::to_string(res) + " has no " +
                        std::string(cube::kItemsByDayAttr) + " for its days");
    }
    level.items_by_day.assign(counts.begin(), counts.end());
    for (size_t d = 1; d < cube.days().size(); ++d) {
      if (cube.days()[d] != cube.days()[d - 1] + 1) refuse(store, "its days are not consecutive");
    }
  }
  return old;
}

int64_t recordedNumber(const fs::path& store, const store::ZarrCubeReader& cube,
                       std::string_view attribute) {
  const std::string text = cube.attribute("", attribute);
  try {
    return std::stoll(text);
  } catch (const std::exception&) {
    refuse(store, "its " + std::string(attribute) + " '" + text + "' is no number");
  }
}

/** Calls `use(day, counts of every cell that day)` for the old level's days that `wanted`
 * accepts, over the cells `cells`, reading only the chunk rows that hold such days. */
template <typename Wanted, typename Use>
void forOldCounts(const store::ZarrCubeReader& cube, store::CellRange cells, Wanted&& wanted,
                  Use&& use) {
  const std::vector<int32_t>& days = cube.days();
  const size_t chunk = cube.timeChunk(cube::kCount);
  std::vector<float> counts;
  for (size_t start = 0; start < days.size(); start += chunk) {
    const size_t count = std::min(chunk, days.size() - start);
    const auto row = days.begin() + static_cast<ptrdiff_t>(start);
    if (std::none_of(row, row + static_cast<ptrdiff_t>(count), wanted)) continue;
    cube.readDays(cube::kCount, start, count, cells, counts);
    for (size_t d = 0; d < count; ++d) {
      if (wanted(days[start + d])) use(counts.data() + d * cells.count);
    }
  }
}

/**
 * Which of the old level's cells stay in the cube besides those the recomputed days observe
 * (`fresh`, sorted): a cell observed on some old day that the update keeps. Only a cell that
 * a lost day (recomputed, or no longer in the axis) observed and the recomputation did not
 * can go; the kept days are searched for those alone, and only when there are any.
 */
std::vector<bool> cellsStillObserved(const OldLevel& old, int32_t first_day, int32_t last_day,
                                     const std::set<int32_t>& recomputed,
                                     const std::vector<h3::Cell>& fresh) {
  const store::ZarrCubeReader& cube = *old.reader;
  const std::vector<uint64_t>& cells = cube.cells();
  const auto kept = [&](int32_t day) {
    return day >= first_day && day <= last_day && !recomputed.count(day);
  };
  const auto lost = [&](int32_t day) { return !kept(day); };
  std::vector<bool> observed(cells.size(), true);
  const store::CellRange all{0, cells.size()};
  std::vector<bool> candidate(cells.size(), false);
  forOldCounts(cube, all, lost, [&](const float* counts) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (counts[c] > 0) candidate[c] = true;
    }
  });
  size_t lowest = cells.size();
  size_t highest = 0;
  for (size_t c = 0; c < cells.size(); ++c) {
    if (candidate[c] && std::binary_search(fresh.begin(), fresh.end(), cells[c])) {
      candidate[c] = false;
    }
    if (candidate[c]) {
      observed[c] = false;
      lowest = std::min(lowest, c);
      highest = c;
    }
  }
  if (lowest > highest) return observed;
  const store::CellRange range{lowest, highest - lowest + 1};
  forOldCounts(cube, range, kept, [&](const float* counts) {
    for (size_t c = 0; c < range.count; ++c) {
      if (counts[c] > 0) observed[lowest + c] = true;
    }
  });
  return observed;
}

/** The sorted union of the old cells still observed and the recomputed days' cells. */
std::vector<h3::Cell> mergedCells(const std::vector<uint64_t>& old_cells,
                                  const std::vector<bool>& still_observed,
                                  const std::vector<h3::Cell>& recomputed) {
  std::vector<h3::Cell> kept;
  for (size_t c = 0; c < old_cells.size(); ++c) {
    if (still_observed[c]) kept.push_back(old_cells[c]);
  }
  std::vector<h3::Cell> cells;
  cells.reserve(kept.size() + recomputed.size());
  std::set_union(kept.begin(), kept.end(), recomputed.begin(), recomputed.end(),
                 std::back_inserter(cells));
  return cells;
}

/** Writes the new store's chunk rows of one level, in time order. */
class LevelWriter {
 public:
  LevelWriter(const CubeUpdateRequest& request, const OldLevel& old, const NewLevel& level,
              const std::set<int32_t>& recomputed, const std::vector<h3::Cell>& recomputed_cells,
              const fs::path& old_group, const fs::path& new_group,
              std::function<void(const store::CubeBlock&)> write)
      : old_(old),
        level_(level),
        recomputed_(recomputed),
        recomputed_to_new_(cellIndexMap(recomputed_cells, level.description.cells)),
        old_group_(old_group),
        new_group_(new_group),
        write_(std::move(write)),
        names_(cube::dataVariables(request.variables)) {
    const store::CubeDescription& d = level.description;
    const store::ChunkShape shape =
        store::chunkShape(request.layout, d.num_days, static_cast<int64_t>(d.cells.size()));
    chunk_days_ = shape.days;
    cell_chunks_ = d.cells.empty()
                       ? 0
                       : (static_cast<int64_t>(d.cells.size()) + shape.cells - 1) / shape.cells;
    const store::ZarrCubeReader& cube = *old.reader;
    const std::vector<uint64_t>& old_cells = cube.cells();
    old_first_ = cube.days().front();
    old_days_ = static_cast<int32_t>(cube.days().size());
    const bool same_cells =
        std::equal(old_cells.begin(), old_cells.end(), d.cells.begin(), d.cells.end());
    old_chunk_.days = static_cast<int32_t>(cube.timeChunk(cube::kCount));
    old_chunk_.cells = static_cast<int64_t>(cube.cellChunk(cube::kCount));
    linkable_ = same_cells && old_chunk_.days == shape.days && old_chunk_.cells == shape.cells &&
                (old_first_ - d.first_day) % shape.days == 0;
    zstd_level_ = request.layout.zstd_level;
    new_to_recomputed_.assign(d.cells.size(), -1);
    for (size_t i = 0; i < recomputed_to_new_.size(); ++i) {
      if (recomputed_to_new_[i] >= 0) {
        new_to_recomputed_[static_cast<size_t>(recomputed_to_new_[i])] = static_cast<int64_t>(i);
      }
    }
  }

  int32_t rows() const { return (level_.description.num_days + chunk_days_ - 1) / chunk_days_; }
  int32_t chunkDays() const { return chunk_days_; }

  /** Writes time chunk row `row`; `fresh` holds its recomputed days (nullptr: none). */
  void writeRow(int32_t row, const store::CubeBlock* fresh) {
    const store::CubeDescription& d = level_.description;
    const int32_t first = d.first_day + row * chunk_days_;
    const int32_t days = std::min(chunk_days_, d.num_days - row * chunk_days_);
    const auto recomputed = [&](int32_t day) { return recomputed_.count(day) > 0; };
    bool touched = false;
    for (int32_t day = first; day < first + days; ++day) touched = touched || recomputed(day);
    if (!touched && linkRow(row, first)) {
      ++kept;
      return;
    }
    if (linkable_) {
      patchRow(row, first, days, fresh);
      ++rewritten;
      return;
    }
    // Days copied below are written whole (copyDays clears a day it scatters into): only the
    // others are cleared, which spares a pass over the row (725 MB at res 5 worldwide).
    block_.resize(first, days, static_cast<int64_t>(d.cells.size()), d.variables.size());
    const int32_t old_from = std::max(first, old_first_);
    const int32_t old_to = std::min(first + days, old_first_ + old_days_);
    for (int32_t day = first; day < first + days; ++day) {
      if ((day < old_from || day >= old_to) && !(touched && fresh && recomputed(day))) {
        block_.clearDay(day - first);
      }
    }
    if (old_from < old_to) {
      readOld(old_from, old_to - old_from);
      copyDays(
          old_block_, level_.old_to_new, [&](int32_t day) { return !recomputed(day); }, block_);
    }
    if (touched && fresh != nullptr) copyDays(*fresh, recomputed_to_new_, recomputed, block_);
    write_(block_);
    ++rewritten;
  }

  int64_t kept = 0;
  int64_t rewritten = 0;

 private:
  /** Hard-links the old chunks of the row starting on `first` when they hold exactly its
   * days. @return false when they do not (or one is missing). */
  bool linkRow(int32_t row, int32_t first) {
    if (!linkable_) return false;
    const store::CubeDescription& d = level_.description;
    const int32_t old_row = (first - old_first_) / chunk_days_;
    if (first < old_first_ || old_row * chunk_days_ >= old_days_) return false;
    // Old days of the row that the new axis lost would be padding now.
    const int32_t old_row_end =
        std::min(old_first_ + (old_row + 1) * chunk_days_, old_first_ + old_days_);
    if (old_row_end > d.first_day + d.num_days) return false;
    std::vector<std::pair<fs::path, fs::path>> links;
    for (const std::string& name : names_) {
      for (int64_t c = 0; c < cell_chunks_; ++c) {
        const std::string suffix = "." + std::to_string(c);
        links.emplace_back(old_group_ / name / (std::to_string(old_row) + suffix),
                           new_group_ / name / (std::to_string(row) + suffix));
        if (!fs::exists(links.back().first)) return false;
      }
    }
    // An array's links in one task: ext4 serialises the links into one directory, and the
    // arrays' directories are several (7,656 links for a year at res 5 took 0.16 s alone).
    const auto per_array = static_cast<size_t>(cell_chunks_);
    tbb::parallel_for(size_t{0}, names_.size(), [&](size_t array) {
      for (size_t i = array * per_array; i < (array + 1) * per_array; ++i) {
        fs::create_hard_link(links[i].first, links[i].second);
      }
    });
    return true;
  }

  /** Writes row `row` (starting on `first`, `days` days long) of a level whose cells and
   * chunks did not move, chunk file by chunk file from the old row of the same days and
   * `fresh`. */
  void patchRow(int32_t row, int32_t first, int32_t days, const store::CubeBlock* fresh) {
    ChunkRowPatch patch;
    patch.old_group = old_group_;
    patch.new_group = new_group_;
    patch.arrays = names_;
    patch.chunk = old_chunk_;
    patch.num_cells = static_cast<int64_t>(level_.description.cells.size());
    patch.old_row = first >= old_first_ ? (first - old_first_) / chunk_days_ : -1;
    patch.new_row = row;
    patch.first_day = first;
    patch.fresh = fresh;
    patch.fresh_index = &new_to_recomputed_;
    patch.zstd_level = zstd_level_;
    patch.days.assign(static_cast<size_t>(chunk_days_), DaySource::kFill);
    for (int32_t d = 0; d < days; ++d) {
      const int32_t day = first + d;
      if (fresh != nullptr && recomputed_.count(day)) {
        patch.days[d] = DaySource::kFresh;
      } else if (day >= old_first_ && day < old_first_ + old_days_) {
        patch.days[d] = DaySource::kOld;
      }
    }
    patchChunkRow(patch);
  }

  /** Reads `count` days of the old level from `first` into old_block_, decoding its chunk
   * files in parallel. */
  void readOld(int32_t first, int32_t count) {
    const store::ZarrCubeReader& cube = *old_.reader;
    const auto num_cells = static_cast<int64_t>(cube.cells().size());
    const int64_t index = first - old_first_;
    old_block_.resize(first, count, num_cells, level_.description.variables.size());
    for (size_t v = 0; v + 1 < names_.size(); ++v) {
      store::readChunkDays(old_group_, names_[v], old_chunk_, num_cells, index, count,
                           old_block_.floats[v]);
    }
    store::readChunkDays(old_group_, std::string(cube::kCount), old_chunk_, num_cells, index, count,
                         old_block_.n_items);
  }

  const OldLevel& old_;
  const NewLevel& level_;
  const std::set<int32_t>& recomputed_;
  std::vector<int64_t> recomputed_to_new_;
  std::vector<int64_t> new_to_recomputed_;  // -1: a cell the recomputation did not observe
  int zstd_level_ = 1;
  fs::path old_group_;
  fs::path new_group_;
  std::function<void(const store::CubeBlock&)> write_;
  std::vector<std::string> names_;  // the data arrays: values, obs_fraction, n_items
  int32_t chunk_days_ = 1;
  int64_t cell_chunks_ = 0;
  int32_t old_first_ = 0;
  int32_t old_days_ = 0;
  bool linkable_ = false;
  store::ChunkShape old_chunk_;
  store::CubeBlock block_;
  store::CubeBlock old_block_;
};

}  // namespace

CubeUpdateOutcome updateCube(const CubeUpdateRequest& request) {
  const fs::path& store = request.store;
  recoverInterruptedUpdate(store);
  std::vector<OldLevel> old = openOldLevels(request);
  const store::ZarrCubeReader& finest = *old.front().reader;
  const auto recorded_first =
      recordedDay(store, finest, kStartDayAttr, "--start", request.first_day);
  const auto recorded_last = recordedDay(store, finest, kEndDayAttr, "--end", request.last_day);

  const store::ItemsVersion now = store::readItemsVersion(request.items);
  store::ItemsVersion since;
  since.file_id = finest.attribute("", kItemsFileIdAttr);
  if (now.file_id != since.file_id) {
    refuse(store, "made from another items file (" + std::string(kItemsFileIdAttr) + " " +
                      since.file_id + "; " + request.items.string() + " has " +
                      (now.file_id.empty() ? "none" : now.file_id) + ")");
  }
  since.last_fid = recordedNumber(store, finest, kItemsLastFidAttr);
  since.last_replacement = recordedNumber(store, finest, kItemsLastReplacementAttr);

  CubeUpdateOutcome outcome;
  for (const OldLevel& level : old) {
    outcome.resolutions.push_back(level.resolution);
    outcome.cells_before.push_back(level.reader->cells().size());
  }
  if (now.last_fid == since.last_fid && now.last_replacement == since.last_replacement) {
    outcome.up_to_date = true;
    outcome.first_day = finest.days().front();
    outcome.num_days = static_cast<int32_t>(finest.days().size());
    outcome.cells_after = outcome.cells_before;
    return outcome;
  }

  // The time axis a build from scratch picks: the items' first and last days, or the
  // recorded --start/--end.
  const auto extent = store::datetimeExtent(request.items);
  if (!extent && (!recorded_first || !recorded_last)) {
    throw InputError(request.items.string() + ": no item has a datetime");
  }
  const int32_t first_day = recorded_first.value_or(extent ? dayOf(extent->first) : 0);
  const int32_t last_day = recorded_last.value_or(extent ? dayOf(extent->second) : 0);
  if (first_day > last_day) throw InputError("resample: the first day is after the last day");
  outcome.first_day = first_day;
  outcome.num_days = last_day - first_day + 1;

  for (const int32_t day : touchedDays(store::changedDatetimes(request.items, since, now))) {
    if (day >= first_day && day <= last_day) outcome.recomputed_days.push_back(day);
  }
  const std::set<int32_t> recomputed(outcome.recomputed_days.begin(),
                                     outcome.recomputed_days.end());
  const int32_t chunk_days = store::chunkShape(request.layout, outcome.num_days, 1).days;

  // The recomputation: every level at once, the rows of the touched days read once, the
  // overlaps of footprints seen before taken from the store.
  OverlapCache overlaps(store / kOverlapCacheFile);
  CellAreaCache cell_areas(store / kCellAreaCacheFile);
  std::optional<resample::Resampler> resampler;
  if (!recomputed.empty()) {
    resample::ResampleOptions options;
    options.resolution = request.resolution;
    options.min_resolution = request.min_resolution;
    options.variables = request.variables;
    // Blocks must not straddle chunk rows: they start on a row, unless every recomputed day
    // is in one row (a weekly update), when the block holds those days alone (the days before
    // them in the row would be accumulated empty, and their memory touched, for nothing).
    const auto rowOf = [&](int32_t day) { return (day - first_day) / chunk_days; };
    const int32_t front = outcome.recomputed_days.front();
    options.first_day = rowOf(front) == rowOf(outcome.recomputed_days.back())
                            ? front
                            : first_day + rowOf(front) * chunk_days;
    options.last_day = outcome.recomputed_days.back();
    options.block_days = chunk_days;
    options.only_days = outcome.recomputed_days;
    options.cell_area_km2 = cell_areas.areas();
    resampler.emplace(options, overlaps.cellAreas(resample::exactCellAreas()));
    const auto read_start = std::chrono::steady_clock::now();
    for (const DayRun& run : readingRuns(outcome.recomputed_days, kReadingMarginDays)) {
      store::ItemsQuery rows;
      rows.datetime_from = stac::formatUtcDay(run.first);
      rows.datetime_before = stac::formatUtcDay(run.last + 1);
      resample::addItemsFromGpkg(request.items, *resampler, rows);
    }
    outcome.read_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - read_start).count();
    resampler->prepare();
  }

  const auto attributes = cubeTextAttributes(request.items, now, recorded_first, recorded_last);
  std::vector<NewLevel> levels(old.size());
  std::vector<std::vector<h3::Cell>> recomputed_cells(old.size());
  for (size_t l = 0; l < old.size(); ++l) {
    const OldLevel& was = old[l];
    store::CubeDescription fresh;
    if (resampler) {
      fresh = resampler->describe(was.resolution);
      recomputed_cells[l] = fresh.cells;
    }
    store::CubeDescription& d = levels[l].description;
    d.resolution = was.resolution;
    d.first_day = first_day;
    d.num_days = outcome.num_days;
    d.variables = request.variables;
    d.text_attributes = attributes;
    d.cells =
        mergedCells(was.reader->cells(),
                    cellsStillObserved(was, first_day, last_day, recomputed, recomputed_cells[l]),
                    recomputed_cells[l]);
    d.items_by_day.assign(static_cast<size_t>(d.num_days), 0);
    const int32_t old_first = was.reader->days().front();
    for (int32_t i = 0; i < d.num_days; ++i) {
      const int32_t day = first_day + i;
      if (recomputed.count(day)) {
        d.items_by_day[i] = fresh.items_by_day[static_cast<size_t>(day - fresh.first_day)];
      } else if (day >= old_first &&
                 day - old_first < static_cast<int32_t>(was.items_by_day.size())) {
        d.items_by_day[i] = was.items_by_day[static_cast<size_t>(day - old_first)];
      }
    }
    d.item_count = std::accumulate(d.items_by_day.begin(), d.items_by_day.end(), int64_t{0});
    levels[l].old_to_new = cellIndexMap(was.reader->cells(), d.cells);
    outcome.cells_after.push_back(d.cells.size());
  }

  const fs::path staged = stagingPath(store);
  const bool pyramid = request.min_resolution.has_value();
  std::vector<store::CubeDescription> descriptions;
  for (const NewLevel& level : levels) descriptions.push_back(level.description);
  std::optional<store::ZarrCubeWriter> single;
  std::optional<store::ZarrPyramidWriter> several;
  if (pyramid) {
    several.emplace(staged, descriptions, request.layout);
  } else {
    single.emplace(staged, descriptions.front(), request.layout);
  }
  for (size_t l = 0; l < old.size(); ++l) {
    const int res = old[l].resolution;
    const fs::path group = pyramid ? fs::path(std::to_string(res)) : fs::path();
    LevelWriter writer(request, old[l], levels[l], recomputed, recomputed_cells[l], store / group,
                       staged / group, [&](const store::CubeBlock& block) {
                         if (pyramid) {
                           several->write(res, block);
                         } else {
                           single->write(block);
                         }
                       });
    int32_t next_row = 0;
    if (resampler) {
      resampler->run(res, [&](const store::CubeBlock& block) {
        const int32_t row = (block.first_day - first_day) / writer.chunkDays();
        while (next_row < row) writer.writeRow(next_row++, nullptr);
        writer.writeRow(next_row++, &block);
      });
    }
    while (next_row < writer.rows()) writer.writeRow(next_row++, nullptr);
    outcome.chunk_rows_kept += writer.kept;
    outcome.chunk_rows_rewritten += writer.rewritten;
  }
  if (single) single->close();
  if (several) several->close();
  single.reset();
  several.reset();
  if (resampler) outcome.stats = resampler->stats();
  if (overlaps.misses() == 0 && fs::exists(store / kOverlapCacheFile)) {
    fs::create_hard_link(store / kOverlapCacheFile, staged / kOverlapCacheFile);
  } else {
    overlaps.save(staged / kOverlapCacheFile);
  }
  if (cell_areas.misses() == 0 && fs::exists(store / kCellAreaCacheFile)) {
    fs::create_hard_link(store / kCellAreaCacheFile, staged / kCellAreaCacheFile);
  } else {
    cell_areas.save(staged / kCellAreaCacheFile);
  }
  outcome.overlaps_cached = overlaps.hits();
  outcome.overlaps_computed = overlaps.misses();
  old.clear();  // the readers let go of the old store
  swapInStore(staged, store);
  return outcome;
}

}  // namespace stac2h3::update
