/** @file viewer_page.h
 * @brief What the two web viewers share on the C++ side: a page template filled with a
 * title, a data JSON and a bundled script, and the JSON pieces both pages embed (the
 * coastlines, a colour map's colours).
 */
#pragma once

#include <bit>
#include <string>
#include <string_view>
#include <vector>

#include "plot/colormap.h"
#include "plot/page_geometry.h"

namespace stac2h3::plot {

/**
 * The template with its placeholders STAC2H3_TITLE (escaped as HTML text), STAC2H3_STYLE
 * (web/viewer.css, the style both pages share), STAC2H3_DATA_JSON
 * (`data_json`, which must be safe inside <script>) and STAC2H3_BUNDLE (`bundle`, with any
 * "</script" spelled so that it does not end the inline script) replaced. Markers are
 * looked for in the template only, never in inserted text.
 */
std::string fillPage(std::string_view page_template, const std::string& title,
                     const std::string& data_json, std::string_view bundle);

/** {"lonlat":"base64 float32","counts":"base64 uint32","lift":metres} of the embedded
 * Natural Earth coastlines (page_geometry.h), as web/data.js decodes them. */
std::string coastlinesJson();

/** The colour map's colours as "rrggbb" hex, one after another. */
std::string coloursHex(const Colormap& colormap);

/** `text` as a JSON string literal, safe inside <script> (no "</" sequence). */
std::string scriptJsonString(const std::string& text);

/** Base64 of `bytes`. */
std::string base64(std::string_view bytes);

/** Base64 of numbers as the pages read them (typed arrays over little-endian bytes). */
template <typename Number>
std::string base64Of(const std::vector<Number>& numbers) {
  static_assert(std::endian::native == std::endian::little, "the pages read little-endian");
  return base64(std::string_view(reinterpret_cast<const char*>(numbers.data()),
                                 numbers.size() * sizeof(Number)));
}

/** {"lonlat":"base64 float32","counts":"base64 uint8 or uint32","lift":metres} of `flat`,
 * as web/data.js decodes it.
 * @param count_bytes  1 (parts of at most 255 points, e.g. cells) or 4. */
std::string flatJson(const FlatLonLat& flat, int count_bytes);

}  // namespace stac2h3::plot
