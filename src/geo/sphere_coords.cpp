/** @file sphere_coords.cpp
 * @brief Conversions between lon/lat degrees, H3's lat/lng radians and unit vectors.
 */
#include "geo/sphere_coords.h"

#include <cmath>
#include <numbers>

namespace stac2h3::geo {
namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;

Vec3 fromRadians(double lat, double lng) {
  const double cos_lat = std::cos(lat);
  return {cos_lat * std::cos(lng), cos_lat * std::sin(lng), std::sin(lat)};
}

}  // namespace

Vec3 toVec3(const LonLat& point) {
  return fromRadians(point.lat * kDegToRad, point.lon * kDegToRad);
}

Vec3 toVec3(const h3::LatLng& point) {
  return fromRadians(point.lat, point.lng);
}

LonLat toLonLat(const h3::LatLng& point) {
  return {point.lng / kDegToRad, point.lat / kDegToRad};
}

h3::LatLng toLatLng(const Vec3& v) {
  return {std::atan2(v.z, std::hypot(v.x, v.y)), std::atan2(v.y, v.x)};
}

LonLat toLonLat(const Vec3& v) {
  return toLonLat(toLatLng(v));
}

}  // namespace stac2h3::geo
