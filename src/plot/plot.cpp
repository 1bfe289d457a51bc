/** @file plot.cpp
 * @brief The plot pipeline: window -> frames -> scale -> PNG, GIF or HTML.
 */
#include "plot/plot.h"

#include <algorithm>
#include <cmath>

#include "plot/gif_writer.h"
#include "plot/globe_renderer.h"
#include "plot/html_writer.h"
#include "store/zarr_cube_reader.h"
#include "util/error.h"
#include "util/progress.h"

namespace stac2h3::plot {

namespace {

/** Frames of a spinning globe when no --every gives the frames. */
constexpr size_t kSpinFrames = 36;
/** GIF frame durations (1/100 s). */
constexpr int kFrameDelay = 60;
constexpr int kSpinDelay = 10;

enum class Format { kPng, kGif, kHtml };

Format formatOf(const std::filesystem::path& output) {
  std::string extension = output.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".png") return Format::kPng;
  if (extension == ".gif") return Format::kGif;
  if (extension == ".html" || extension == ".htm") return Format::kHtml;
  throw InputError(output.string() + ": unknown output type (use .png, .gif or .html)");
}

DayWindow windowOf(const PlotRequest& request, const store::ZarrCubeReader& cube) {
  if (cube.days().empty()) throw InputError(request.cube.string() + ": the cube has no days");
  const DayWindow window{request.start.value_or(cube.days().front()),
                         request.end.value_or(cube.days().back())};
  if (window.last < window.first) {
    throw InputError("--end " + formatDay(window.last) + " is before --start " +
                     formatDay(window.first));
  }
  return window;
}

std::vector<float> allValues(const std::vector<Frame>& frames) {
  std::vector<float> values;
  for (const auto& frame : frames)
    values.insert(values.end(), frame.values.begin(), frame.values.end());
  return values;
}

ColourScale scaleOf(const PlotRequest& request, const std::vector<Frame>& frames) {
  if (request.range) return *request.range;
  // allMissing was checked before; a robust range exists.
  return robustRange(allValues(frames)).value_or(ColourScale{});
}

geo::LonLat centreOf(const PlotRequest& request, const store::ZarrCubeReader& cube,
                     const std::vector<Frame>& frames) {
  if (request.centre) return *request.centre;
  std::vector<const std::vector<float>*> values;
  for (const auto& frame : frames) values.push_back(&frame.values);
  return dataCentroid(cube.cells(), values);
}

std::string titleOf(const std::string& variable, Aggregation aggregation) {
  return variable + ", " + std::string(aggregationName(aggregation));
}

void writeImages(const PlotRequest& request, Format format, const store::ZarrCubeReader& cube,
                 const std::vector<Frame>& frames, const ColourScale& scale,
                 const geo::LonLat& centre) {
  const std::string& variable = request.variables.front();
  const std::string colormap_name =
      request.colormap.empty() ? Colormap::defaultFor(variable) : request.colormap;
  const GlobeRenderer renderer(cube.cells(), request.size);
  MapLabels labels{titleOf(variable, request.aggregation), "", cube.units(variable)};
  if (format == Format::kPng) {
    labels.subtitle = formatWindow(frames.front().window);
    renderer.render(frames.front().values, scale, Colormap(colormap_name), centre, labels)
        .writePng(request.output);
    return;
  }
  const Colormap colormap(colormap_name, kGifColormapLevels);
  // A spin without --every turns the one window's frame; otherwise each frame has its window.
  const size_t count = request.spin && frames.size() == 1 ? kSpinFrames : frames.size();
  GifWriter gif(request.output, renderer.size(), renderer.size(), colormap,
                request.spin ? kSpinDelay : kFrameDelay);
  Progress progress("frames", static_cast<int64_t>(count));
  for (size_t i = 0; i < count; ++i) {
    const Frame& frame = frames[std::min(i, frames.size() - 1)];
    geo::LonLat view = centre;
    if (request.spin)
      view.lon = std::remainder(
          centre.lon + 360.0 * static_cast<double>(i) / static_cast<double>(count), 360.0);
    labels.subtitle = formatWindow(frame.window);
    gif.addFrame(renderer.render(frame.values, scale, colormap, view, labels, false));
    progress.add();
  }
  gif.close();
  progress.finish();
}

}  // namespace

