/** @file cell_to_lat_lng.cpp
 * @brief cellToLatLng and cellToVector: the cell's centre, projected back from its face.
 */
#include "h3/cell_face_ijk.h"
#include "h3/h3.h"
#include "h3/index_bits.h"

namespace stac2h3::h3 {

LatLng cellToLatLng(Cell cell) {
  const detail::FaceIJK f = detail::cellToFaceIjk(cell);
  return detail::toLatLng(detail::faceIjkToVec3(f, detail::resolutionOf(cell)));
}

Vec3d cellToVector(Cell cell) {
  const detail::FaceIJK f = detail::cellToFaceIjk(cell);
  return detail::hex2dToVec3Central(detail::toHex2d(f.coord), f.face, detail::resolutionOf(cell),
                                    false);
}

}  // namespace stac2h3::h3
