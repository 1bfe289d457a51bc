/** @file vec3.h
 * @brief Three-component vectors: points on the unit sphere and great-circle plane normals.
 */
#pragma once

#include <cmath>

namespace stac2h3::geo {

struct Vec3 {
  double x = 0.0;
  double y = 0.0;
  double z = 0.0;
  friend bool operator==(const Vec3&, const Vec3&) = default;
};

inline Vec3 operator+(const Vec3& a, const Vec3& b) {
  return {a.x + b.x, a.y + b.y, a.z + b.z};
}
inline Vec3 operator-(const Vec3& a, const Vec3& b) {
  return {a.x - b.x, a.y - b.y, a.z - b.z};
}
inline Vec3 operator-(const Vec3& a) {
  return {-a.x, -a.y, -a.z};
}
inline Vec3 operator*(double s, const Vec3& a) {
  return {s * a.x, s * a.y, s * a.z};
}
inline double dot(const Vec3& a, const Vec3& b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}
inline Vec3 cross(const Vec3& a, const Vec3& b) {
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline double norm(const Vec3& a) {
  return std::sqrt(dot(a, a));
}
/** a scaled to unit length; a must not be zero. */
inline Vec3 normalized(const Vec3& a) {
  return (1.0 / norm(a)) * a;
}
/** A normal of the great circle through a and b (a × b, not normalized), with an error
 * proportional to its length: a × (b - a) keeps full relative precision for close points,
 * where a × b would carry an absolute error of ~1e-16 and tilt the plane of a short edge by
 * 1e-16 / |b - a|. */
inline Vec3 greatCircleNormal(const Vec3& a, const Vec3& b) {
  return cross(a, b - a);
}
/** The triple product a · (b × c): positive when a, b, c turn counter-clockwise seen from
 * outside the sphere. */
inline double det(const Vec3& a, const Vec3& b, const Vec3& c) {
  return dot(a, cross(b, c));
}
/** The angle between two unit vectors, accurate for tiny and for near-antipodal angles (atan2
 * of |a×b| and a·b, unlike acos). */
inline double angleBetween(const Vec3& a, const Vec3& b) {
  return std::atan2(norm(cross(a, b)), dot(a, b));
}

}  // namespace stac2h3::geo
