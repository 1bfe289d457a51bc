/** @file swath_clip.cpp
 * @brief Sutherland-Hodgman clipping of a ring against the swath band (see swath_clip.h).
 */
#include "synth/swath_clip.h"

#include <cmath>

namespace stac2h3::synth {
namespace {

struct FieldPoint {
  UtmXY at;
  double value;
};

/** Keeps the part of the ring where sign * value <= limit. */
std::vector<FieldPoint> clipHalf(const std::vector<FieldPoint>& ring, double sign, double limit) {
  std::vector<FieldPoint> out;
  for (size_t i = 0, n = ring.size(); i < n; ++i) {
    const FieldPoint& a = ring[i];
    const FieldPoint& b = ring[(i + 1) % n];
    const double fa = sign * a.value - limit;
    const double fb = sign * b.value - limit;
    if (fa <= 0) out.push_back(a);
    if ((fa < 0 && fb > 0) || (fa > 0 && fb < 0)) {
      const double t = fa / (fa - fb);
      out.push_back({{a.at.x + t * (b.at.x - a.at.x), a.at.y + t * (b.at.y - a.at.y)},
                     a.value + t * (b.value - a.value)});
    }
  }
  return out;
}

}  // namespace

std::vector<UtmXY> clipToSwath(const std::vector<UtmXY>& ring,
                               const std::vector<double>& cross_track, double half_width,
                               double max_spacing_m) {
  std::vector<FieldPoint> points(ring.size());
  for (size_t i = 0; i < ring.size(); ++i) points[i] = {ring[i], cross_track[i]};
  points = clipHalf(clipHalf(points, 1.0, half_width), -1.0, half_width);
  std::vector<UtmXY> out;
  if (points.size() < 3) return out;
  for (size_t i = 0, n = points.size(); i < n; ++i) {
    const UtmXY& a = points[i].at;
    const UtmXY& b = points[(i + 1) % n].at;
    out.push_back(a);
    const int pieces =
        static_cast<int>(std::ceil(std::hypot(b.x - a.x, b.y - a.y) / max_spacing_m));
    for (int k = 1; k < pieces; ++k) {
      const double t = static_cast<double>(k) / pieces;
      out.push_back({a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
    }
  }
  return out;
}

double ringArea(const std::vector<UtmXY>& ring) {
  double twice = 0.0;
  for (size_t i = 0, n = ring.size(); i < n; ++i) {
    const UtmXY& a = ring[i];
    const UtmXY& b = ring[(i + 1) % n];
    twice += a.x * b.y - b.x * a.y;
  }
  return twice / 2;
}

}  // namespace stac2h3::synth
