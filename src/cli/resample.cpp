/** @file resample.cpp
 * @brief `stac2h3 resample`: items GeoPackage -> the Zarr cube (and optionally the long
 * table), area-weighted per H3 cell and UTC day.
 */
#include <tbb/global_control.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/day_flag.h"
#include "resample/exact_cell_areas.h"
#include "resample/items_input.h"
#include "resample/resampler.h"
#include "stac/utc_time.h"
#include "store/items_gpkg.h"
#include "store/items_history.h"
#include "store/long_table_writer.h"
#include "store/output_path.h"
#include "store/zarr_cube_writer.h"
#include "store/zarr_pyramid_writer.h"
#include "update/cell_area_cache.h"
#include "update/cube_provenance.h"
#include "update/cube_update.h"
#include "update/overlap_cache.h"
#include "update/store_swap.h"
#include "util/error.h"

namespace stac2h3::cli {

namespace {

/** The engine hands the writers blocks of one cell chunk (ResampleOptions::block_cells): 8,192
 * cells of 32 days, 8 MB, which stay in the cache between being filled and compressed, and
 * each array of which is a chunk as it is, compressed without a copy. */
constexpr int64_t kCellChunksPerBlock = 1;

struct ResampleFlags {
  std::string items;
  int res = 3;
  std::string output;
  std::string start;
  std::string end;
  std::string gpkg;
  std::vector<std::string> variables;
  bool overwrite = false;
  bool update = false;
  int jobs = 0;
  bool pyramid = false;
  int min_level = 0;
};

std::optional<int32_t> optionalDayFlag(const std::string& flag, const std::string& text) {
  if (text.empty()) return std::nullopt;
  return static_cast<int32_t>(parseDayFlag(flag, text));
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/** Wall-clock phases; the overlaps run during the reading (their CPU time is shown there). */
void printPhases(const resample::ResampleStats& stats, double read_seconds) {
  std::fprintf(stderr,
               "stac2h3 resample: phases: read %.1f s (overlaps %.1f s CPU alongside), dedupe "
               "%.1f s, overlaps wait %.1f s, accumulate %.1f s, write %.1f s\n",
               read_seconds, stats.overlap_cpu_seconds, stats.dedupe_seconds, stats.overlap_seconds,
               stats.accumulate_seconds, stats.sink_seconds);
}

void printSummary(const resample::ResampleStats& stats,
                  const std::vector<store::CubeDescription>& levels, double read_seconds,
                  double seconds) {
  const store::CubeDescription& cube = levels.front();
  for (const auto& reason : stats.unusable_reasons) {
    std::fprintf(stderr, "stac2h3 resample: skipped %s\n", reason.c_str());
  }
  std::fprintf(
      stderr,
      "stac2h3 resample: %lld items read, %lld used (%lld of them in part: their "
      "acquisition's other items cover the rest); not used: %lld duplicates, "
      "%lld outside the days, %lld bad datetimes, %lld with unusable footprints; %lld "
      "distinct footprints; %zu cells x %d days (%s .. %s), %lld cell-days observed; %.1f s\n",
      static_cast<long long>(stats.items_added), static_cast<long long>(stats.items_used),
      static_cast<long long>(stats.partial_contributions), static_cast<long long>(stats.duplicates),
      static_cast<long long>(stats.outside_days), static_cast<long long>(stats.bad_datetime),
      static_cast<long long>(stats.unusable_items),
      static_cast<long long>(stats.distinct_footprints), cube.cells.size(), cube.num_days,
      stac::formatUtcDay(cube.first_day).c_str(),
      stac::formatUtcDay(cube.first_day + cube.num_days - 1).c_str(),
      static_cast<long long>(stats.cell_days), seconds);
  if (levels.size() > 1) {
    std::string cells;
    for (const auto& level : levels) {
      cells += (cells.empty() ? "" : ", ") + std::string("res ") +
               std::to_string(level.resolution) + ": " + std::to_string(level.cells.size());
    }
    std::fprintf(stderr,
                 "stac2h3 resample: pyramid of %zu levels, cells (cell-days summed over "
                 "them above) %s\n",
                 levels.size(), cells.c_str());
  }
  printPhases(stats, read_seconds);
}

void printUpdate(const std::string& output, const update::CubeUpdateOutcome& outcome,
                 double seconds) {
  if (outcome.up_to_date) {
    std::fprintf(stderr, "stac2h3 resample: %s is up to date (no item added or replaced)\n",
                 output.c_str());
    return;
  }
  std::string cells;
  for (size_t l = 0; l < outcome.resolutions.size(); ++l) {
    cells += (cells.empty() ? "" : ", ") + std::string("res ") +
             std::to_string(outcome.resolutions[l]) + ": " +
             std::to_string(outcome.cells_before[l]) + " -> " +
             std::to_string(outcome.cells_after[l]);
  }
  const auto& days = outcome.recomputed_days;
  std::fprintf(stderr,
               "stac2h3 resample: updated %s: %zu days recomputed (%s .. %s) from %lld items "
               "read; time axis %s .. %s; cells %s; chunk rows kept %lld, rewritten %lld; "
               "footprint overlaps cached %lld, computed %lld; %.1f s\n",
               output.c_str(), days.size(),
               days.empty() ? "-" : stac::formatUtcDay(days.front()).c_str(),
               days.empty() ? "-" : stac::formatUtcDay(days.back()).c_str(),
               static_cast<long long>(outcome.stats.items_added),
               stac::formatUtcDay(outcome.first_day).c_str(),
               stac::formatUtcDay(outcome.first_day + outcome.num_days - 1).c_str(), cells.c_str(),
               static_cast<long long>(outcome.chunk_rows_kept),
               static_cast<long long>(outcome.chunk_rows_rewritten),
               static_cast<long long>(outcome.overlaps_cached),
               static_cast<long long>(outcome.overlaps_computed), seconds);
  printPhases(outcome.stats, outcome.read_seconds);
}

void run(const ResampleFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  std::optional<tbb::global_control> threads;
  if (flags.jobs > 0) {
    threads.emplace(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(flags.jobs));
  }
  resample::ResampleOptions options;
  if (!flags.variables.empty()) options.variables = flags.variables;
  {
    // A --var that is no numeric column stops here, before any output is touched.
    store::ItemsQuery query;
    query.value_columns = options.variables;
    store::ItemsReader check(flags.items, query);
  }
  if (flags.pyramid && flags.min_level > flags.res) {
    throw InputError("bad --min-level " + std::to_string(flags.min_level) + ": above --res " +
                     std::to_string(flags.res));
  }
  if (flags.update) {
    if (flags.overwrite) throw InputError("--update and --overwrite exclude each other");
    if (!flags.gpkg.empty()) throw InputError("--update does not update a --gpkg long table");
    update::recoverInterruptedUpdate(flags.output);
    if (std::filesystem::exists(flags.output)) {
      update::CubeUpdateRequest request;
      request.items = flags.items;
      request.store = flags.output;
      request.resolution = flags.res;
      if (flags.pyramid) request.min_resolution = flags.min_level;
      request.variables = options.variables;
      request.first_day = optionalDayFlag("--start", flags.start);
      request.last_day = optionalDayFlag("--end", flags.end);
      const update::CubeUpdateOutcome outcome = update::updateCube(request);
      printUpdate(flags.output, outcome, secondsSince(start));
      return;
    }
  }
  // A cube that does not exist yet is built, so that the first run of a periodic --update job
  // just works; beside its place, then renamed into it: a killed build leaves no partial cube
  // that the next --update would take for a whole one. A cube replaced (--overwrite) is built
  // beside the old one too, then swapped in: a run that fails or is killed keeps the old
  // cube, and the old cube's files are deleted after the new ones are made (ext4 slows the
  // creation of files for minutes after as many were deleted).
  const bool replacing = flags.overwrite && std::filesystem::exists(flags.output);
  const std::filesystem::path cube = flags.update || replacing
                                         ? update::stagingPath(flags.output)
                                         : std::filesystem::path(flags.output);
  // Refuse existing outputs before the long work, not after it.
  store::prepareOutputPath(cube, flags.overwrite);
  if (!flags.gpkg.empty()) store::prepareOutputPath(flags.gpkg, flags.overwrite);

  const store::CubeLayout layout = store::defaultCubeLayout();
  options.resolution = flags.res;
  options.first_day = optionalDayFlag("--start", flags.start);
  options.last_day = optionalDayFlag("--end", flags.end);
  options.block_days = layout.time_chunk;
  options.block_cells = kCellChunksPerBlock * layout.cell_chunk;
  if (flags.pyramid) options.min_resolution = flags.min_level;
  // Overlaps and cell areas kept in the store for the next --update (update/overlap_cache.h,
  // update/cell_area_cache.h).
  update::OverlapCache overlaps;
  update::CellAreaCache cell_areas;
  options.cell_area_km2 = cell_areas.areas();
  resample::Resampler resampler(options, overlaps.cellAreas(resample::exactCellAreas()));
  // What the cube is made from, read before the rows: rows written meanwhile are read again
  // by the next --update.
  const store::ItemsVersion version = store::readItemsVersion(flags.items);
  const auto read_start = std::chrono::steady_clock::now();
  resampler.reserve(version.last_fid);  // the rows' count, or more when rows were deleted
  resample::addItemsFromGpkg(flags.items, resampler);
  const double read_seconds = secondsSince(read_start);

  resampler.prepare();
  const auto attributes =
      update::cubeTextAttributes(flags.items, version, options.first_day, options.last_day);
  // The finest level first.
  std::vector<store::CubeDescription> levels;
  for (int res = flags.res; res >= options.min_resolution.value_or(flags.res); --res) {
    levels.push_back(resampler.describe(res));
    levels.back().text_attributes = attributes;
  }
  std::optional<store::LongTableWriter> table;
  if (!flags.gpkg.empty()) table.emplace(flags.gpkg, levels.front(), flags.overwrite);
  const auto runLevel = [&](int res, const std::function<void(const store::CubeBlock&)>& write) {
    resampler.run(res, [&](const store::CubeBlock& block) {
      write(block);
      if (table && res == flags.res) table->write(block);
    });
  };
  if (flags.pyramid) {
    store::ZarrPyramidWriter writer(cube, levels, layout, flags.overwrite);
    for (const auto& level : levels) {
      runLevel(level.resolution,
               [&](const store::CubeBlock& block) { writer.write(level.resolution, block); });
    }
    writer.close();
  } else {
    store::ZarrCubeWriter writer(cube, levels.front(), layout, flags.overwrite);
    runLevel(flags.res, [&](const store::CubeBlock& block) { writer.write(block); });
    writer.close();
  }
  if (table) table->close();
  overlaps.save(cube / update::kOverlapCacheFile);
  cell_areas.save(cube / update::kCellAreaCacheFile);
  if (flags.update) std::filesystem::rename(cube, flags.output);
  if (replacing) update::swapInStore(cube, flags.output);
  printSummary(resampler.stats(), levels, read_seconds, secondsSince(start));
}

}  // namespace

void addResampleCommand(CLI::App& app) {
  auto flags = std::make_shared<ResampleFlags>();
  CLI::App* command = app.add_subcommand(
      "resample",
      "Area-weighted means of the items' values per H3 cell and UTC day, written as a Zarr "
      "cube (cube.zarr: time x cell_ids; see the README's Definition and Cube format). "
      "Duplicated acquisitions count once (newest processing baseline).");
  command->add_option("items", flags->items, "items GeoPackage (from download/import/synth)")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--res", flags->res, "H3 resolution, 0-15 (default 3)")
      ->check(CLI::Range(0, 15));
  command->add_option("-o,--output", flags->output, "the Zarr cube to write (a .zarr directory)")
      ->required();
  command->add_option("--start", flags->start,
                      "first UTC day YYYY-MM-DD (default: the items' first day)");
  command->add_option("--end", flags->end,
                      "last UTC day YYYY-MM-DD, inclusive (default: the items' last day)");
  command->add_option("--gpkg", flags->gpkg,
                      "also write the long table (cell, date, values, n_items; one row per "
                      "observed cell and day, no geometry: join to `stac2h3 cells`) to this "
                      ".gpkg");
  command
      ->add_option("--var", flags->variables,
                   "numeric columns of the items table to map, comma-separated, each into the "
                   "cube variable of its name (default: cloud_cover,nodata,snow_ice,vegetation,"
                   "not_vegetated,water). Any REAL column works, e.g. s2_cloud_shadow_percentage "
                   "from `--properties s2:cloud_shadow_percentage`")
      ->delimiter(',');
  command->add_flag("--overwrite", flags->overwrite, "replace existing outputs");
  command->add_flag(
      "--update", flags->update,
      "bring an existing cube up to date with its items file: recompute only the days that "
      "rows added or replaced since it was made touch, keep every other chunk (a cube that "
      "does not exist is built). Refused for a cube made from another items file or with "
      "another --res, --var, --pyramid/--min-level or --start/--end");
  auto* pyramid = command->add_flag(
      "--pyramid", flags->pyramid,
      "write every resolution from --res down to --min-level into the one store, each level "
      "a complete cube in the group named after its resolution (\"5\", \"4\", ...), each "
      "computed exactly from the footprints; the root lists them (zarr-conventions "
      "multiscales). The long table (--gpkg) stays that of --res");
  command
      ->add_option("--min-level", flags->min_level,
                   "coarsest resolution of the --pyramid, 0-15, at most --res (default 0)")
      ->check(CLI::Range(0, 15))
      ->needs(pyramid);
  command->add_option("--jobs", flags->jobs, "threads to use (default: all cores)")
      ->check(CLI::PositiveNumber);
  command->callback([flags] { run(*flags); });
}

}  // namespace stac2h3::cli
