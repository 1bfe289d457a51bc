/** @file plot.cpp
 * @brief `stac2h3 plot`: flags, then plot::plot into a PNG, GIF or HTML globe.
 */
#include "plot/plot.h"

#include <charconv>
#include <cstdio>
#include <memory>
#include <optional>
#include <utility>

#include "cli/commands.h"
#include "util/error.h"

namespace stac2h3::cli {

namespace {

struct PlotFlags {
  std::string cube;
  std::optional<int> level;
  std::string variables;
  std::string start;
  std::string end;
  std::string aggregation = "mean";
  std::string every;
  std::string center;
  bool spin = false;
  std::string cmap;
  std::string range;
  int size = 1024;
  std::string output;
};

/** "A,B" as two numbers, or an InputError naming the flag. */
std::pair<double, double> parsePair(const std::string& flag, const std::string& text,
                                    const char* expected) {
  double values[2] = {0.0, 0.0};
  const char* position = text.data();
  const char* end = text.data() + text.size();
  for (int i = 0; i < 2; ++i) {
    const auto [next, error] = std::from_chars(position, end, values[i]);
    const bool separator_ok = i == 0 ? next < end && *next == ',' : next == end;
    if (error != std::errc{} || !separator_ok) {
      throw InputError("bad " + flag + " '" + text + "': expected " + expected);
    }
    position = next + 1;
  }
  return {values[0], values[1]};
}

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> parts;
  size_t begin = 0;
  for (size_t comma = text.find(',');; comma = text.find(',', begin)) {
    const std::string part =
        text.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin);
    if (!part.empty()) parts.push_back(part);
    if (comma == std::string::npos) break;
    begin = comma + 1;
  }
  return parts;
}

void run(const PlotFlags& flags) {
  plot::PlotRequest request;
  request.cube = flags.cube;
  request.level = flags.level;
  request.variables = splitList(flags.variables);
  if (!flags.start.empty()) request.start = plot::parseDay(flags.start);
  if (!flags.end.empty()) request.end = plot::parseDay(flags.end);
  request.aggregation = plot::parseAggregation(flags.aggregation);
  if (!flags.every.empty()) request.every = plot::parseFrameStep(flags.every);
  if (!flags.center.empty()) {
    const auto [lon, lat] = parsePair("--center", flags.center, "LON,LAT in degrees");
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      throw InputError("bad --center '" + flags.center + "': LON in [-180,180], LAT in [-90,90]");
    }
    request.centre = geo::LonLat{lon, lat};
  }
  request.spin = flags.spin;
  request.colormap = flags.cmap;
  if (!flags.range.empty()) {
    const auto [lo, hi] = parsePair("--range", flags.range, "LO,HI");
    request.range = plot::ColourScale{lo, hi};
  }
  request.size = flags.size;
  request.output = flags.output;
  const plot::PlotResult result = plot::plot(request);
  std::fprintf(stderr, "plot: %s (%zu frame%s, colour scale %g..%g)\n", flags.output.c_str(),
               result.frames, result.frames == 1 ? "" : "s", result.scale.lo, result.scale.hi);
}

}  // namespace

void addPlotCommand(CLI::App& app) {
  auto flags = std::make_shared<PlotFlags>();
  CLI::App* command = app.add_subcommand(
      "plot",
      "Draw a cube variable on a globe: PNG, animated GIF (one frame per --every window, or "
      "--spin) or a self-contained interactive HTML page, picked by the extension of -o.");
  command->add_option("cube", flags->cube, "The cube.zarr written by `resample`")
      ->required()
      ->check(CLI::ExistingDirectory);
  command
      ->add_option("--level", flags->level,
                   "Of a pyramid (`resample --pyramid`), the level (H3 resolution) to draw "
                   "(default: the finest); a single cube has only its own")
      ->check(CLI::Range(0, 15));
  command->add_option("--var", flags->variables,
                      "Variable to show: any variable of the cube (cloud_cover, nodata, snow_ice, "
                      "vegetation, not_vegetated, water and those resample --var made, "
                      "obs_fraction, n_items). HTML takes a comma-separated list for its variable "
                      "picker, and shows every variable of the cube without --var; PNG and GIF "
                      "need one");
  command->add_option("--start", flags->start, "First day, YYYY-MM-DD (default: the cube's first)");
  command->add_option("--end", flags->end,
                      "Last day, inclusive, YYYY-MM-DD (default: the cube's last)");
  command
      ->add_option("--agg", flags->aggregation,
                   "Per-cell aggregation over each window, NaN ignored; count = days with an "
                   "observation")
      ->check(CLI::IsMember({"mean", "median", "min", "max", "count"}))
      ->capture_default_str();
  command->add_option("--every", flags->every,
                      "One frame per window of Nd days or Nm months (1d, 7d, 1m); GIF and HTML");
  auto* center = command->add_option(
      "--center", flags->center, "Globe centre LON,LAT in degrees (default: the data's centroid)");
  command
      ->add_flag("--spin", flags->spin,
                 "GIF: turn the globe once (36 frames, or one per --every window)")
      ->excludes(center);
  command->add_option("--cmap", flags->cmap,
                      "Colour map: viridis, cividis, magma, blues; _r reverses (default: blues "
                      "for cloud_cover, viridis otherwise)");
  command->add_option("--range", flags->range,
                      "Colour scale LO,HI (default: 2nd-98th percentile of the whole window, "
                      "shared by all frames)");
  command->add_option("--size", flags->size, "PNG/GIF width and height in pixels")
      ->check(CLI::Range(64, 16384))
      ->capture_default_str();
  command->add_option("-o,--output", flags->output, "Output: out.png, out.gif or out.html")
      ->required();
  command->callback([flags] { run(*flags); });
}

}  // namespace stac2h3::cli
