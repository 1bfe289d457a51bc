/** @file served_page.cpp
 * @brief Fills the served page template with plot's shared page pieces.
 */
#include "serve/served_page.h"

#include "plot/colormap.h"
#include "plot/embedded_assets.h"
#include "plot/viewer_page.h"

namespace stac2h3::serve {

std::string servedPage(const CubeLevels& cube) {
  std::string colours = "{";
  for (const auto& variable : cube.variables()) {
    colours += (colours.size() > 1 ? "," : "") + plot::scriptJsonString(variable.name) + ":\"" +
               plot::coloursHex(plot::Colormap(plot::Colormap::defaultFor(variable.name))) + "\"";
  }
  const std::string data =
      "{\"coastlines\":" + plot::coastlinesJson() + ",\"colours\":" + colours + "}}";
  return plot::fillPage(plot::servePageTemplate(), cube.path().filename().string(), data,
                        plot::serveViewerBundle());
}

}  // namespace stac2h3::serve
