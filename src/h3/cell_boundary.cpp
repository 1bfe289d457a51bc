/** @file cell_boundary.cpp
 * @brief cellToBoundary: a cell's vertices, plus the extra vertices where a Class III
 * cell's edges cross icosahedron edges.
 *
 * Vertices are found in the "substrate" grid (aperture 3 finer than the cell's Class II
 * grid, where every vertex is a lattice point). Each vertex is projected from the face it
 * lies on; an edge whose two ends lie on different faces is split where it meets the face
 * edge, so that each half is projected from its own face.
 */
#include <array>

#include "h3/cell_face_ijk.h"
#include "h3/constants.h"
#include "h3/h3.h"
#include "h3/icosahedron.h"
#include "h3/index_bits.h"

namespace stac2h3::h3 {
namespace {

using detail::CoordIJK;
using detail::FaceIJK;
using detail::Vec2d;

/** The cell's vertices (counter-clockwise from the i-axis) in the substrate grid of its
 * Class II resolution: a Class III cell is first dropped into the finer Class II grid.
 * `res` is updated to that Class II resolution. */
std::array<FaceIJK, 6> substrateVertices(FaceIJK center, int& res) {
  // Origin-centred cell vertices in the Class II substrate (aperture 3, 3r) ...
  static constexpr std::array<CoordIJK, 6> kClassII = {
      {{2, 1, 0}, {1, 2, 0}, {0, 2, 1}, {0, 1, 2}, {1, 0, 2}, {2, 0, 1}}};
  // ... and in Class III (aperture 3, 3r, then 7r back to Class II).
  static constexpr std::array<CoordIJK, 6> kClassIII = {
      {{5, 4, 0}, {1, 5, 0}, {0, 5, 4}, {0, 1, 5}, {4, 0, 5}, {5, 0, 1}}};
  const bool class_iii = detail::isClassIII(res);
  center.coord = detail::downAp3r(detail::downAp3(center.coord));
  if (class_iii) {
    center.coord = detail::downAp7r(center.coord);
    ++res;
  }
  std::array<FaceIJK, 6> out;
  const auto& offsets = class_iii ? kClassIII : kClassII;
  for (int v = 0; v < 6; ++v) out[v] = {center.face, detail::normalized(center.coord + offsets[v])};
  return out;
}

/** Where the segment a-b (hex2d on `face`, substrate units of Class II `res`) crosses the
 * edge of `face` that borders `other_face`. */
Vec2d faceEdgeCrossing(const Vec2d& a, const Vec2d& b, int face, int other_face, int res) {
  const double max_dim = detail::classIIMaxDim(res);
  // The face's corners in substrate hex2d units.
  const Vec2d corner_i{3.0 * max_dim, 0.0};
  const Vec2d corner_j{-1.5 * max_dim, 3.0 * detail::kSqrt3Over2 * max_dim};
  const Vec2d corner_k{-1.5 * max_dim, -3.0 * detail::kSqrt3Over2 * max_dim};
  switch (detail::kAdjacentFaceEdge[face][other_face]) {
    case detail::kEdgeIJ:
      return detail::intersectLines(a, b, corner_i, corner_j);
    case detail::kEdgeJK:
      return detail::intersectLines(a, b, corner_j, corner_k);
    default:  // kEdgeKI
      return detail::intersectLines(a, b, corner_k, corner_i);
  }
}

/** Appends the vertex at substrate position v on `face`, as `project(v, face, res)` places it
 * on the sphere (as LatLng or as a vector). */
template <typename Boundary, typename Project>
void append(Boundary& out, const Vec2d& v, int face, int res, const Project& project) {
  out.verts[out.count++] = project(v, face, res);
}

template <typename Boundary, typename Project>
Boundary hexagonBoundary(const FaceIJK& center, int res, const Project& project) {
  int substrate_res = res;
  const std::array<FaceIJK, 6> verts = substrateVertices(center, substrate_res);
  Boundary out;
  int last_face = -1;
  detail::Overage last_overage = detail::Overage::kNone;
  // One step past the last vertex to test the closing edge for a crossing.
  for (int step = 0; step <= 6; ++step) {
    const int v = step % 6;
    FaceIJK vert = verts[v];
    const detail::Overage overage = detail::adjustOverage(vert, substrate_res, false, true);

    // A Class III edge whose ends lie on different faces crosses an icosahedron edge
    // (Class II vertices lie on the face edges, so their edges never cross one). An edge
    // starting on a face edge needs no extra vertex either.
    if (detail::isClassIII(res) && step > 0 && vert.face != last_face &&
        last_overage != detail::Overage::kFaceEdge) {
      const Vec2d a = detail::toHex2d(verts[(v + 5) % 6].coord);
      const Vec2d b = detail::toHex2d(verts[v].coord);
      const int other_face = last_face == center.face ? vert.face : last_face;
      const Vec2d crossing = faceEdgeCrossing(a, b, center.face, other_face, substrate_res);
      // A crossing at a vertex leaves both edges on one face each: nothing to add.
      if (!detail::almostEqual(a, crossing) && !detail::almostEqual(b, crossing)) {
        append(out, crossing, center.face, substrate_res, project);
      }
    }
    if (step < 6) append(out, detail::toHex2d(vert.coord), vert.face, substrate_res, project);
    last_face = vert.face;
    last_overage = overage;
  }
  return out;
}

template <typename Boundary, typename Project>
Boundary pentagonBoundary(const FaceIJK& center, int res, const Project& project) {
  int substrate_res = res;
  const std::array<FaceIJK, 6> verts = substrateVertices(center, substrate_res);
  Boundary out;
  FaceIJK last{};
  for (int step = 0; step <= 5; ++step) {
    FaceIJK vert = verts[step % 5];
    // A pentagon vertex can spill over more than one face edge.
    while (detail::adjustOverage(vert, substrate_res, false, true) == detail::Overage::kNewFace) {
      continue;
    }

    // Every Class III pentagon edge crosses an icosahedron edge. Express the previous
    // vertex in this vertex's neighbouring face system to intersect there.
    if (detail::isClassIII(res) && step > 0) {
      const Vec2d a = detail::toHex2d(last.coord);
      const int edge_to_last = detail::kAdjacentFaceEdge[vert.face][last.face];
      const detail::FaceOrientation& orientation = detail::kFaceNeighbors[vert.face][edge_to_last];
      CoordIJK moved = vert.coord;
      for (int i = 0; i < orientation.ccw_rotations; ++i) moved = detail::rotate60ccw(moved);
      moved = detail::normalized(moved + orientation.translate *
                                             (detail::classIIUnitScale(substrate_res) * 3));
      const Vec2d b = detail::toHex2d(moved);
      const Vec2d crossing = faceEdgeCrossing(a, b, orientation.face, vert.face, substrate_res);
      append(out, crossing, orientation.face, substrate_res, project);
    }
    if (step < 5) append(out, detail::toHex2d(vert.coord), vert.face, substrate_res, project);
    last = vert;
  }
  return out;
}

template <typename Boundary, typename Project>
Boundary boundary(Cell cell, const Project& project) {
  const FaceIJK center = detail::cellToFaceIjk(cell);
  const int res = detail::resolutionOf(cell);
  return isPentagon(cell) ? pentagonBoundary<Boundary>(center, res, project)
                          : hexagonBoundary<Boundary>(center, res, project);
}

}  // namespace

CellBoundary cellToBoundary(Cell cell) {
  return boundary<CellBoundary>(cell, [](const Vec2d& v, int face, int res) {
    return detail::toLatLng(detail::hex2dToVec3(v, face, res, true));
  });
}

CellBoundaryVectors cellToBoundaryVectors(Cell cell) {
  return boundary<CellBoundaryVectors>(cell, [](const Vec2d& v, int face, int res) {
    return detail::hex2dToVec3Central(v, face, res, true);
  });
}

}  // namespace stac2h3::h3
