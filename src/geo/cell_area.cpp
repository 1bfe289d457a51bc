/** @file cell_area.cpp
 * @brief The exact area of an H3 cell with geodesic edges.
 */
#include "geo/cell_area.h"

#include <array>
#include <span>

#include "geo/cell_shape.h"
#include "geo/spherical_area.h"

namespace stac2h3::geo {

double exactCellAreaKm2(h3::Cell cell) {
  std::array<Vec3, ConvexPolygon::kMaxVertices> vertices;
  const int count = cellVertices(cell, vertices);
  // The cover's vertices and its steradians-to-km² conversion: whole cells match bit for bit.
  return ringSignedArea(std::span<const Vec3>(vertices.data(), count)) *
         (h3::kEarthRadiusKm * h3::kEarthRadiusKm);
}

}  // namespace stac2h3::geo
