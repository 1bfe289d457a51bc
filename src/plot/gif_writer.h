/** @file gif_writer.h
 * @brief An animated GIF with one fixed palette for every frame, so the same RGB pixel is
 * the same palette entry in every frame (no per-frame quantisation shifting colours).
 */
#pragma once

#include <filesystem>
#include <memory>
#include <unordered_map>
#include <vector>

#include "plot/colormap.h"
#include "plot/image.h"

typedef struct GifFileType GifFileType;

namespace stac2h3::plot {

/** The colour levels a GIF's colour map may use: its palette holds them plus greys. */
inline constexpr int kGifColormapLevels = 200;

class GifWriter {
 public:
  /**
   * Creates the file and writes the header and the global palette: the colour map's
   * levels (render frames with a Colormap of kGifColormapLevels so cells match them
   * exactly), then greys for the background, lines, text and their anti-aliasing.
   * @param path     the .gif to write.
   * @param width, height  the frame size.
   * @param colormap  a map quantised to kGifColormapLevels.
   * @param delay_cs  display time of each frame in 1/100 s.
   * @throws Error naming `path` when it cannot be created.
   */
  GifWriter(const std::filesystem::path& path, int width, int height, const Colormap& colormap,
            int delay_cs);
  ~GifWriter();
  GifWriter(const GifWriter&) = delete;
  GifWriter& operator=(const GifWriter&) = delete;

  /**
   * Appends a frame. Only the rectangle that differs from the previous frame is stored,
   * with unchanged pixels inside it transparent; viewers composite it over the last frame.
   * @throws Error when the frame has another size or the write fails.
   */
  void addFrame(const Image& frame);
  /** Finishes the file. @throws Error when closing fails. */
  void close();

 private:
  uint8_t paletteIndex(uint32_t rgb);

  std::filesystem::path path_;
  GifFileType* gif_ = nullptr;
  int width_;
  int height_;
  int delay_cs_;
  std::vector<uint32_t> palette_;  ///< 0x00RRGGBB; the last entry is the transparent one
  std::unordered_map<uint32_t, uint8_t> nearest_;  ///< memo of RGB -> palette index
  std::vector<uint8_t> previous_;                  ///< indices of the last frame as shown
  std::vector<uint8_t> current_;
  bool first_ = true;
};

}  // namespace stac2h3::plot
