/** @file gif_writer.cpp
 * @brief GifWriter on giflib: global palette, NETSCAPE loop, per-frame delta rectangles.
 */
#include "plot/gif_writer.h"

#include <fcntl.h>
#include <gif_lib.h>
#include <unistd.h>

#include <algorithm>
#include <climits>

#include "util/error.h"

namespace stac2h3::plot {

namespace {

constexpr int kPaletteSize = 256;
constexpr uint8_t kTransparent = kPaletteSize - 1;

int channelDistance(uint32_t a, uint32_t b) {
  int total = 0;
  for (int shift : {16, 8, 0}) {
    const int d = static_cast<int>((a >> shift) & 0xff) - static_cast<int>((b >> shift) & 0xff);
    total += d * d;
  }
  return total;
}

}  // namespace

GifWriter::GifWriter(const std::filesystem::path& path, int width, int height,
                     const Colormap& colormap, int delay_cs)
    : path_(path), width_(width), height_(height), delay_cs_(delay_cs) {
  for (int level = 0; level < colormap.levels(); ++level) {
    const Rgb c = colormap.colour(level);
    palette_.push_back(static_cast<uint32_t>(c.r) << 16 | static_cast<uint32_t>(c.g) << 8 | c.b);
  }
  // Greys evenly from black to white fill the rest, but for the transparent slot.
  const int greys = kPaletteSize - 1 - colormap.levels();
  for (int i = 0; i < greys; ++i) {
    const auto v = static_cast<uint32_t>(i * 255 / (greys - 1));
    palette_.push_back(v << 16 | v << 8 | v);
  }
  palette_.push_back(0);  // transparent
  int error = 0;
  // Opened here rather than by EGifOpenFileName, which creates files readable by the owner
  // only; this honours the umask as every other output does.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
  if (fd < 0) throw Error(path.string() + ": cannot create GIF");
  gif_ = EGifOpenFileHandle(fd, &error);
  if (!gif_) {
    ::close(fd);
    throw Error(path.string() + ": cannot create GIF (" + GifErrorString(error) + ")");
  }
  ColorMapObject* map = GifMakeMapObject(kPaletteSize, nullptr);
  for (int i = 0; i < kPaletteSize; ++i) {
    map->Colors[i] = {static_cast<GifByteType>(palette_[static_cast<size_t>(i)] >> 16),
                      static_cast<GifByteType>(palette_[static_cast<size_t>(i)] >> 8),
                      static_cast<GifByteType>(palette_[static_cast<size_t>(i)])};
  }
  EGifSetGifVersion(gif_, true);
  const int status = EGifPutScreenDesc(gif_, width, height, 8, 0, map);
  GifFreeMapObject(map);
  // Loop forever: the NETSCAPE2.0 application extension with a loop count of 0.
  const GifByteType loop[3] = {1, 0, 0};
  if (status == GIF_ERROR || EGifPutExtensionLeader(gif_, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
      EGifPutExtensionBlock(gif_, 11, "NETSCAPE2.0") == GIF_ERROR ||
      EGifPutExtensionBlock(gif_, 3, loop) == GIF_ERROR ||
      EGifPutExtensionTrailer(gif_) == GIF_ERROR) {
    EGifCloseFile(gif_, &error);
    gif_ = nullptr;
    throw Error(path.string() + ": cannot write GIF header");
  }
  previous_.assign(static_cast<size_t>(width) * height, kTransparent);
  current_.resize(previous_.size());
}

GifWriter::~GifWriter() {
  if (gif_) {
    int error = 0;
    EGifCloseFile(gif_, &error);
  }
}

uint8_t GifWriter::paletteIndex(uint32_t rgb) {
  const auto found = nearest_.find(rgb);
  if (found != nearest_.end()) return found->second;
  int best = 0;
  int best_distance = INT_MAX;
  for (int i = 0; i < kTransparent; ++i) {
    const int distance = channelDistance(rgb, palette_[static_cast<size_t>(i)]);
    if (distance < best_distance) {
      best = i;
      best_distance = distance;
    }
  }
  nearest_.emplace(rgb, static_cast<uint8_t>(best));
  return static_cast<uint8_t>(best);
}

void GifWriter::addFrame(const Image& frame) {
  if (!gif_) throw Error(path_.string() + ": GIF already closed");
  if (frame.width() != width_ || frame.height() != height_) {
    throw Error(path_.string() + ": frame size differs from the GIF's");
  }
  int left = width_;
  int right = -1;
  int top = height_;
  int bottom = -1;
  for (int y = 0; y < height_; ++y) {
    const uint32_t* row = frame.row(y);
    uint8_t* out = current_.data() + static_cast<size_t>(y) * width_;
    const uint8_t* before = previous_.data() + static_cast<size_t>(y) * width_;
    for (int x = 0; x < width_; ++x) {
      out[x] = paletteIndex(row[x] & 0xffffff);
      if (out[x] != before[x]) {
        left = std::min(left, x);
        right = std::max(right, x);
        top = std::min(top, y);
        bottom = std::max(bottom, y);
      }
    }
  }
  if (right < 0) {  // identical to the previous frame: still show it for its time
    left = right = top = bottom = 0;
  }
  const int rect_width = right - left + 1;
  GraphicsControlBlock control{};
  control.DisposalMode = DISPOSE_DO_NOT;
  control.DelayTime = delay_cs_;
  control.TransparentColor = first_ ? NO_TRANSPARENT_COLOR : kTransparent;
  GifByteType extension[4];
  const size_t extension_length = EGifGCBToExtension(&control, extension);
  bool ok =
      EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(extension_length),
                       extension) != GIF_ERROR &&
      EGifPutImageDesc(gif_, left, top, rect_width, bottom - top + 1, false, nullptr) != GIF_ERROR;
  std::vector<GifByteType> line(static_cast<size_t>(rect_width));
  for (int y = top; ok && y <= bottom; ++y) {
    const size_t offset = static_cast<size_t>(y) * width_;
    for (int x = left; x <= right; ++x) {
      const uint8_t index = current_[offset + x];
      // Unchanged pixels are transparent: long runs of one index compress best in LZW.
      line[static_cast<size_t>(x - left)] =
          !first_ && index == previous_[offset + x] ? kTransparent : index;
    }
    ok = EGifPutLine(gif_, line.data(), rect_width) != GIF_ERROR;
  }
  if (!ok)
    throw Error(path_.string() + ": cannot write GIF frame (" + GifErrorString(gif_->Error) + ")");
  std::swap(previous_, current_);
  first_ = false;
}

void GifWriter::close() {
  if (!gif_) return;
  int error = 0;
  const int status = EGifCloseFile(gif_, &error);
  gif_ = nullptr;
  if (status == GIF_ERROR)
    throw Error(path_.string() + ": cannot finish GIF (" + GifErrorString(error) + ")");
}

}  // namespace stac2h3::plot
