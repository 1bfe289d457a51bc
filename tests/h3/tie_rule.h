/** @file tie_rule.h
 * @brief When two builds of H3 may rightly disagree on a point's cell: the principled rule
 * used to score the oracle's ties.
 *
 * Two cases, each checked geometrically, never by a blanket tolerance on ids:
 * - the point lies on the shared boundary of both cells (within kOnBoundaryRads of each
 *   cell's boundary, whose edges are geodesics since the projection is gnomonic);
 * - the point lies on an icosahedron edge (equidistant, to rounding, from two face
 *   centres) and the other answer is exactly the cell found by projecting onto the other
 *   face: both faces' grids are legitimate there, and the builds' libm decide the face.
 */
#pragma once

#include <algorithm>
#include <cmath>

#include "h3/cell_face_ijk.h"
#include "h3/face_ijk.h"
#include "h3/h3.h"
#include "h3/icosahedron.h"

namespace stac2h3::test {

/** About 6 µm on the Earth: the reach of last-bit differences in the projection. */
inline constexpr double kOnBoundaryRads = 1e-12;

/** Angular distance from `p` to the geodesic arc a-b (all unit vectors). Cell edges are
 * short (down to ~1e-7 rad), so everything is computed from differences of nearby points,
 * which are exact: cross(a, b) directly would lose ten digits to cancellation. */
inline double distanceToArc(const h3::detail::Vec3d& p, const h3::detail::Vec3d& a,
                            const h3::detail::Vec3d& b) {
  using namespace h3::detail;
  auto minus = [](const Vec3d& u, const Vec3d& v) {
    return Vec3d{u.x - v.x, u.y - v.y, u.z - v.z};
  };
  auto chordAngle = [](const Vec3d& d) {
    return 2.0 * std::asin(std::min(1.0, std::sqrt(dot(d, d)) / 2.0));
  };
  const Vec3d ab = minus(b, a);
  const Vec3d ap = minus(p, a);
  const Vec3d bp = minus(p, b);
  // The foot of the perpendicular lies between the ends: distance to the great circle.
  if (dot(ap, ab) >= 0.0 && dot(bp, ab) <= 0.0) {
    const Vec3d normal = normalized(cross(a, ab));
    return std::fabs(std::asin(std::clamp(dot(ap, normal), -1.0, 1.0)));
  }
  return std::min(chordAngle(ap), chordAngle(bp));
}

/** Angular distance from `p` to the boundary of `cell`. */
inline double distanceToBoundary(const h3::LatLng& p, h3::Cell cell) {
  using namespace h3::detail;
  const h3::CellBoundary boundary = h3::cellToBoundary(cell);
  const Vec3d v = toVec3(p);
  double best = 10.0;
  for (int i = 0; i < boundary.count; ++i) {
    best = std::min(best, distanceToArc(v, toVec3(boundary.verts[i]),
                                        toVec3(boundary.verts[(i + 1) % boundary.count])));
  }
  return best;
}

/** True when `p` is on an icosahedron edge and `other` is its cell on the second face. */
inline bool isFaceEdgeTie(const h3::LatLng& p, int res, h3::Cell other) {
  using namespace h3::detail;
  const Vec3d v = toVec3(p);
  double nearest_chord = 0.0;
  const int nearest = nearestFace(v, nearest_chord);
  for (int face = 0; face < kNumFaces; ++face) {
    if (face == nearest) continue;
    const double chord = squaredDistance(kFaceCenters[face], v);
    if (std::fabs(chord - nearest_chord) > 1e-12) continue;
    const FaceIJK f{face, hex2dToIjk(projectOntoFace(v, face, chord, res))};
    if (faceIjkToCell(f, res) == other) return true;
  }
  return false;
}

enum class Tie { kNone, kSharedBoundary, kFaceEdge };

/** Which rule, if any, makes `mine` and `reference` (two different answers for `p`) an
 * acceptable tie. */
inline Tie classifyTie(const h3::LatLng& p, int res, h3::Cell mine, h3::Cell reference) {
  if (!h3::isValidCell(reference)) return Tie::kNone;
  if (distanceToBoundary(p, mine) < kOnBoundaryRads &&
      distanceToBoundary(p, reference) < kOnBoundaryRads) {
    return Tie::kSharedBoundary;
  }
  return isFaceEdgeTie(p, res, reference) ? Tie::kFaceEdge : Tie::kNone;
}

}  // namespace stac2h3::test
