/** @file sphere_coords.h
 * @brief Conversions between lon/lat degrees, H3's lat/lng radians and unit vectors.
 */
#pragma once

#include "geo/geometry.h"
#include "geo/vec3.h"
#include "h3/h3.h"

namespace stac2h3::geo {

/** The unit vector of a lon/lat position in degrees (any longitude, wrapped by cos/sin). */
Vec3 toVec3(const LonLat& point);
/** The unit vector of an H3 position in radians. */
Vec3 toVec3(const h3::LatLng& point);
/** H3's vector (h3::cellToVector, h3::cellToBoundaryVectors) as ours: the same axes. */
inline Vec3 toVec3(const h3::Vec3d& v) {
  return {v.x, v.y, v.z};
}
/** The lon/lat degrees of an H3 position in radians (e.g. a cell boundary's vertex). */
LonLat toLonLat(const h3::LatLng& point);
/** The H3 position (radians) of a non-zero vector. */
h3::LatLng toLatLng(const Vec3& v);
/**
 * The lon/lat degrees of a vector.
 * @param v  any non-zero vector (it need not be unit length).
 * @return lon in [-180, 180], lat in [-90, 90].
 */
LonLat toLonLat(const Vec3& v);

}  // namespace stac2h3::geo
