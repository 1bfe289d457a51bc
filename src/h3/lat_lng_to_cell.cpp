/** @file lat_lng_to_cell.cpp
 * @brief latLngToCell: project the point onto its icosahedron face and quantise.
 */
#include <cmath>

#include "h3/cell_face_ijk.h"
#include "h3/h3.h"

namespace stac2h3::h3 {

Error latLngToCell(const LatLng& point, int res, Cell& out) {
  if (res < 0 || res > kMaxResolution) return Error::kResDomain;
  if (!std::isfinite(point.lat) || !std::isfinite(point.lng)) return Error::kLatLngDomain;
  const auto cell = detail::faceIjkToCell(detail::vec3ToFaceIjk(detail::toVec3(point), res), res);
  if (!cell) return Error::kFailed;
  out = *cell;
  return Error::kSuccess;
}

}  // namespace stac2h3::h3
