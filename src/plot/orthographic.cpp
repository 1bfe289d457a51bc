/** @file orthographic.cpp
 * @brief Orthographic view basis and limb crossing.
 */
#include "plot/orthographic.h"

#include <cmath>
#include <numbers>

namespace stac2h3::plot {

namespace {
constexpr double kDegree = std::numbers::pi / 180.0;
}

UnitVector toUnitVector(const geo::LonLat& point) {
  const double lon = point.lon * kDegree;
  const double lat = point.lat * kDegree;
  return {static_cast<float>(std::cos(lat) * std::cos(lon)),
          static_cast<float>(std::cos(lat) * std::sin(lon)), static_cast<float>(std::sin(lat))};
}

geo::LonLat toLonLat(double x, double y, double z) {
  return {std::atan2(y, x) / kDegree, std::atan2(z, std::hypot(x, y)) / kDegree};
}

OrthographicView::OrthographicView(const geo::LonLat& centre, double cx, double cy, double radius)
    : cx_(cx), cy_(cy), radius_(radius) {
  const double lon = centre.lon * kDegree;
  const double lat = centre.lat * kDegree;
  east_[0] = -std::sin(lon);
  east_[1] = std::cos(lon);
  east_[2] = 0.0;
  north_[0] = -std::sin(lat) * std::cos(lon);
  north_[1] = -std::sin(lat) * std::sin(lon);
  north_[2] = std::cos(lat);
  out_[0] = std::cos(lat) * std::cos(lon);
  out_[1] = std::cos(lat) * std::sin(lon);
  out_[2] = std::sin(lat);
}

ViewPoint OrthographicView::limbCrossing(const ViewPoint& a, const ViewPoint& b) const {
  // The chord from a to b crosses depth 0 at t; pushing that point out radially onto the
  // circle gives where the great-circle arc crosses the limb.
  const double t = a.depth / (a.depth - b.depth);
  const double u = (a.x - cx_) + t * (b.x - a.x);
  const double v = (a.y - cy_) + t * (b.y - a.y);
  const double length = std::hypot(u, v);
  if (length == 0.0) return {cx_ + radius_, cy_, 0.0};
  return {cx_ + u * radius_ / length, cy_ + v * radius_ / length, 0.0};
}

}  // namespace stac2h3::plot
