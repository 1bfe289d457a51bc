/** @file cell_shape.cpp
 * @brief An H3 cell as spherical geometry: its centre, a cap that holds it, and convex
 * pieces to clip against.
 */
#include "geo/cell_shape.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

#include "geo/sphere_coords.h"
#include "geo/spherical_area.h"

namespace stac2h3::geo {

void makeCellShape(h3::Cell cell, CellShape& shape) {
  shape.cell = cell;
  shape.center = toVec3(h3::cellToLatLng(cell));
  const h3::CellBoundary boundary = h3::cellToBoundary(cell);
  shape.vertex_count = boundary.count;
  double max_chord = 0.0;
  for (int i = 0; i < boundary.count; ++i) {
    shape.vertices[i] = toVec3(boundary.verts[i]);
    max_chord = std::max(max_chord, norm(shape.vertices[i] - shape.center));
  }
  // The radius from the longest chord (exact for tiny cells, unlike an arc cosine), with a
  // relative and an absolute margin for the rounding of the vertices.
  const double radius = 2.0 * std::asin(std::min(1.0, 0.5 * max_chord)) * (1.0 + 1e-9) + 1e-12;
  shape.radius = radius;
  shape.cos_radius = std::cos(radius);
  shape.sin_radius = std::sin(radius);

  const std::span<const Vec3> ring(shape.vertices.data(), boundary.count);
  shape.pieces.clear();
  if (isConvex(ring)) {
    shape.pieces.emplace_back(ring);
    return;
  }
  for (int i = 0; i < boundary.count; ++i) {
    const std::array<Vec3, 3> triangle = {shape.center, shape.vertices[i],
                                          shape.vertices[(i + 1) % boundary.count]};
    shape.pieces.emplace_back(triangle);
  }
}

double areaSteradians(const CellShape& shape) {
  return ringSignedArea(std::span<const Vec3>(shape.vertices.data(), shape.vertex_count));
}

}  // namespace stac2h3::geo
