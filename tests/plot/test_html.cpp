/** @file test_html.cpp
 * @brief The interactive page's file: self-contained (no external URL), with the data and
 * the bundle inlined; opened in Chromium by page_test.mjs.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "plot/plot.h"
#include "plot_test_data.h"

namespace stac2h3::plot {
namespace {

using test::testData;

TEST(HtmlPage, WritesPage) {
  PlotRequest request;
  request.cube = testData("page.zarr");
  request.variables = {"cloud_cover", "water"};
  request.every = parseFrameStep("7d");
  request.output = testData("page.html");
  EXPECT_EQ(plot(request).frames, 4u);

  std::ifstream in(request.output);
  std::stringstream text;
  text << in.rdbuf();
  const std::string html = text.str();
  EXPECT_NE(html.find("window.STAC2H3_DATA = {\"cells\":\"820007fffffffff,"), std::string::npos);
  EXPECT_EQ(html.find("STAC2H3_BUNDLE"), std::string::npos);
  // Only cells with data are shipped: resolution 2 has 5,882 cells, page.zarr leaves every
  // 7th one (840 of them) empty.
  const size_t cells_begin = html.find("{\"cells\":\"") + 10;
  const std::string cells = html.substr(cells_begin, html.find('"', cells_begin) - cells_begin);
  EXPECT_EQ(std::count(cells.begin(), cells.end(), ',') + 1, 5882 - 840);
  EXPECT_NE(html.find("\"polygons\":{\"lonlat\":\""), std::string::npos);
  // Works from file:// without network: no script, style or fetch from elsewhere.
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  // Exactly the template's two closing script tags: nothing inlined ends a script early.
  size_t closings = 0;
  for (size_t at = html.find("</script>"); at != std::string::npos;
       at = html.find("</script>", at + 1))
    ++closings;
  EXPECT_EQ(closings, 2u);
}

}  // namespace
}  // namespace stac2h3::plot
