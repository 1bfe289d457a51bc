/** @file html_writer.cpp
 * @brief Fills web/page.html's placeholders with JSON data and the bundle.
 */
#include "plot/html_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "h3/h3.h"
#include "plot/embedded_assets.h"
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

/** {"lo":..,"hi":..,"q":"base64"} of one frame's values. */
std::string quantisedFrame(const std::vector<float>& values) {
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

std::string dataJson(const PageContent& content) {
  const auto& first = content.variables.front().frames;
  std::string json = "{\"cells\":\"";
  for (size_t i = 0; i < content.cells.size(); ++i) {
    if (i > 0) json += ',';
    json += h3::cellToString(content.cells[i]);
  }
  json += "\",\"centre\":[" + number(content.centre.lon) + "," + number(content.centre.lat) + "]";
  json += ",\"aggregation\":" + jsonString(content.aggregation) + ",\"frames\":[";
  for (size_t f = 0; f < first.size(); ++f) {
    std::vector<uint8_t> counts(content.cells.size(), 0);
    for (size_t c = 0; c < counts.size() && c < first[f].n_items.size(); ++c) {
      counts[c] = static_cast<uint8_t>(std::min<uint32_t>(first[f].n_items[c], 255));
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
      json += std::string(f ? "," : "") + quantisedFrame(variable.frames[f].values);
    }
    json += "]}";
  }
  // The embedded TopoJSON is JSON already; only "</" must not appear inside the script.
  std::string land(landTopoJson());
  for (size_t at = land.find("</"); at != std::string::npos; at = land.find("</", at)) {
    land.replace(at, 2, "<\\/");
  }
  return json + "],\"land\":" + land + "}";
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
