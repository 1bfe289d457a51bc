/** @file synth.cpp
 * @brief `stac2h3 synth`: flags, then a synth::Synthesizer into NDJSON or an items GeoPackage.
 */
#include <cstdio>
#include <memory>
#include <optional>

#include "cli/bbox_flag.h"
#include "cli/day_flag.h"
#include "cli/commands.h"
#include "geo/geojson.h"
#include "stac/utc_time.h"
#include "store/items_gpkg.h"
#include "store/output_path.h"
#include "synth/ndjson_writer.h"
#include "synth/scene_model.h"
#include "synth/synthesizer.h"
#include "util/error.h"
#include "util/progress.h"

namespace stac2h3::cli {

namespace {

struct SynthFlags {
  std::string start;
  std::string end;
  std::string aoi;
  std::string bbox;
  uint64_t seed = 0;
  std::string land;
  std::string output;
  bool overwrite = false;
};

/** Where the items go, chosen by the output's extension. */
class ItemsOutput {
 public:
  /** Throws before touching `path` when its extension is unknown. */
  static void checkType(const std::filesystem::path& path) {
    const std::string extension = path.extension().string();
    if (extension != ".ndjson" && extension != ".gpkg") {
      throw InputError(path.string() + ": unknown output type; use .ndjson or .gpkg");
    }
  }

  /** Creates the output (replacing an existing one only with `overwrite`). */
  ItemsOutput(const std::filesystem::path& path, const synth::SynthOptions& options,
              bool overwrite) {
    checkType(path);
    store::prepareOutputPath(path, overwrite);
    if (path.extension() == ".ndjson") {
      ndjson_.emplace(path, options.seed);
    } else {
      gpkg_.emplace(path, synth::otherPercentageKeys());
      gpkg_->setMetadata(std::string(store::kMetaSourceApi), "stac2h3 synth (SYNTHETIC items)");
      gpkg_->setMetadata(std::string(store::kMetaCollection), std::string(synth::kCollection));
      gpkg_->setMetadata(std::string(store::kMetaQuery),
                         "{\"synthetic\":true,\"seed\":" + std::to_string(options.seed) +
                             ",\"start\":\"" + stac::formatUtcDay(options.first_day) +
                             "\",\"end\":\"" + stac::formatUtcDay(options.last_day) + "\"}");
      gpkg_->setMetadata(std::string(store::kMetaSoftware), "stac2h3 " STAC2H3_VERSION);
    }
  }

  void write(const std::vector<stac::Item>& items) {
    if (ndjson_) ndjson_->write(items);
    if (gpkg_) gpkg_->write(items);
  }

  void close() {
    if (ndjson_) ndjson_->close();
  }

 private:
  std::optional<synth::NdjsonWriter> ndjson_;
  std::optional<store::ItemsWriter> gpkg_;
};

void run(const SynthFlags& flags) {
  synth::SynthOptions options;
  options.first_day = parseDayFlag("--start", flags.start);
  options.last_day = parseDayFlag("--end", flags.end);
  options.seed = flags.seed;
  options.land = flags.land;
  if (!flags.aoi.empty()) options.aoi = geo::readGeoJsonArea(flags.aoi);
  if (!flags.bbox.empty()) options.aoi = bboxArea(parseBbox(flags.bbox));

  // Every input is checked (and the setup done) before the output is created, so bad input
  // leaves no file behind.
  ItemsOutput::checkType(flags.output);
  if (!flags.overwrite) store::prepareOutputPath(flags.output, false);  // refuses an existing one
  const synth::Synthesizer synthesizer = synth::makeSynthesizer(options);
  ItemsOutput output(flags.output, options, flags.overwrite);
  Progress progress("items");
  const int64_t total = synthesizer.generate(
      options.first_day, options.last_day, [&](std::vector<stac::Item>& batch) {
        output.write(batch);
        if (!batch.empty()) progress.setDetail(batch.front().datetime.substr(0, 10));
        progress.add(static_cast<int64_t>(batch.size()));
      });
  output.close();
  progress.finish();
  std::fprintf(stderr, "stac2h3 synth: %lld SYNTHETIC items -> %s (%.1f s)\n",
               static_cast<long long>(total), flags.output.c_str(), progress.elapsedSeconds());
}

}  // namespace

void addSynthCommand(CLI::App& app) {
  auto flags = std::make_shared<SynthFlags>();
  auto* command = app.add_subcommand(
      "synth",
      "Make SYNTHETIC Sentinel-2 L2A items, shaped like Earth Search's, for demos and "
      "benchmarks without network.\nFootprints are the real Sentinel-2 tiles (MGRS grid, "
      "computed with PROJ) over land and coasts (Natural Earth); acquisitions follow a model "
      "of the two satellites' 10-day, 143-orbit repeat with a 290 km swath (partial tiles at "
      "the swath edges carry the matching nodata); percentages come from a seeded climatology "
      "(ITCZ, deserts, storm tracks, seasonal snow, vegetation) with persistent weather. Every "
      "item says it is synthetic (\"stac2h3:synthetic\": true). A global month is ~400,000 "
      "items.");
  command->add_option("--start", flags->start, "first day, YYYY-MM-DD (UTC)")->required();
  command->add_option("--end", flags->end, "last day, YYYY-MM-DD (UTC, inclusive)")->required();
  auto* aoi = command
                  ->add_option("--aoi", flags->aoi,
                               "GeoJSON file of an area: only tiles touching it (Polygon/"
                               "MultiPolygon, Feature or FeatureCollection)")
                  ->check(CLI::ExistingFile);
  auto* bbox = command->add_option(
      "--bbox", flags->bbox, "W,S,E,N in degrees: only tiles touching it (default: the globe)");
  aoi->excludes(bbox);
  command
      ->add_option("--seed", flags->seed,
                   "picks one of many equally plausible worlds; the same seed and options give "
                   "the same items")
      ->capture_default_str();
  command->add_option("--land", flags->land,
                      "land polygons (any OGR vector file; default: world-atlas land-50m.json "
                      "from node_modules)");
  command
      ->add_option("-o,--output", flags->output,
                   "items.ndjson (STAC items, one per line, for `stac2h3 import`) or items.gpkg "
                   "(the items GeoPackage that cells and resample read)")
      ->required();
  command->add_flag("--overwrite", flags->overwrite, "replace the output if it exists");
  command->callback([flags] { run(*flags); });
}

}  // namespace stac2h3::cli