/** The variables asked for, each checked against the cube; for a page without --var,
 * every variable of the cube. */
std::vector<std::string> variablesToShow(const PlotRequest& request, Format format,
                                         const store::ZarrCubeReader& cube) {
  const std::vector<std::string> available = cube.variables();
  std::string listed;
  for (const auto& name : available) listed += (listed.empty() ? "" : ", ") + name;
  if (request.variables.empty()) {
    if (format != Format::kHtml) throw InputError("no --var given (the cube has " + listed + ")");
    return available;
  }
  for (const auto& name : request.variables) {
    if (std::find(available.begin(), available.end(), name) == available.end()) {
      throw InputError(request.cube.string() + ": no variable '" + name + "' (the cube has " +
                       listed + ")");
    }
  }
  return request.variables;
}

PlotResult plot(const PlotRequest& request) {
  const Format format = formatOf(request.output);
  if (format != Format::kHtml && request.variables.size() > 1) {
    throw InputError("PNG and GIF show one variable; give one --var (or write .html)");
  }
  if (request.spin && request.centre) throw InputError("--spin and --center exclude each other");
  if (request.range && !(request.range->hi > request.range->lo)) {
    throw InputError("--range needs LO < HI");
  }
  const store::ZarrCubeReader cube(request.cube, request.level);
  const std::vector<std::string> names = variablesToShow(request, format, cube);
  for (const auto& name : names)
    Colormap(request.colormap.empty() ? Colormap::defaultFor(name) : request.colormap);

  const DayWindow whole = windowOf(request, cube);
  const auto windows =
      request.every ? splitWindow(whole, *request.every) : std::vector<DayWindow>{whole};
  if (format == Format::kPng && windows.size() > 1) {
    throw InputError("--every gives " + std::to_string(windows.size()) +
                     " frames; a PNG holds one (write .gif or .html)");
  }

  std::vector<PageVariable> variables;
  for (const auto& name : names) {
    auto frames =
        aggregateFrames(cube, name, windows, request.aggregation, format == Format::kHtml);
    const bool missing = allMissing(frames);
    // A page of every variable leaves out those with no value in the window.
    if (missing && request.variables.empty()) continue;
    if (missing) {
      throw InputError(request.cube.string() + ": no " + name + " value between " +
                       formatDay(whole.first) + " and " + formatDay(whole.last) +
                       " (every cell is NaN)");
    }
    const ColourScale scale = scaleOf(request, frames);
    variables.push_back({name, cube.units(name), scale,
                         request.colormap.empty() ? Colormap::defaultFor(name) : request.colormap,
                         std::move(frames)});
  }
  if (variables.empty()) {
    throw InputError(request.cube.string() + ": no value between " + formatDay(whole.first) +
                     " and " + formatDay(whole.last) + " (every cell is NaN)");
  }
  const geo::LonLat centre = centreOf(request, cube, variables.front().frames);
  const bool spin_one_window = format == Format::kGif && request.spin && windows.size() == 1;
  PlotResult result{spin_one_window ? kSpinFrames : windows.size(), variables.front().scale};
  if (format == Format::kHtml) {
    writeHtml(request.output, {titleOf(variables.front().name, request.aggregation),
                               std::string(aggregationName(request.aggregation)), centre,
                               cube.cells(), std::move(variables)});
  } else {
    writeImages(request, format, cube, variables.front().frames, variables.front().scale, centre);
  }
  return result;
}

}  // namespace stac2h3::plot
