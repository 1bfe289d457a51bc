/** @file download.cpp
 * @brief `stac2h3 download`: flags, then stac::runDownload into an items GeoPackage.
 */
#include <cstdio>
#include <memory>

#include "cli/bbox_flag.h"
#include "cli/commands.h"
#include "cli/day_flag.h"
#include "geo/geojson.h"
#include "stac/download_engine.h"
#include "store/items_gpkg.h"
#include "util/error.h"

namespace stac2h3::cli {

namespace {

/** The items GeoPackage as the download engine's sink. */
class GpkgSink : public stac::ItemSink {
 public:
  GpkgSink(const std::string& path, const std::vector<std::string>& extra_properties)
      : writer_(path, extra_properties) {}
  std::string name() const override { return writer_.path().string(); }
  int64_t write(std::span<const stac::Item> items, const std::string& finished_slice) override {
    return writer_.write(items, finished_slice);
  }
  std::set<std::string> doneSlices() const override { return writer_.doneSlices(); }
  std::map<std::string, std::string> metadata() const override { return writer_.metadata(); }
  void setMetadata(const std::string& key, const std::string& value) override {
    writer_.setMetadata(key, value);
  }

 private:
  store::ItemsWriter writer_;
};

struct DownloadFlags {
  std::string aoi;
  std::string bbox;
  std::string start;
  std::string end;
  std::string slice = "1d";
  int jobs = 4;
  std::string api = "https://earth-search.aws.element84.com/v1";
  std::string collection = "sentinel-2-l2a";
  int limit = 0;
  std::vector<std::string> properties;
  std::string output;
  int retries = 8;
  long timeout = 300;
  int64_t count_cap = stac::kDefaultCountCap;
};

void run(const DownloadFlags& flags) {
  stac::DownloadOptions options;
  auto& query = options.query;
  query.api = flags.api;
  while (!query.api.empty() && query.api.back() == '/') query.api.pop_back();
  query.collections = {flags.collection};
  if (!flags.aoi.empty()) query.intersects = geo::readGeoJsonArea(flags.aoi);
  if (!flags.bbox.empty()) query.bbox = parseBbox(flags.bbox);
  query.extra_properties = flags.properties;
  options.first_day = parseDayFlag("--start", flags.start);
  options.last_day = parseDayFlag("--end", flags.end);
  options.slice_length = stac::parseSliceLength(flags.slice);
  options.jobs = flags.jobs;
  options.limit = flags.limit;
  options.retry.max_attempts = flags.retries;
  options.http.total_timeout_seconds = flags.timeout;
  options.http.stall_timeout_seconds = std::min(flags.timeout, options.http.stall_timeout_seconds);
  options.count_cap = flags.count_cap;

  GpkgSink sink(flags.output, flags.properties);
  const auto summary = stac::runDownload(options, sink);
  for (const auto& warning : summary.warnings) {
    std::fprintf(stderr, "stac2h3: warning: %s\n", warning.c_str());
  }
  if (summary.incomplete.empty()) return;
  for (const auto& line : summary.incomplete) {
    std::fprintf(stderr, "stac2h3: unfinished: %s\n", line.c_str());
  }
  throw Error(std::to_string(summary.incomplete.size()) + " of " + std::to_string(summary.slices) +
                  " slices unfinished (every item fetched is kept); rerun the same command to "
                  "fetch them again",
              kExitIncomplete);
}

}  // namespace

void addDownloadCommand(CLI::App& app) {
  auto flags = std::make_shared<DownloadFlags>();
  auto* command = app.add_subcommand(
      "download",
      "Fetch the Sentinel-2 items of an area and a span of days from a STAC API into an items "
      "GeoPackage.\nSlices of days are fetched in parallel, pages with retries. A slice whose "
      "paging loops or ends short of the server's numberMatched is searched again in halves "
      "(time, then area). Exit status 3: some slices could not be completed (each is named; "
      "every item fetched is kept); rerunning the same command resumes (finished slices are "
      "skipped, unfinished ones refetched).");
  auto* aoi = command
                  ->add_option("--aoi", flags->aoi,
                               "GeoJSON file of the area (Polygon/MultiPolygon, Feature or "
                               "FeatureCollection): sent as `intersects`")
                  ->check(CLI::ExistingFile);
  auto* bbox =
      command->add_option("--bbox", flags->bbox, "W,S,E,N in degrees (default: the whole globe)");
  aoi->excludes(bbox);
  command->add_option("--start", flags->start, "first day, YYYY-MM-DD (UTC)")->required();
  command->add_option("--end", flags->end, "last day, YYYY-MM-DD (UTC, inclusive)")->required();
  command
      ->add_option("--slice", flags->slice,
                   "days per request series: Nd (1d, 7d...) or Nm calendar months (1m); "
                   "smaller slices spread over more jobs and resume finer")
      ->capture_default_str();
  command->add_option("--jobs", flags->jobs, "slices fetched in parallel, one connection each")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  command->add_option("--api", flags->api, "STAC API root URL")->capture_default_str();
  command->add_option("--collection", flags->collection, "collection id")->capture_default_str();
  command
      ->add_option("--limit", flags->limit,
                   "items per page; 0 = auto: " + std::to_string(stac::kDefaultLimitWithFields) +
                       " when the server has the Fields extension, " +
                       std::to_string(stac::kDefaultLimitWithoutFields) +
                       " otherwise (Earth Search answers 502 above ~6 MB a page; a 502 "
                       "halves the page size)")
      ->check(CLI::Range(0, 10000))
      ->capture_default_str();
  command
      ->add_option("--properties", flags->properties,
                   "extra property keys stored as TEXT columns (':' becomes '_'), e.g. "
                   "s2:product_uri,view:sun_elevation")
      ->delimiter(',');
  command
      ->add_option("--retries", flags->retries,
                   "attempts per page before giving up (timeouts, cut bodies, 429, 403 "
                   "throttling, 5xx; exponential backoff with jitter, Retry-After honoured)")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  command
      ->add_option("--count-cap", flags->count_cap,
                   "the server stops counting matches here: a numberMatched this large means "
                   "'at least', and the slice is split until its pieces count less")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000000}))
      ->capture_default_str();
  command->add_option("--timeout", flags->timeout, "seconds before a request is abandoned")
      ->check(CLI::Range(1L, 3600L))
      ->capture_default_str();
  command->add_option("-o,--output", flags->output, "the items GeoPackage (created or resumed)")
      ->required();
  command->callback([flags] { run(*flags); });
}

}  // namespace stac2h3::cli
