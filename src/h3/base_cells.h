/** @file base_cells.h
 * @brief The 122 resolution 0 cells: where each sits on the icosahedron, which are
 * pentagons, and their neighbours.
 */
#pragma once

#include <array>
#include <cstdint>

#include "h3/face_ijk.h"
#include "h3/h3.h"
#include "h3/icosahedron.h"

namespace stac2h3::h3::detail {

/** Marks a missing neighbour (a pentagon's deleted k direction). */
inline constexpr int kNoBaseCell = 127;

struct BaseCell {
  FaceIJK home;                        ///< home face and res 0 ijk on it
  bool is_pentagon;                    ///< one of the 12 pentagons
  std::array<int, 2> cw_offset_faces;  ///< pentagons: the two faces with a cw offset
};

/** A base cell as seen from a face: which one, and the 60° ccw rotations into its
 * orientation. */
struct BaseCellRotation {
  int base_cell;
  int ccw_rotations;
};

extern const std::array<BaseCell, kNumBaseCells> kBaseCells;
/** [base cell][digit]: the neighbouring base cell (kNoBaseCell if none). */
extern const uint8_t kBaseCellNeighbors[kNumBaseCells][7];
/** [base cell][digit]: 60° ccw rotations into that neighbour's orientation. */
extern const int8_t kBaseCellNeighborRotations[kNumBaseCells][7];
/** [face][i][j][k] for res 0 ijk components 0..2. */
extern const BaseCellRotation kFaceIjkBaseCells[kNumFaces][3][3][3];

inline bool isBaseCellPentagon(int base_cell) {
  return kBaseCells[base_cell].is_pentagon;
}

/** The two pentagons at the poles, whose neighbours all lie in i directions. */
inline bool isPolarPentagon(int base_cell) {
  return base_cell == 4 || base_cell == 117;
}

/** True when `face` is one of the pentagon's clockwise-offset faces. */
inline bool isCwOffsetFace(int base_cell, int face) {
  const auto& faces = kBaseCells[base_cell].cw_offset_faces;
  return faces[0] == face || faces[1] == face;
}

/** The base cell at a res 0 FaceIJK (components must be 0..2). */
inline const BaseCellRotation& baseCellAt(const FaceIJK& f) {
  return kFaceIjkBaseCells[f.face][f.coord.i][f.coord.j][f.coord.k];
}

}  // namespace stac2h3::h3::detail
