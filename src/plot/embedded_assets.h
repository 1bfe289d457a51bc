/** @file embedded_assets.h
 * @brief Files built into the binary, so that plotting needs no data files at run time:
 * Natural Earth land (world-atlas land-110m TopoJSON), the web viewers' bundles and their
 * page templates (the plot's self-contained page, and the page `stac2h3 serve` sends).
 */
#pragma once

#include <string_view>

namespace stac2h3::plot {

/** world-atlas's land-110m.json (TopoJSON, Natural Earth 1:110m land). */
std::string_view landTopoJson();
/** The esbuild bundle of web/ (an IIFE script that renders window.STAC2H3_DATA). */
std::string_view viewerBundle();
/** web/page.html, the template of the interactive page. */
std::string_view pageTemplate();
/** The esbuild bundle of web/serve.js (the served viewer, which fetches its data). */
std::string_view serveViewerBundle();
/** web/serve.html, the template of the served viewer's page. */
std::string_view servePageTemplate();
/** web/viewer.css, the style both pages share. */
std::string_view viewerStyle();

}  // namespace stac2h3::plot
