/** @file embedded_assets.cpp
 * @brief Embeds the assets with util/embed.h (CMake passes their paths and makes this file
 * depend on them), which keeps megabytes of JavaScript out of the C++ compiler.
 */
#include "plot/embedded_assets.h"

#include "util/embed.h"

STAC2H3_EMBED(stac2h3_land_topojson, STAC2H3_LAND_TOPOJSON_PATH)
STAC2H3_EMBED(stac2h3_viewer_bundle, STAC2H3_VIEWER_BUNDLE_PATH)
STAC2H3_EMBED(stac2h3_page_template, STAC2H3_PAGE_TEMPLATE_PATH)
STAC2H3_EMBED(stac2h3_serve_bundle, STAC2H3_SERVE_BUNDLE_PATH)
STAC2H3_EMBED(stac2h3_serve_template, STAC2H3_SERVE_TEMPLATE_PATH)
STAC2H3_EMBED(stac2h3_viewer_style, STAC2H3_VIEWER_STYLE_PATH)

namespace stac2h3::plot {

std::string_view landTopoJson() {
  return {stac2h3_land_topojson_begin,
          static_cast<size_t>(stac2h3_land_topojson_end - stac2h3_land_topojson_begin)};
}

std::string_view viewerBundle() {
  return {stac2h3_viewer_bundle_begin,
          static_cast<size_t>(stac2h3_viewer_bundle_end - stac2h3_viewer_bundle_begin)};
}

std::string_view pageTemplate() {
  return {stac2h3_page_template_begin,
          static_cast<size_t>(stac2h3_page_template_end - stac2h3_page_template_begin)};
}

std::string_view serveViewerBundle() {
  return {stac2h3_serve_bundle_begin,
          static_cast<size_t>(stac2h3_serve_bundle_end - stac2h3_serve_bundle_begin)};
}

std::string_view servePageTemplate() {
  return {stac2h3_serve_template_begin,
          static_cast<size_t>(stac2h3_serve_template_end - stac2h3_serve_template_begin)};
}

std::string_view viewerStyle() {
  return {stac2h3_viewer_style_begin,
          static_cast<size_t>(stac2h3_viewer_style_end - stac2h3_viewer_style_begin)};
}

}  // namespace stac2h3::plot
