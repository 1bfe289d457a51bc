/** @file html_writer.h
 * @brief The self-contained interactive page: the web viewer's bundle, the page template,
 * Natural Earth land and the frames' data, all inlined into one HTML file.
 */
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "plot/aggregate.h"
#include "plot/colormap.h"

namespace stac2h3::plot {

/** One variable of the page: its frames, on one colour scale. */
struct PageVariable {
  std::string name;
  std::string units;
  ColourScale scale;
  std::string colormap;       ///< a Colormap name
  std::vector<Frame> frames;  ///< one per page frame, values per cell
};

struct PageContent {
  std::string title;
  std::string aggregation;
  geo::LonLat centre;
  std::vector<uint64_t> cells;
  /** The variables; the first one's frames also give the frames' windows and n_items. */
  std::vector<PageVariable> variables;
};

/**
 * Writes the page. Only cells with a value in some frame of some variable are kept. Values
 * are stored per frame as bytes (254 steps between the frame's own min and max, 255 for
 * NaN), n_items as bytes capped at 255, cell ids once as hex, and the cell polygons and
 * coastlines as float32 lon/lat (see page_geometry.h), so the page computes no geometry.
 * @throws Error naming `path` when it cannot be written; InputError when there is no
 *         variable or the frames disagree in count.
 */
void writeHtml(const std::filesystem::path& path, const PageContent& content);

}  // namespace stac2h3::plot
