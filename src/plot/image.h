/** @file image.h
 * @brief An RGB raster the renderer draws into (a Cairo image surface underneath).
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>

#include "plot/colormap_tables.h"

typedef struct _cairo_surface cairo_surface_t;

namespace stac2h3::plot {

/** An opaque 24-bit image, owned; movable, not copyable. */
class Image {
 public:
  /** A new white image.
   * @throws Error when Cairo cannot allocate it. */
  Image(int width, int height);
  ~Image();
  Image(Image&&) noexcept;
  Image& operator=(Image&&) noexcept;

  int width() const { return width_; }
  int height() const { return height_; }
  /** The colour at pixel (x, y), 0-based from the top left; inside the image. */
  Rgb pixel(int x, int y) const;
  /** Row `y` as Cairo stores it: one native-endian 0x00RRGGBB word per pixel. */
  const uint32_t* row(int y) const;
  /** The Cairo surface, for drawing. */
  cairo_surface_t* surface() const { return surface_.get(); }

  /**
   * Writes the image as PNG.
   * @throws Error naming `path` when it cannot be written.
   */
  void writePng(const std::filesystem::path& path) const;

 private:
  struct SurfaceDeleter {
    void operator()(cairo_surface_t* surface) const;
  };
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface_;
  int width_ = 0;
  int height_ = 0;
};

}  // namespace stac2h3::plot
