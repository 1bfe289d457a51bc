/** @file plot.h
 * @brief `stac2h3 plot`: a cube variable aggregated over a time window, drawn as a PNG
 * globe, an animated GIF or an interactive HTML page (picked by the output's extension).
 */
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "plot/aggregate.h"
#include "plot/colormap.h"
#include "plot/time_window.h"

namespace stac2h3::plot {

struct PlotRequest {
  std::filesystem::path cube;
  std::optional<int> level;  ///< of a pyramid, the level to draw; default the finest
  /** Variables to show: PNG and GIF draw the one given; the page offers all in its picker
   * (empty: every variable of the cube with a value in the window). */
  std::vector<std::string> variables;
  std::optional<int32_t> start;  ///< first day (days since 1970-01-01); default the cube's
  std::optional<int32_t> end;    ///< last day, inclusive; default the cube's
  Aggregation aggregation = Aggregation::kMean;
  std::optional<FrameStep> every;     ///< one frame per step; default one frame
  std::optional<geo::LonLat> centre;  ///< default the data's centroid
  bool spin = false;                  ///< GIF: turn the globe once over the frames
  std::string colormap;               ///< default Colormap::defaultFor(variable)
  std::optional<ColourScale> range;   ///< default the robust range of all frames
  int size = 1024;                    ///< PNG/GIF width and height in pixels
  std::filesystem::path output;       ///< .png, .gif or .html
};

/** What was written, for the command's summary line. */
struct PlotResult {
  size_t frames = 0;
  ColourScale scale;
};

/**
 * Reads the window's chunks, aggregates, renders and writes `request.output`.
 * @throws InputError for an unknown extension or variable, a bad window, several frames
 *         into a PNG, or a window where every value is NaN (one line naming the variable
 *         and dates); Error when reading or writing fails.
 */
PlotResult plot(const PlotRequest& request);

}  // namespace stac2h3::plot
