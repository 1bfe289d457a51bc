/** @file face_ijk.h
 * @brief Cells and points on an icosahedron face: the gnomonic projection between the
 * sphere and a face's hex2d plane, and moving coordinates that spill over a face edge onto
 * the neighbouring face ("overage").
 */
#pragma once

#include "h3/coord_ijk.h"
#include "h3/vec2d.h"
#include "h3/vec3d.h"

namespace stac2h3::h3::detail {

struct FaceIJK {
  int face = 0;
  CoordIJK coord;
};

/** Where a coordinate lies relative to its face. */
enum class Overage {
  kNone,      ///< on the face
  kFaceEdge,  ///< exactly on an edge (only on substrate grids)
  kNewFace,   ///< moved onto a neighbouring face
};

/** The face whose centre is nearest to `p` (the lowest-numbered on exact ties); its squared
 * chord distance to `p` is stored in `squared_chord`. */
int nearestFace(const Vec3d& p, double& squared_chord);

/** The hex2d position of `p` on `face` in units of resolution `res`, given the squared
 * chord distance from the face centre to `p`. */
Vec2d projectOntoFace(const Vec3d& p, int face, double squared_chord, int res);

/** The point of the sphere at hex2d position `v` on `face` in units of resolution `res`;
 * `substrate` when `v` is in the vertex grid (one third of a Class II unit, already
 * rotated for Class III). */
Vec3d hex2dToVec3(const Vec2d& v, int face, int res, bool substrate);

/** The point hex2dToVec3 finds, without its trigonometry (see cellToBoundaryVectors): equal
 * to it within a few units in the last place, not bit for bit. */
Vec3d hex2dToVec3Central(const Vec2d& v, int face, int res, bool substrate);

/** The cell of resolution `res` holding `p`, as a FaceIJK. */
FaceIJK vec3ToFaceIjk(const Vec3d& p, int res);

/** The centre of the cell at `f` (resolution `res`). */
Vec3d faceIjkToVec3(const FaceIJK& f, int res);

/**
 * Moves `f` onto the adjacent face when its coordinate lies beyond its face's edges.
 * @param f             the coordinate, in a Class II grid of resolution `res`; updated.
 * @param res           a Class II (even) resolution.
 * @param pent_leading4 the cell is in a pentagon's leading-4 subsequence, whose ki
 *                      crossing needs a further 60° turn.
 * @param substrate     `f` is in the vertex (substrate) grid, 3x finer.
 * @return whether it stayed, lay on an edge, or moved.
 */
Overage adjustOverage(FaceIJK& f, int res, bool pent_leading4, bool substrate);

}  // namespace stac2h3::h3::detail
