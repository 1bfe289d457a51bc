/** @file test_png.cpp
 * @brief The PNG globe: a known cell's centre pixel has its value's colour, back-facing
 * cells are not drawn, cell edges are anti-aliased, errors are one clear line.
 */
#include <cairo.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "h3/h3.h"
#include "plot/globe_renderer.h"
#include "plot/plot.h"
#include "plot_test_data.h"
#include "util/error.h"

namespace stac2h3::plot {
namespace {

using test::testData;

constexpr double kDegree = M_PI / 180.0;

/** The pixel of a PNG file, read back with Cairo. */
Rgb pngPixel(const std::filesystem::path& path, int x, int y) {
  cairo_surface_t* surface = cairo_image_surface_create_from_png(path.c_str());
  EXPECT_EQ(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const auto word = *reinterpret_cast<const uint32_t*>(
      data + y * cairo_image_surface_get_stride(surface) + x * 4);
  cairo_surface_destroy(surface);
  return {static_cast<uint8_t>(word >> 16), static_cast<uint8_t>(word >> 8),
          static_cast<uint8_t>(word)};
}

/** A resolution-1 cell in the open South Pacific, away from coasts and graticule lines. */
h3::Cell pacificCell() {
  h3::Cell cell = 0;
  EXPECT_EQ(h3::latLngToCell({-40.0 * kDegree, -135.0 * kDegree}, 1, cell), h3::Error::kSuccess);
  return cell;
}

TEST(Png, KnownCellHasItsValuesColour) {
  const auto output = testData("lat.png");
  PlotRequest request;
  request.cube = testData("lat.zarr");
  request.variables = {"snow_ice"};
  request.centre = geo::LonLat{-135.0, -30.0};
  request.range = ColourScale{0.0, 100.0};
  request.size = 512;
  request.output = output;
  plot(request);

  const h3::Cell cell = pacificCell();
  const h3::LatLng centre = h3::cellToLatLng(cell);
  const GlobeRenderer layout({}, request.size);
  const auto pixel = layout.pixelOf({centre.lng / kDegree, centre.lat / kDegree}, *request.centre);
  ASSERT_TRUE(pixel);
  // The lat pattern's value is |lat| / 90 * 100 (make_cube.py, from h3-js's centre).
  const double value = std::abs(centre.lat / kDegree) / 90.0 * 100.0;
  const Rgb want = Colormap("viridis").at(request.range->normalise(value));
  EXPECT_EQ(pngPixel(output, static_cast<int>(pixel->x), static_cast<int>(pixel->y)), want);

  // A cell on the far side of the globe leaves the background: the antipode's pixel
  // position does not exist, and the globe's left and right limbs are ocean or cells only.
  EXPECT_FALSE(layout.pixelOf({45.0, 30.0}, *request.centre));
}

TEST(Png, BlankFarSideAndBackground) {
  const GlobeRenderer renderer({pacificCell()}, 256);
  const Colormap viridis("viridis");
  // Seen from the opposite side, the only cell is back-facing: the disc has no viridis pixel.
  const Image image =
      renderer.render({50.0f}, {0.0, 100.0}, viridis, {45.0, 40.0}, {"t", "d", "%"});
  const Rgb cell_colour = viridis.at(0.5);
  const PixelRect legend = renderer.legendRect();
  for (int y = 0; y < legend.y; ++y) {
    for (int x = 0; x < image.width(); ++x)
      ASSERT_NE(image.pixel(x, y), cell_colour) << x << "," << y;
  }
  // Seen from its own side it is there.
  const Image front =
      renderer.render({50.0f}, {0.0, 100.0}, viridis, {-135.0, -40.0}, {"t", "d", "%"});
  const auto centre = renderer.pixelOf({-135.0, -40.0}, {-135.0, -40.0});
  EXPECT_EQ(front.pixel(static_cast<int>(centre->x), static_cast<int>(centre->y)), cell_colour);
}

TEST(Png, CellEdgesAreAntiAliased) {
  // One cell alone on the ocean: along its outline, pixels take every blend between the
  // two colours. (Crisp fills, or a crisp fill under a smooth one, give no blends or only
  // the outer half of them, the "jagged" edge.)
  const h3::Cell cell = pacificCell();
  const GlobeRenderer renderer({cell}, 1024);
  const Colormap viridis("viridis");
  const geo::LonLat centre{-135.0, -40.0};
  const Image image = renderer.render({0.0f}, {0.0, 100.0}, viridis, centre, {"t", "d", "%"});
  const Rgb cell_colour = viridis.at(0.0);
  const Rgb ocean = image.pixel(static_cast<int>(renderer.pixelOf({-135.0, -45.0}, centre)->x),
                                static_cast<int>(renderer.pixelOf({-135.0, -47.0}, centre)->y));
  ASSERT_GT(ocean.g, cell_colour.g + 100);
  double left = 1e9, right = -1e9, top = 1e9, bottom = -1e9;
  const h3::CellBoundary boundary = h3::cellToBoundary(cell);
  for (int i = 0; i < boundary.count; ++i) {
    const auto& vertex = boundary.verts[static_cast<size_t>(i)];
    const auto at = renderer.pixelOf({vertex.lng / kDegree, vertex.lat / kDegree}, centre);
    ASSERT_TRUE(at);
    left = std::min(left, at->x);
    right = std::max(right, at->x);
    top = std::min(top, at->y);
    bottom = std::max(bottom, at->y);
  }
  int edge = 0;
  int inner_half = 0;
  for (int y = static_cast<int>(top) - 2; y <= static_cast<int>(bottom) + 2; ++y) {
    for (int x = static_cast<int>(left) - 2; x <= static_cast<int>(right) + 2; ++x) {
      const double blend = (ocean.g - image.pixel(x, y).g) / double(ocean.g - cell_colour.g);
      if (blend <= 0.05 || blend >= 0.95) continue;
      ++edge;
      if (blend > 0.6) ++inner_half;
    }
  }
  EXPECT_GT(edge, 100) << "a 1024 px globe draws the cell about 100 px wide";
  EXPECT_GT(inner_half, edge / 6) << inner_half << " of " << edge << " edge pixels";
}

TEST(Png, AllNaNWindowIsAClearError) {
  PlotRequest request;
  request.cube = testData("nan.zarr");
  request.variables = {"cloud_cover"};
  request.output = testData("nan.png");
  std::filesystem::remove(request.output);
  try {
    plot(request);
    FAIL() << "no error";
  } catch (const InputError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("no cloud_cover value between 2024-01-01 and 2024-01-07"),
              std::string::npos)
        << message;
    EXPECT_EQ(message.find('\n'), std::string::npos);
  }
  EXPECT_FALSE(std::filesystem::exists(request.output));
}

TEST(Png, RejectsBadRequests) {
  PlotRequest request;
  request.cube = testData("lat.zarr");
  request.variables = {"water"};
  request.output = testData("x.jpg");
  EXPECT_THROW(plot(request), InputError);  // extension
  request.output = testData("x.png");
  request.every = FrameStep{7, 0};
  EXPECT_THROW(plot(request), InputError);  // two frames into one PNG
  request.every.reset();
  request.variables = {"clouds"};
  EXPECT_THROW(plot(request), InputError);
  request.variables = {"water"};
  request.start = 19730;
  request.end = 19725;
  EXPECT_THROW(plot(request), InputError);
}

}  // namespace
}  // namespace stac2h3::plot
