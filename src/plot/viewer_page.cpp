/** @file viewer_page.cpp
 * @brief Fills a page template and encodes the JSON pieces the viewers share.
 */
#include "plot/viewer_page.h"

#include <cstdint>
#include <cstdio>

#include "plot/embedded_assets.h"
#include "stac/json_object.h"

namespace stac2h3::plot {

namespace {

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

std::string fillPage(std::string_view page_template, const std::string& title,
                     const std::string& data_json, std::string_view bundle) {
  const std::string replacements[][2] = {
      {"STAC2H3_TITLE", htmlText(title)},
      {"STAC2H3_STYLE", std::string(viewerStyle())},
      {"STAC2H3_DATA_JSON", data_json},
      {"STAC2H3_BUNDLE", inlineScript(bundle)},
  };
  std::string html;
  for (size_t at = 0; at < page_template.size();) {
    size_t next = std::string_view::npos;
    const std::string(*match)[2] = nullptr;
    for (const auto& replacement : replacements) {
      const size_t found = page_template.find(replacement[0], at);
      if (found < next) {
        next = found;
        match = &replacement;
      }
    }
    html.append(page_template.substr(
        at, next == std::string_view::npos ? page_template.size() - at : next - at));
    if (!match) break;
    html += (*match)[1];
    at = next + (*match)[0].size();
  }
  return html;
}

std::string flatJson(const FlatLonLat& flat, int count_bytes) {
  const std::string counts =
      count_bytes == 1 ? base64Of(std::vector<uint8_t>(flat.counts.begin(), flat.counts.end()))
                       : base64Of(flat.counts);
  return "{\"lonlat\":\"" + base64Of(flat.lonlat) + "\",\"counts\":\"" + counts +
         "\",\"lift\":" + stac::jsonNumber(flat.lift_m) + "}";
}

std::string coastlinesJson() {
  return flatJson(coastlinePolylines(), 4);
}

std::string coloursHex(const Colormap& colormap) {
  std::string colours;
  for (int level = 0; level < colormap.levels(); ++level) {
    const Rgb c = colormap.colour(level);
    char hex[8];
    std::snprintf(hex, sizeof hex, "%02x%02x%02x", c.r, c.g, c.b);
    colours += hex;
  }
  return colours;
}

std::string scriptJsonString(const std::string& text) {
  std::string literal = stac::jsonString(text);
  for (size_t at = literal.find("</"); at != std::string::npos; at = literal.find("</", at)) {
    literal.insert(at + 1, "\\");
  }
  return literal;
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  const auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<uint8_t>(bytes[i])); };
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const uint32_t chunk = byte(i) << 16 | (i + 1 < bytes.size() ? byte(i + 1) << 8 : 0) |
                           (i + 2 < bytes.size() ? byte(i + 2) : 0u);
    out += kAlphabet[chunk >> 18 & 63];
    out += kAlphabet[chunk >> 12 & 63];
    out += i + 1 < bytes.size() ? kAlphabet[chunk >> 6 & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[chunk & 63] : '=';
  }
  return out;
}

}  // namespace stac2h3::plot
