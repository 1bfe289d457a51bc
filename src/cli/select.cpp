/** @file select.cpp
 * @brief `stac2h3 select`: flags, then select::runSelection, the outputs and the summary.
 */
#include <cstdio>
#include <memory>
#include <sstream>

#include "cli/bbox_flag.h"
#include "cli/commands.h"
#include "cli/day_flag.h"
#include "geo/geojson.h"
#include "select/cells_output.h"
#include "select/fetch.h"
#include "select/item_features.h"
#include "select/item_output.h"
#include "select/report.h"
#include "select/selection.h"
#include "store/items_gpkg.h"
#include "util/error.h"

namespace stac2h3::cli {
namespace {

struct SelectFlags {
  std::string items;
  std::string aoi;
  std::string bbox;
  std::vector<std::string> cells;
  std::string start;
  std::string end;
  std::string every;
  std::optional<double> max_cloud;
  std::optional<double> max_nodata;
  int max_items = 0;
  std::optional<double> min_coverage;
  std::optional<int> res;
  std::string output;
  std::string report;
  std::string cells_out;
  bool fetch = false;
  bool overwrite = false;
  int retries = 8;
  long timeout = 300;
};

geo::MultiPolygon areaOfInterest(const SelectFlags& flags) {
  if (!flags.aoi.empty()) return geo::readGeoJsonArea(flags.aoi);
  if (!flags.bbox.empty()) return bboxArea(parseBbox(flags.bbox));
  std::vector<h3::Cell> cells;
  for (const std::string& text : flags.cells) {
    const auto cell = h3::stringToCell(text);
    if (!cell || !h3::isValidCell(*cell)) throw InputError("bad --cells entry '" + text + "'");
    cells.push_back(*cell);
  }
  return select::cellsArea(cells);
}

/** Refuses an existing output unless --overwrite (checked before any work). */
void checkOutput(const std::string& path, bool overwrite) {
  if (!path.empty() && std::filesystem::exists(path) && !overwrite) {
    throw InputError(path + " exists (use --overwrite to replace it)");
  }
}

/** The items file, opened once to turn "not an items file" into bad input. */
void checkItemsFile(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw InputError(path + ": no such file");
  try {
    store::ItemsReader probe(path);
  } catch (const Error& e) {
    throw InputError(e.what());
  }
}

/** Each selected item as a JSON feature with its rank, window and gain, in output order. */
std::vector<std::string> selectedFeatures(const select::Selection& selection,
                                          const SelectFlags& flags) {
  std::map<std::string, std::string> fetched;
  if (flags.fetch) {
    std::vector<select::ItemRef> refs;
    for (const auto& window : selection.windows) {
      for (const auto& pick : window.picks) {
        const stac::Item& item = window.candidates[pick.candidate].item;
        refs.push_back({item.collection, item.id});
      }
    }
    const auto metadata = store::readMetadata(flags.items);
    const auto api = metadata.find(std::string(store::kMetaSourceApi));
    stac::RetryPolicy retry;
    retry.max_attempts = flags.retries;
    stac::HttpOptions http;
    http.total_timeout_seconds = flags.timeout;
    http.stall_timeout_seconds = std::min(flags.timeout, http.stall_timeout_seconds);
    if (!refs.empty()) {
      fetched = select::fetchFullItems(api == metadata.end() ? "" : api->second, refs, retry, http);
    }
  }
  const std::vector<std::string> extra_columns = store::ItemsReader(flags.items).extraColumns();
  std::vector<std::string> features;
  for (const auto& window : selection.windows) {
    int rank = 0;
    for (const auto& pick : window.picks) {
      const stac::Item& item = window.candidates[pick.candidate].item;
      const std::string feature = flags.fetch ? fetched.at(item.collection + '/' + item.id)
                                              : select::storedItemJson(item, extra_columns);
      features.push_back(select::withSelectionMark(
          feature, select::SelectionMark{++rank, window.window, pick.gain}, item.id));
    }
  }
  return features;
}

void run(const SelectFlags& flags) {
  // Every check that can fail on bad input comes before any output is written.
  select::itemsFormatOf(flags.output);
  if (!flags.cells_out.empty()) select::cellsFormatOf(flags.cells_out);
  for (const std::string* path : {&flags.output, &flags.report, &flags.cells_out}) {
    checkOutput(*path, flags.overwrite);
  }
  checkItemsFile(flags.items);
  select::SelectOptions options;
  options.items = flags.items;
  options.first_day = parseDayFlag("--start", flags.start);
  options.last_day = parseDayFlag("--end", flags.end);
  if (!flags.every.empty()) options.every = stac::parseSliceLength(flags.every);
  options.aoi = areaOfInterest(flags);
  options.res = flags.res;
  options.rules.max_cloud = flags.max_cloud;
  options.rules.max_nodata = flags.max_nodata;
  options.max_items = flags.max_items;

  const select::Selection selection = select::runSelection(options);
  const std::vector<std::string> features = selectedFeatures(selection, flags);
  std::vector<std::string> ids;
  for (const auto& window : selection.windows) {
    for (const auto& pick : window.picks) ids.push_back(window.candidates[pick.candidate].item.id);
  }

  select::writeSelectedItems(flags.output, features, ids);
  if (!flags.report.empty()) select::writeTextFile(flags.report, select::reportJson(selection));
  if (!flags.cells_out.empty()) select::writeSelectionCells(flags.cells_out, selection);

  std::string short_windows;
  for (const auto& window : selection.windows) {
    std::printf("%s\n", select::summaryLine(window).c_str());
    if (flags.min_coverage && window.coverage < *flags.min_coverage) {
      short_windows += (short_windows.empty() ? "" : ", ") +
                       stac::formatUtcDay(window.window.first) + ".." +
                       stac::formatUtcDay(window.window.last);
    }
  }
  std::fflush(stdout);
  std::fprintf(stderr,
               "stac2h3 select: %zu items -> %s; %lld items read through the R-tree, %lld "
               "distinct footprints, AOI %.1f km² in %zu cells of res %d\n",
               ids.size(), flags.output.c_str(), static_cast<long long>(selection.items_read),
               static_cast<long long>(selection.footprints), selection.grid.area_km2,
               selection.grid.cells.size(), selection.grid.res);
  if (!short_windows.empty()) {
    std::ostringstream limit;
    limit << *flags.min_coverage;
    throw Error("coverage below --min-coverage " + limit.str() + " in " + short_windows +
                    " (every output was written)",
                kExitIncomplete);
  }
}

}  // namespace

void addSelectCommand(CLI::App& app) {
  auto flags = std::make_shared<SelectFlags>();
  auto* command = app.add_subcommand(
      "select",
      "Choose the scenes to download for an area and a span of days, from the metadata of an "
      "items GeoPackage.\nFor each window (the whole span, or each --every window of whole "
      "UTC days), greedily picks the items that add the most expected clear area "
      "(E = the AOI's share seen clear at least once, the clouds of different scenes taken "
      "as independent), ties to the lower cloud, the earlier datetime, then the id; never an "
      "item adding less than 0.1 % of the AOI. Prints a line per window; exit status 3 when a "
      "window's coverage is below --min-coverage (every output is still written).");
  command->add_option("items", flags->items, "items GeoPackage (from download/import/synth)")
      ->required();
  auto* aoi = command->add_option("--aoi", flags->aoi,
                                  "GeoJSON file of the area (Polygon/MultiPolygon, Feature or "
                                  "FeatureCollection; rings closed)");
  auto* bbox = command->add_option("--bbox", flags->bbox,
                                   "W,S,E,N in degrees (W > E crosses the antimeridian)");
  auto* cells = command
                    ->add_option("--cells", flags->cells,
                                 "the area as H3 cells (hex ids of one resolution, "
                                 "comma-separated)")
                    ->delimiter(',');
  aoi->excludes(bbox, cells);
  bbox->excludes(cells);
  command->add_option("--start", flags->start, "first day, YYYY-MM-DD (UTC)")->required();
  command->add_option("--end", flags->end, "last day, YYYY-MM-DD (UTC, inclusive)")->required();
  command->add_option("--every", flags->every,
                      "one selection per window of N days (7d) or N calendar months (1m, 3m); "
                      "default: one window");
  command
      ->add_option("--max-cloud", flags->max_cloud,
                   "keep items with cloud_cover <= P (0-100; NULL fails)")
      ->check(CLI::Range(0.0, 100.0));
  command
      ->add_option("--max-nodata", flags->max_nodata,
                   "keep items with nodata <= P (0-100; NULL fails)")
      ->check(CLI::Range(0.0, 100.0));
  command->add_option("--max-items", flags->max_items, "at most N items per window (0: no limit)")
      ->check(CLI::NonNegativeNumber);
  command
      ->add_option("--min-coverage", flags->min_coverage,
                   "exit status 3 when a window's coverage G (0-1) is below F")
      ->check(CLI::Range(0.0, 1.0));
  command
      ->add_option("--res", flags->res,
                   "H3 resolution the AOI is cut into for the sums (default: the lowest "
                   "giving at least ~2,000 cells)")
      ->check(CLI::Range(0, 15));
  command
      ->add_option("-o,--output", flags->output,
                   "the selected items: .json (STAC ItemCollection), .ndjson (one item a "
                   "line) or .txt (one id a line), in rank order")
      ->required();
  command->add_option("--report", flags->report,
                      "JSON report: AOI area, and per window its days, candidates, selected "
                      "ids, coverage and expected clear fraction");
  command->add_option("--cells-out", flags->cells_out,
                      "per window and AOI cell: the selected items covering it, coverage and "
                      "expected clear (.csv, or .gpkg with the cell polygons)");
  command->add_flag("--fetch", flags->fetch,
                    "write the full STAC items (assets included), fetched by id from the API "
                    "the items file was downloaded from");
  command->add_option("--retries", flags->retries, "--fetch: attempts per request")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  command->add_option("--timeout", flags->timeout, "--fetch: seconds before a request is abandoned")
      ->check(CLI::Range(1L, 3600L))
      ->capture_default_str();
  command->add_flag("--overwrite", flags->overwrite, "replace existing outputs");
  command->callback([flags] {
    if (flags->aoi.empty() && flags->bbox.empty() && flags->cells.empty()) {
      throw InputError("select: give the area with --aoi, --bbox or --cells");
    }
    run(*flags);
  });
}

}  // namespace stac2h3::cli
