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
#include "stac/json_object.h"
#include "util/error.h"

namespace stac2h3::plot {

namespace {

constexpr uint8_t kMissingCode = 255;
constexpr double kSteps = 254.0;

std::string base64(const std::vector<uint8_t>& bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const uint32_t chunk = static_cast<uint32_t>(bytes[i]) << 16 |
                           (i + 1 < bytes.size() ? static_cast<uint32_t>(bytes[i + 1]) << 8 : 0) |
                           (i + 2 < bytes.size() ? bytes[i + 2] : 0u);
    out += kAlphabet[chunk >> 18 & 63];
    out += kAlphabet[chunk >> 12 & 63];
    out += i + 1 < bytes.size() ? kAlphabet[chunk >> 6 & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[chunk & 63] : '=';
  }
  return out;
}

/** Base64 of numbers as the page reads them (typed arrays over little-endian bytes). */
template <typename Number>
std::string base64Of(const std::vector<Number>& numbers) {
  static_assert(std::endian::native == std::endian::little, "the page reads little-endian");
  std::vector<uint8_t> bytes(numbers.size() * sizeof(Number));
  if (!bytes.empty()) std::memcpy(bytes.data(), numbers.data(), bytes.size());
  return base64(bytes);
}

/** A JSON string literal, safe inside <script> (no "</" sequence). */
std::string jsonString(const std::string& text) {
  std::string literal = stac::jsonString(text);
  for (size_t at = literal.find("</"); at != std::string::npos; at = literal.find("</", at)) {
    literal.insert(at + 1, "\\");
  }
  return literal;
}

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
  return "{\"lo\":" + number(lo) + ",\"hi\":" + number(hi) + ",\"q\":\"" + base64(codes) + "\"}";
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

/** {"lonlat":"base64 float32","counts":"base64 <Count>","lift":metres} */
template <typename Count>
std::string flatJson(const FlatLonLat& flat) {
  return "{\"lonlat\":\"" + base64Of(flat.lonlat) + "\",\"counts\":\"" +
         base64Of(std::vector<Count>(flat.counts.begin(), flat.counts.end())) +
         "\",\"lift\":" + number(flat.lift_m) + "}";
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
  json += "\",\"polygons\":" + flatJson<uint8_t>(cellPolygons(shown_ids));
  json += ",\"coastlines\":" + flatJson<uint32_t>(coastlinePolylines());
  json += ",\"centre\":[" + number(content.centre.lon) + "," + number(content.centre.lat) + "]";
  json += ",\"aggregation\":" + jsonString(content.aggregation) + ",\"frames\":[";
  for (size_t f = 0; f < first.size(); ++f) {
    std::vector<uint8_t> counts(shown.size(), 0);
    for (size_t i = 0; i < shown.size(); ++i) {
      if (shown[i] < first[f].n_items.size()) {
        counts[i] = static_cast<uint8_t>(std::min<uint32_t>(first[f].n_items[shown[i]], 255));
      }
    }
    json += std::string(f ? "," : "") + "{\"label\":" + jsonString(formatWindow(first[f].window)) +
            ",\"n_items\":\"" + base64(counts) + "\"}";
  }
  json += "],\"variables\":[";
  for (size_t v = 0; v < content.variables.size(); ++v) {
    const PageVariable& variable = content.variables[v];
    const Colormap colormap(variable.colormap);
    std::string colours;
    for (int level = 0; level < colormap.levels(); ++level) {
      const Rgb c = colormap.colour(level);
      char hex[8];
      std::snprintf(hex, sizeof hex, "%02x%02x%02x", c.r, c.g, c.b);
      colours += hex;
    }
    json += std::string(v ? "," : "") + "{\"name\":" + jsonString(variable.name) +
            ",\"units\":" + jsonString(variable.units) + ",\"lo\":" + number(variable.scale.lo) +
            ",\"hi\":" + number(variable.scale.hi) + ",\"colours\":\"" + colours +
            "\",\"frames\":[";
    for (size_t f = 0; f < variable.frames.size(); ++f) {
      json += std::string(f ? "," : "") + quantisedFrame(variable.frames[f].values, shown);
    }
    json += "]}";
  }
  return json + "]}";
}

/** Escapes HTML text. */
std::string htmlText(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

/** The bundle with any "</script" spelled so that it does not end the inline script. */
std::string inlineScript(std::string_view script) {
  std::string out(script);
  for (size_t at = out.find("</script"); at != std::string::npos; at = out.find("</script", at)) {
    out.replace(at, 2, "<\\/");
  }
  return out;
}

}  // namespace

void writeHtml(const std::filesystem::path& path, const PageContent& content) {
  if (content.variables.empty()) throw InputError("the page needs at least one variable");
  for (const auto& variable : content.variables) {
    if (variable.frames.size() != content.variables.front().frames.size()) {
      throw InputError("the page's variables have different frame counts");
    }
  }
  const std::string replacements[][2] = {
      {"STAC2H3_TITLE", htmlText(content.title)},
      {"STAC2H3_DATA_JSON", dataJson(content)},
      {"STAC2H3_BUNDLE", inlineScript(viewerBundle())},
  };
  // Markers are found in the template only, never in inserted text.
  const std::string_view page = pageTemplate();
  std::string html;
  for (size_t at = 0; at < page.size();) {
    size_t next = std::string_view::npos;
    const std::string(*match)[2] = nullptr;
    for (const auto& replacement : replacements) {
      const size_t found = page.find(replacement[0], at);
      if (found < next) {
        next = found;
        match = &replacement;
      }
    }
    html.append(page.substr(at, next == std::string_view::npos ? page.size() - at : next - at));
    if (!match) break;
    html += (*match)[1];
    at = next + (*match)[0].size();
  }
  std::ofstream out(path, std::ios::binary);
  out << html;
  if (!out.flush()) throw Error(path.string() + ": cannot write HTML");
}

}  // namespace stac2h3::plot
