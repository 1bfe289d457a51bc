/** @file cell_area.cpp
 * @brief The exact area of an H3 cell with geodesic edges.
 */
#include "geo/cell_area.h"

#include <array>
#include <span>
#include <tuple>

#include "geo/sphere_coords.h"
#include "geo/spherical_area.h"

namespace stac2h3::geo {

double exactCellAreaKm2(h3::Cell cell) {
  const h3::CellBoundary boundary = h3::cellToBoundary(cell);
  std::array<Vec3, std::tuple_size_v<decltype(h3::CellBoundary::verts)>> vertices;
  for (int i = 0; i < boundary.count; ++i) vertices[i] = toVec3(boundary.verts[i]);
  // Same expression as the cover's steradians-to-km² conversion, so whole cells match bit
  // for bit.
  return ringSignedArea(std::span<const Vec3>(vertices.data(), boundary.count)) *
         (h3::kEarthRadiusKm * h3::kEarthRadiusKm);
}

}  // namespace stac2h3::geo
