/** @file test_gif.cpp
 * @brief The animated GIF, decoded with giflib: one frame per window, the colour bar
 * byte-identical in every composited frame, frames that differ where the data does.
 */
#include <gif_lib.h>
#include <gtest/gtest.h>

#include <set>

#include "plot/globe_renderer.h"
#include "plot/plot.h"
#include "plot_test_data.h"

namespace stac2h3::plot {
namespace {

using test::testData;

/** The frames as shown: each sub-image composited over the previous (transparency kept). */
std::vector<std::vector<uint8_t>> compositedFrames(const std::filesystem::path& path, int& width) {
  int error = 0;
  GifFileType* gif = DGifOpenFileName(path.c_str(), &error);
  EXPECT_NE(gif, nullptr);
  EXPECT_EQ(DGifSlurp(gif), GIF_OK);
  width = gif->SWidth;
  std::vector<uint8_t> canvas(static_cast<size_t>(gif->SWidth) * gif->SHeight, 0);
  std::vector<std::vector<uint8_t>> frames;
  for (int i = 0; i < gif->ImageCount; ++i) {
    const SavedImage& image = gif->SavedImages[i];
    GraphicsControlBlock control{};
    DGifSavedExtensionToGCB(gif, i, &control);
    const auto& desc = image.ImageDesc;
    for (int y = 0; y < desc.Height; ++y) {
      for (int x = 0; x < desc.Width; ++x) {
        const uint8_t index = image.RasterBits[y * desc.Width + x];
        if (index == control.TransparentColor) continue;
        canvas[static_cast<size_t>(desc.Top + y) * gif->SWidth + desc.Left + x] = index;
      }
    }
    frames.push_back(canvas);
  }
  DGifCloseFile(gif, &error);
  return frames;
}

std::vector<uint8_t> crop(const std::vector<uint8_t>& frame, int width, const PixelRect& rect) {
  std::vector<uint8_t> out;
  for (int y = rect.y; y < rect.y + rect.height; ++y) {
    out.insert(out.end(), frame.begin() + y * width + rect.x,
               frame.begin() + y * width + rect.x + rect.width);
  }
  return out;
}

TEST(Gif, OneFramePerWeekWithAFixedColourBar) {
  PlotRequest request;
  request.cube = testData("weekly.zarr");
  request.variables = {"cloud_cover"};
  request.every = parseFrameStep("7d");
  request.size = 320;
  request.output = testData("weekly.gif");
  const PlotResult result = plot(request);
  EXPECT_EQ(result.frames, 4u);

  int width = 0;
  const auto frames = compositedFrames(request.output, width);
  ASSERT_EQ(frames.size(), 4u);
  const GlobeRenderer layout({}, request.size);
  const auto bar = crop(frames[0], width, layout.legendRect());
  for (size_t i = 1; i < frames.size(); ++i) {
    EXPECT_EQ(crop(frames[i], width, layout.legendRect()), bar) << "frame " << i;
    EXPECT_NE(frames[i], frames[i - 1]) << "frame " << i << " repeats the previous one";
  }
  // The bar shows every colour of the map: more than a few distinct indices.
  const auto gradient = crop(frames[0], width, layout.colourBarRect());
  EXPECT_GT(std::set<uint8_t>(gradient.begin(), gradient.end()).size(), 100u);
}

TEST(Gif, SpinTurnsTheGlobe) {
  PlotRequest request;
  request.cube = testData("lat.zarr");
  request.variables = {"water"};
  request.spin = true;
  request.size = 128;
  request.output = testData("spin.gif");
  EXPECT_EQ(plot(request).frames, 36u);
  int width = 0;
  const auto frames = compositedFrames(request.output, width);
  ASSERT_EQ(frames.size(), 36u);
  EXPECT_NE(frames[0], frames[9]);
}

}  // namespace
}  // namespace stac2h3::plot
