/** @file h3.h
 * @brief The public API of stac2h3's own H3 v4 core: the only H3 header the rest of the
 * project includes.
 *
 * Every answer equals the reference H3 v4 library's: ids to the bit, coordinates to 1e-9.
 * Angles are radians; areas are on the authalic sphere (R = 6371.007180918475 km).
 * Functions that take a cell expect a valid one (see isValidCell) unless they say otherwise;
 * the ones that parse or validate user input return std::optional / an Error value and never
 * crash on bad input.
 */
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stac2h3::h3 {

/** An H3 index in the cell mode (mode 1). */
using Cell = uint64_t;

/** Finest and coarsest resolutions. */
inline constexpr int kMaxResolution = 15;
/** Number of resolution 0 cells and of pentagons per resolution. */
inline constexpr int kNumBaseCells = 122;
inline constexpr int kNumPentagons = 12;
/** Radius of the authalic sphere, in km. */
inline constexpr double kEarthRadiusKm = 6371.007180918475;

/** A point on the sphere, in radians. */
struct LatLng {
  double lat = 0.0;
  double lng = 0.0;
};

/** A cell's boundary: up to 10 vertices (6, or 5 for pentagons, plus the extra vertices of
 * Class III cells where their edges cross icosahedron edges), counter-clockwise, as the
 * reference orders them. */
struct CellBoundary {
  int count = 0;
  std::array<LatLng, 10> verts{};
};

/** A point on the unit sphere as a vector. */
struct Vec3d {
  double x = 0.0;  ///< towards 0°N 0°E
  double y = 0.0;  ///< towards 0°N 90°E
  double z = 0.0;  ///< towards the north pole
};

/** cellToBoundary's vertices as unit vectors (not part of the reference's API). */
struct CellBoundaryVectors {
  int count = 0;
  std::array<Vec3d, 10> verts{};
};

/** Errors reported as values, as the reference's H3Error. */
enum class Error {
  kSuccess = 0,
  kLatLngDomain,  ///< latitude or longitude not finite
  kResDomain,     ///< resolution outside 0..15, or finer/coarser than allowed
  kCellInvalid,   ///< not a valid cell index
  kPentagon,      ///< a pentagon distortion the algorithm cannot cross
  kFailed,        ///< any other failure
};

// --- Indexing -----------------------------------------------------------------------------

/** The cell of resolution `res` holding `point` (radians; any finite longitude wraps).
 * @param out set to the cell on success, untouched otherwise.
 * @return kSuccess; kLatLngDomain when a coordinate is not finite; kResDomain when `res` is
 *         outside 0..15. */
Error latLngToCell(const LatLng& point, int res, Cell& out);
/** The cell's centre (radians, longitude in [-π, π]). `cell` must be valid. */
LatLng cellToLatLng(Cell cell);
/** The cell's boundary vertices, counter-clockwise, including Class III distortion vertices.
 * `cell` must be valid. */
CellBoundary cellToBoundary(Cell cell);
/**
 * The vertices of cellToBoundary, in its order, and the centre of cellToLatLng, as unit
 * vectors, for geometry done in 3D. They are found without trigonometry: the inverse
 * gnomonic projection is a central projection, the face point scaled onto the sphere. So
 * they are the reference's points only to within a few units in the last place (~1e-15
 * rad), not bit for bit, and cost a fraction of cellToBoundary's round trip through angles
 * and back. `cell` must be valid.
 */
CellBoundaryVectors cellToBoundaryVectors(Cell cell);
Vec3d cellToVector(Cell cell);

// --- Inspection ---------------------------------------------------------------------------

/** The resolution field (0..15) of any index. */
int getResolution(Cell cell);
/** The base cell field (0..121 for a valid cell) of any index. */
int getBaseCellNumber(Cell cell);
/** True when `cell` is a well-formed cell index (mode, reserved bits, digits, deleted
 * pentagon subsequence). Safe on any 64-bit value. */
bool isValidCell(Cell cell);
/** True when `cell` is one of the 12 pentagons of its resolution (the centre descendants of
 * the pentagon base cells). False for invalid base cells. */
bool isPentagon(Cell cell);

/** Lowercase hex, no prefix, as h3-js and h3-py print it. */
std::string cellToString(Cell cell);
/** Parses a hex id (case-insensitive, no prefix); nullopt when it is not hex or not a valid
 * cell. */
std::optional<Cell> stringToCell(std::string_view text);

// --- Hierarchy ----------------------------------------------------------------------------

/** The ancestor at `parent_res` (<= the cell's resolution); kResDomain otherwise. */
Error cellToParent(Cell cell, int parent_res, Cell& out);
/** How many children `cell` has at `child_res` (pentagons have fewer); -1 on a bad res. */
int64_t cellToChildrenSize(Cell cell, int child_res);
/** The children at `child_res`, in the reference's order. kResDomain on a bad res. */
Error cellToChildren(Cell cell, int child_res, std::vector<Cell>& out);

// --- Traversal ----------------------------------------------------------------------------

/** Every cell within `k` steps of `origin`, origin included, pentagon-safe (order may differ
 * from the reference's; the set is the same). Empty when `k` < 0; `origin` must be valid. */
std::vector<Cell> gridDisk(Cell origin, int k);
/** As gridDisk(origin, k), into `out` (cleared first; its memory is kept: no allocation per
 * call once warm, for callers that walk many disks, such as the polygon cover). */
void gridDisk(Cell origin, int k, std::vector<Cell>& out);
/** True when the two cells share an edge; false when either is invalid, they are equal or
 * their resolutions differ. */
bool areNeighborCells(Cell a, Cell b);

// --- Areas and the grid ------------------------------------------------------------------

/** Exact area on the unit sphere (steradians), computed as the reference does, from the
 * boundary's geodesic edges. `cell` must be valid. */
double cellAreaRads2(Cell cell);
/** Exact area in km² on the authalic sphere. */
double cellAreaKm2(Cell cell);
/** The 122 resolution-0 cells, in base cell order. */
std::vector<Cell> res0Cells();
/** The 12 pentagons of resolution `res`, in base cell order; empty when `res` is outside
 * 0..15. */
std::vector<Cell> pentagons(int res);

}  // namespace stac2h3::h3
