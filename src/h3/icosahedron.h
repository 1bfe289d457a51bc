/** @file icosahedron.h
 * @brief The icosahedron H3 projects onto: its 20 faces, their centres and axes, and how
 * the faces' IJK systems join across edges.
 */
#pragma once

#include <array>
#include <cstdint>

#include "h3/coord_ijk.h"
#include "h3/vec3d.h"

namespace stac2h3::h3::detail {

inline constexpr int kNumFaces = 20;

/** The edges of a face, named by the two axes they cross (index into kFaceNeighbors). */
enum FaceEdge : int { kOwnFace = 0, kEdgeIJ = 1, kEdgeKI = 2, kEdgeJK = 3 };

/** How a neighbouring face's IJK system sits relative to a face's own. */
struct FaceOrientation {
  int face;            ///< the neighbouring face
  CoordIJK translate;  ///< res 0 translation of the neighbour's origin
  int ccw_rotations;   ///< 60° ccw rotations into the neighbour's axes
};

/** Unit vector of each face centre. */
extern const std::array<Vec3d, kNumFaces> kFaceCenters;
/** Azimuth from each face centre of its Class II i-axis (radians). */
extern const std::array<double, kNumFaces> kFaceIAxisAzimuth;
/** [face][FaceEdge]: the face itself (kOwnFace) and its neighbours across each edge. */
extern const FaceOrientation kFaceNeighbors[kNumFaces][4];
/** [a][b]: the FaceEdge of face a that borders face b, 0 when a == b, -1 if not adjacent. */
extern const int8_t kAdjacentFaceEdge[kNumFaces][kNumFaces];

}  // namespace stac2h3::h3::detail
