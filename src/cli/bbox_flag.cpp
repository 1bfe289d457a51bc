/** @file bbox_flag.cpp
 * @brief Parsing `--bbox` (see bbox_flag.h).
 */
#include "cli/bbox_flag.h"

#include <charconv>

#include "util/error.h"

namespace stac2h3::cli {
namespace {

geo::Polygon rectangle(double west, double south, double east, double north) {
  return geo::Polygon{{{west, south}, {east, south}, {east, north}, {west, north}}, {}};
}

}  // namespace

std::array<double, 4> parseBbox(const std::string& text) {
  std::array<double, 4> box{};
  const char* position = text.data();
  const char* end = text.data() + text.size();
  for (size_t i = 0; i < box.size(); ++i) {
    const auto [next, error] = std::from_chars(position, end, box[i]);
    const bool separator_ok = i + 1 < box.size() ? next < end && *next == ',' : next == end;
    if (error != std::errc{} || !separator_ok) {
      throw InputError("bad --bbox '" + text + "': expected W,S,E,N in degrees");
    }
    position = next + 1;
  }
  const bool in_range = box[0] >= -180 && box[0] <= 180 && box[2] >= -180 && box[2] <= 180 &&
                        box[1] >= -90 && box[3] <= 90 && box[1] <= box[3];
  if (!in_range) {
    throw InputError("bad --bbox '" + text + "': W,E in [-180,180], S<=N in [-90,90]");
  }
  return box;
}

geo::MultiPolygon bboxArea(const std::array<double, 4>& box) {
  const auto [west, south, east, north] = box;
  if (west <= east) return geo::MultiPolygon{{rectangle(west, south, east, north)}};
  return geo::MultiPolygon{
      {rectangle(west, south, 180.0, north), rectangle(-180.0, south, east, north)}};
}

}  // namespace stac2h3::cli
