/** @file html_writer.cpp
 * @brief Fills web/page.html's placeholders with JSON data and the bundle.
 */
#include "plot/html_writer.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "h3/h3.h"
#include "plot/embedded_assets.h"
#include "plot/page_geometry.h"
#include "plot/time_window.h"
#include "plot/viewer_page.h"
#include "stac/json_object.h"
#include "util/error.h"

namespace stac2h3::plot {

namespace {

constexpr uint8_t kMissingCode = 255;
constexpr double kSteps = 254.0;

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", value);
  return text;
}

/** {"lo":..,"hi":..,"q":"base64"} of one frame's values of the `shown` cells. */
std::string quantisedFrame(const std::vector<float>& all_values, const std::vector<size_t>& shown) {
  std::vector<float> values(shown.size(), NAN);
  for (size_t i = 0; i < shown.size(); ++i) {
    if (shown[i] < all_values.size()) values[i] = all_values[shown[i]];
  }
  double lo = INFINITY;
  double hi = -INFINITY;
  for (float v : values) {
    if (!std::isfinite(v)) continue;
    lo = std::min(lo, static_cast<double>(v));
    hi = std::max(hi, static_cast<double>(v));
  }
  if (!(hi >= lo)) lo = hi = 0.0;
  std::vector<uint8_t> codes(values.size(), kMissingCode);
  const double span = hi > lo ? hi - lo : 1.0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (std::isfinite(values[i])) {
      codes[i] = static_cast<uint8_t>(std::lround((values[i] - lo) / span * kSteps));
    }
  }
  return "{\"lo\":" + number(lo) + ",\"hi\":" + number(hi) + ",\"q\":\"" + base64Of(codes) + "\"}";
}

/** The cells with a value in some frame of some variable, the only ones the page draws:
 * the slider then only recolours, and NaN everywhere costs neither bytes nor triangles. */
std::vector<size_t> shownCells(const PageContent& content) {
  std::vector<size_t> shown;
  for (size_t c = 0; c < content.cells.size(); ++c) {
    const bool observed = std::any_of(
        content.variables.begin(), content.variables.end(), [c](const PageVariable& variable) {
          return std::any_of(variable.frames.begin(), variable.frames.end(),
                             [c](const Frame& frame) {
                               return c < frame.values.size() && std::isfinite(frame.values[c]);
                             });
        });
    if (observed) shown.push_back(c);
  }
  return shown;
}

std::string dataJson(const PageContent& content) {
  const auto& first = content.variables.front().frames;
  const std::vector<size_t> shown = shownCells(content);
  std::vector<uint64_t> shown_ids;
  shown_ids.reserve(shown.size());
  for (const size_t c : shown) shown_ids.push_back(content.cells[c]);
  std::string json = "{\"cells\":\"";
  for (size_t i = 0; i < shown_ids.size(); ++i) {
    if (i > 0) json += ',';
    json += h3::cellToString(shown_ids[i]);
  }
  // Cells have at most 10 vertices: one byte each; coastline arcs need more.
  json += "\",\"polygons\":" + flatJson(cellPolygons(shown_ids), 1);
  json += ",\"coastlines\":" + coastlinesJson();
  json += ",\"centre\":[" + number(content.centre.lon) + "," + number(content.centre.lat) + "]";
  json += ",\"aggregation\":" + scriptJsonString(content.aggregation) + ",\"frames\":[";
  for (size_t f = 0; f < first.size(); ++f) {
    std::vector<uint8_t> counts(shown.size(), 0);
    for (size_t i = 0; i < shown.size(); ++i) {
      if (shown[i] < first[f].n_items.size()) {
        counts[i] = static_cast<uint8_t>(std::min<uint32_t>(first[f].n_items[shown[i]], 255));
      }
    }
    json += std::string(f ? "," : "") +
            "{\"label\":" + scriptJsonString(formatWindow(first[f].window)) + ",\"n_items\":\"" +
            base64Of(counts) + "\"}";
  }
  json += "],\"variables\":[";
  for (size_t v = 0; v < content.variables.size(); ++v) {
    const PageVariable& variable = content.variables[v];
    const std::string colours = coloursHex(Colormap(variable.colormap));
    json += std::string(v ? "," : "") + "{\"name\":" + scriptJsonString(variable.name) +
            ",\"units\":" + scriptJsonString(variable.units) +
            ",\"lo\":" + number(variable.scale.lo) + ",\"hi\":" + number(variable.scale.hi) +
            ",\"colours\":\"" + colours + "\",\"frames\":[";
    for (size_t f = 0; f < variable.frames.size(); ++f) {
      json += std::string(f ? "," : "") + quantisedFrame(variable.frames[f].values, shown);
    }
    json += "]}";
  }
  return json + "]}";
}

}  // namespace

void writeHtml(const std::filesystem::path& path, const PageContent& content) {
  if (content.variables.empty()) throw InputError("the page needs at least one variable");
  for (const auto& variable : content.variables) {
    if (variable.frames.size() != content.variables.front().frames.size()) {
      throw InputError("the page's variables have different frame counts");
    }
  }
  const std::string html =
      fillPage(pageTemplate(), content.title, dataJson(content), viewerBundle());
  std::ofstream out(path, std::ios::binary);
  out << html;
  if (!out.flush()) throw Error(path.string() + ": cannot write HTML");
}

}  // namespace stac2h3::plot
