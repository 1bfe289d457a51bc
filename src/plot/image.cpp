/** @file image.cpp
 * @brief Image on a Cairo RGB24 surface.
 */
#include "plot/image.h"

#include <cairo.h>

#include "util/error.h"

namespace stac2h3::plot {

void Image::SurfaceDeleter::operator()(cairo_surface_t* surface) const {
  cairo_surface_destroy(surface);
}

Image::Image(int width, int height)
    : surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)),
      width_(width),
      height_(height) {
  if (cairo_surface_status(surface_.get()) != CAIRO_STATUS_SUCCESS) {
    throw Error("cannot allocate a " + std::to_string(width) + "x" + std::to_string(height) +
                " image");
  }
  cairo_t* cr = cairo_create(surface_.get());
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_destroy(cr);
}

Image::~Image() = default;
Image::Image(Image&&) noexcept = default;
Image& Image::operator=(Image&&) noexcept = default;

const uint32_t* Image::row(int y) const {
  cairo_surface_flush(surface_.get());
  const unsigned char* data = cairo_image_surface_get_data(surface_.get());
  const int stride = cairo_image_surface_get_stride(surface_.get());
  return reinterpret_cast<const uint32_t*>(data + static_cast<ptrdiff_t>(y) * stride);
}

Rgb Image::pixel(int x, int y) const {
  const uint32_t word = row(y)[x];
  return {static_cast<uint8_t>(word >> 16), static_cast<uint8_t>(word >> 8),
          static_cast<uint8_t>(word)};
}

void Image::writePng(const std::filesystem::path& path) const {
  if (cairo_surface_write_to_png(surface_.get(), path.c_str()) != CAIRO_STATUS_SUCCESS) {
    throw Error(path.string() + ": cannot write PNG");
  }
}

}  // namespace stac2h3::plot
