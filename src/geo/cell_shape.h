/** @file cell_shape.h
 * @brief An H3 cell as spherical geometry: its centre, a cap that holds it, and convex
 * pieces to clip against.
 */
#pragma once

#include <array>
#include <vector>

#include "geo/convex_clip.h"
#include "geo/vec3.h"
#include "h3/h3.h"

namespace stac2h3::geo {

/** An H3 cell with geodesic edges between the vertices of h3::cellToBoundary. */
struct CellShape {
  h3::Cell cell = 0;
  Vec3 center;
  /** A radius around `center` (radians) that holds the whole cell, slightly generous so that
   * cap tests never miss, with its cosine and sine. */
  double radius = 0.0;
  double cos_radius = 1.0;
  double sin_radius = 0.0;
  /** The boundary of h3::cellToBoundary as unit vectors, counter-clockwise. */
  std::array<Vec3, ConvexPolygon::kMaxVertices> vertices;
  int vertex_count = 0;
  /** The cell itself when it is convex; otherwise the triangles from its centre to each
   * edge. A Class III cell's edge bends at the vertex where it crosses an icosahedron edge,
   * and there the cell can be slightly concave. */
  std::vector<ConvexPolygon> pieces;
};

/** The cell's vertices (h3::cellToBoundaryVectors) as vectors, counter-clockwise; returns
 * their count. Every cell geometry (shapes, exact areas) starts here, so that a whole cell's
 * area is the same bits wherever it is computed. */
int cellVertices(h3::Cell cell, std::array<Vec3, ConvexPolygon::kMaxVertices>& out);

/**
 * Fills `shape` with the geometry of `cell`, reusing its buffers.
 * @param cell  a valid H3 cell.
 */
void makeCellShape(h3::Cell cell, CellShape& shape);

/** Exact area of the cell on the unit sphere (steradians), geodesic edges. */
double areaSteradians(const CellShape& shape);

}  // namespace stac2h3::geo
