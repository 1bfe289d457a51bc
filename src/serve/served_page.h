/** @file served_page.h
 * @brief The viewer page `GET /` sends: web/serve.html with the served viewer's bundle and
 * what the page needs before its first request (coastlines, each variable's colour map).
 */
#pragma once

#include <string>

#include "serve/cube_levels.h"

namespace stac2h3::serve {

/** The page's HTML (its data is fetched from the API at run time). */
std::string servedPage(const CubeLevels& cube);

}  // namespace stac2h3::serve
