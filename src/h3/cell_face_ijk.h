/** @file cell_face_ijk.h
 * @brief Converting between cell indexes and FaceIJK addresses (the cell's face and its
 * ijk on that face's grid of the cell's resolution).
 */
#pragma once

#include <optional>

#include "h3/face_ijk.h"
#include "h3/h3.h"

namespace stac2h3::h3::detail {

/** The index of the cell at `f` (resolution `res`); nullopt when `f` lies outside the
 * face's base cells (only possible for coordinates not produced by the projection). */
std::optional<Cell> faceIjkToCell(const FaceIJK& f, int res);

/** The FaceIJK of a valid cell, on the face that holds its centre. */
FaceIJK cellToFaceIjk(Cell c);

}  // namespace stac2h3::h3::detail
