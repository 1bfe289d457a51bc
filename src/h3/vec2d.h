/** @file vec2d.h
 * @brief Planar vectors in a face's hex2d system (x along the i-axis, unit = one cell).
 */
#pragma once

#include <cfloat>
#include <cmath>

namespace stac2h3::h3::detail {

struct Vec2d {
  double x = 0.0;
  double y = 0.0;
};

inline double magnitude(const Vec2d& v) {
  return std::sqrt(v.x * v.x + v.y * v.y);
}

/** Intersection of line p0-p1 with line p2-p3 (they must not be parallel). The arithmetic
 * follows the reference's order so that distortion vertices come out bit-exact. */
inline Vec2d intersectLines(const Vec2d& p0, const Vec2d& p1, const Vec2d& p2, const Vec2d& p3) {
  const Vec2d s1{p1.x - p0.x, p1.y - p0.y};
  const Vec2d s2{p3.x - p2.x, p3.y - p2.y};
  const double t = (s2.x * (p0.y - p2.y) - s2.y * (p0.x - p2.x)) / (-s2.x * s1.y + s1.x * s2.y);
  return {p0.x + (t * s1.x), p0.y + (t * s1.y)};
}

/** True when both components differ by less than FLT_EPSILON (the reference's test for an
 * edge crossing that falls on a vertex). */
inline bool almostEqual(const Vec2d& a, const Vec2d& b) {
  return std::fabs(a.x - b.x) < FLT_EPSILON && std::fabs(a.y - b.y) < FLT_EPSILON;
}

}  // namespace stac2h3::h3::detail
