/** @file cell_to_lat_lng.cpp
 * @brief cellToLatLng: the cell's centre, projected back from its face.
 */
#include "h3/cell_face_ijk.h"
#include "h3/h3.h"
#include "h3/index_bits.h"

namespace stac2h3::h3 {

LatLng cellToLatLng(Cell cell) {
  const detail::FaceIJK f = detail::cellToFaceIjk(cell);
  return detail::toLatLng(detail::faceIjkToVec3(f, detail::resolutionOf(cell)));
}

}  // namespace stac2h3::h3
