/** @file cell_shape.cpp
 * @brief An H3 cell as spherical geometry: its centre, a cap that holds it, and convex
 * pieces to clip against.
 */
#include "geo/cell_shape.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <tuple>

#include "geo/sphere_coords.h"
#include "geo/spherical_area.h"

namespace stac2h3::geo {

int cellVertices(h3::Cell cell, std::array<Vec3, ConvexPolygon::kMaxVertices>& out) {
  // Vectors straight from H3's projection: the lat/lng of cellToBoundary and back cost
  // four arc and circular functions a vertex, most of the time of a cell's shape.
  const h3::CellBoundaryVectors boundary = h3::cellToBoundaryVectors(cell);
  static_assert(std::tuple_size_v<decltype(boundary.verts)> <= ConvexPolygon::kMaxVertices);
  for (int i = 0; i < boundary.count; ++i) out[i] = toVec3(boundary.verts[i]);
  return boundary.count;
}

void makeCellShape(h3::Cell cell, CellShape& shape) {
  shape.cell = cell;
  shape.center = toVec3(h3::cellToVector(cell));
  shape.vertex_count = cellVertices(cell, shape.vertices);
  double max_chord = 0.0;
  for (int i = 0; i < shape.vertex_count; ++i) {
    max_chord = std::max(max_chord, norm(shape.vertices[i] - shape.center));
  }
  // The radius from the longest chord (exact for tiny cells, unlike an arc cosine), with a
  // relative and an absolute margin for the rounding of the vertices.
  const double radius = 2.0 * std::asin(std::min(1.0, 0.5 * max_chord)) * (1.0 + 1e-9) + 1e-12;
  shape.radius = radius;
  shape.cos_radius = std::cos(radius);
  shape.sin_radius = std::sin(radius);

  const std::span<const Vec3> ring(shape.vertices.data(), shape.vertex_count);
  shape.pieces.clear();
  if (isConvex(ring)) {
    shape.pieces.emplace_back(ring);
    return;
  }
  for (int i = 0; i < shape.vertex_count; ++i) {
    const std::array<Vec3, 3> triangle = {shape.center, shape.vertices[i],
                                          shape.vertices[(i + 1) % shape.vertex_count]};
    shape.pieces.emplace_back(triangle);
  }
}

double areaSteradians(const CellShape& shape) {
  return ringSignedArea(std::span<const Vec3>(shape.vertices.data(), shape.vertex_count));
}

}  // namespace stac2h3::geo
