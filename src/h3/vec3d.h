/** @file vec3d.h
 * @brief Points on the unit sphere as 3D vectors, and conversions to and from lat/lng.
 *
 * The operations keep the reference's evaluation order (a*v1 + b*v2 component-wise,
 * normalisation by multiplying with 1/norm) and its JavaScript build's sin, cos, asin and
 * atan2 (fdlibm.h): projections built on them are bit-exact.
 */
#pragma once

#include <cmath>

#include "h3/fdlibm.h"
#include "h3/h3.h"

namespace stac2h3::h3::detail {

// Vec3d (h3.h) is public: cellToBoundaryVectors returns it.

inline Vec3d toVec3(const LatLng& p) {
  const double r = fdlibm::cos(p.lat);
  return {fdlibm::cos(p.lng) * r, fdlibm::sin(p.lng) * r, fdlibm::sin(p.lat)};
}

inline LatLng toLatLng(const Vec3d& v) {
  return {fdlibm::asin(v.z), fdlibm::atan2(v.y, v.x)};
}

/** a * v1 + b * v2. */
inline Vec3d linearCombination(double a, const Vec3d& v1, double b, const Vec3d& v2) {
  return {a * v1.x + b * v2.x, a * v1.y + b * v2.y, a * v1.z + b * v2.z};
}

inline double dot(const Vec3d& a, const Vec3d& b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

inline Vec3d cross(const Vec3d& a, const Vec3d& b) {
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}

/** `v` scaled to unit length; the zero vector (or one whose square underflows) gives zero. */
inline Vec3d normalized(const Vec3d& v) {
  const double norm = std::sqrt(dot(v, v));
  const double scale = norm > 0.0 ? 1.0 / norm : 0.0;
  return {v.x * scale, v.y * scale, v.z * scale};
}

/** Squared chord length between two points. */
inline double squaredDistance(const Vec3d& a, const Vec3d& b) {
  const Vec3d d = linearCombination(1.0, a, -1.0, b);
  return dot(d, d);
}

}  // namespace stac2h3::h3::detail
