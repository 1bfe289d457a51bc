/** @file cells.cpp
 * @brief `stac2h3 cells`: the H3 cells the footprints of an items GeoPackage overlap, as
 * polygons in a GeoPackage for GIS.
 */
#include <tbb/global_control.h>

#include <cstdio>
#include <optional>

#include "cli/commands.h"
#include "resample/items_input.h"
#include "store/cells_gpkg_writer.h"
#include "store/output_path.h"

namespace stac2h3::cli {

namespace {

struct CellsFlags {
  std::string items;
  int res = 3;
  std::string output;
  bool overwrite = false;
  int jobs = 0;
};

void run(const CellsFlags& flags) {
  std::optional<tbb::global_control> threads;
  if (flags.jobs > 0) {
    threads.emplace(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(flags.jobs));
  }
  store::prepareOutputPath(flags.output, flags.overwrite);
  const resample::CellCover cover = resample::coverCells(flags.items, flags.res);
  for (const auto& reason : cover.unusable_reasons) {
    std::fprintf(stderr, "stac2h3 cells: skipped %s\n", reason.c_str());
  }
  store::writeCellsGpkg(flags.output, cover.cells, flags.overwrite);
  std::fprintf(stderr,
               "stac2h3 cells: %zu cells of resolution %d from %lld items (%lld distinct "
               "footprints, %lld skipped) -> %s\n",
               cover.cells.size(), flags.res, static_cast<long long>(cover.items),
               static_cast<long long>(cover.distinct_footprints),
               static_cast<long long>(cover.unusable_footprints), flags.output.c_str());
}

}  // namespace

void addCellsCommand(CLI::App& app) {
  auto flags = std::make_shared<CellsFlags>();
  CLI::App* command = app.add_subcommand(
      "cells",
      "Every H3 cell that a footprint of ITEMS overlaps (positive area), as polygons in a "
      "GeoPackage (table `cells`: cell hex id, res, area_km2, is_pentagon). Cells crossing "
      "the antimeridian are split at ±180° so they draw right in QGIS.");
  command->add_option("items", flags->items, "items GeoPackage (from download/import/synth)")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--res", flags->res, "H3 resolution, 0-15 (default 3)")
      ->check(CLI::Range(0, 15));
  command->add_option("-o,--output", flags->output, "the cells GeoPackage to write (.gpkg)")
      ->required();
  command->add_flag("--overwrite", flags->overwrite, "replace an existing output");
  command->add_option("--jobs", flags->jobs, "threads to use (default: all cores)")
      ->check(CLI::PositiveNumber);
  command->callback([flags] { run(*flags); });
}

}  // namespace stac2h3::cli
