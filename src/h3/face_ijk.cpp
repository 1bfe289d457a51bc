/** @file face_ijk.cpp
 * @brief The gnomonic projection between the sphere and the icosahedron faces, and face
 * overage.
 *
 * Points on a cell edge or an icosahedron edge get their cell from the last bits of this
 * projection, so it follows the reference's arithmetic step for step (squared chords to the
 * face centres, the azimuth in each face centre's north/east tangent basis, acos, tan, the
 * aperture-7 scalings one multiply at a time) and rounds its elementary functions as h3-js
 * does (fdlibm.h).
 */
#include "h3/face_ijk.h"

#include <array>
#include <cmath>

#include "h3/constants.h"
#include "h3/fdlibm.h"
#include "h3/icosahedron.h"

namespace stac2h3::h3::detail {
namespace {

/** North and east unit vectors of the tangent plane at a point. */
struct TangentBasis {
  Vec3d north;
  Vec3d east;
};

TangentBasis tangentBasisAt(const Vec3d& p) {
  const Vec3d north_pole{0.0, 0.0, 1.0};
  const Vec3d north = normalized(linearCombination(1.0, north_pole, -dot(north_pole, p), p));
  return {north, cross(north, p)};
}

/** The face centres' tangent bases, computed once (they are used by every projection). */
const std::array<TangentBasis, kNumFaces>& faceBases() {
  static const std::array<TangentBasis, kNumFaces> bases = [] {
    std::array<TangentBasis, kNumFaces> out;
    for (int f = 0; f < kNumFaces; ++f) out[f] = tangentBasisAt(kFaceCenters[f]);
    return out;
  }();
  return bases;
}

/** An angle in [0, 2π) for inputs in [-2π, 4π), with the reference's rounding. */
double positiveAngle(double rads) {
  double out = rads < 0.0 ? rads + kTwoPi : rads;
  if (rads >= kTwoPi) out -= kTwoPi;
  return out;
}

/** Azimuth of `p` seen from the centre of `face`. */
double azimuthFromFaceCenter(int face, const Vec3d& p) {
  const TangentBasis& basis = faceBases()[face];
  const Vec3d& center = kFaceCenters[face];
  const Vec3d projected = normalized(linearCombination(1.0, p, -dot(p, center), center));
  return fdlibm::atan2(dot(projected, basis.east), dot(projected, basis.north));
}

}  // namespace

int nearestFace(const Vec3d& p, double& squared_chord) {
  int face = 0;
  squared_chord = 5.0;  // above the largest possible squared chord, 4
  for (int f = 0; f < kNumFaces; ++f) {
    const double d = squaredDistance(kFaceCenters[f], p);
    if (d < squared_chord) {
      face = f;
      squared_chord = d;
    }
  }
  return face;
}

Vec2d projectOntoFace(const Vec3d& p, int face, double squared_chord, int res) {
  // Angular distance from the centre: cos(r) = 1 - chord² / 2.
  double r = fdlibm::acos(1 - squared_chord * 0.5);
  if (r < kEpsilon) return {0.0, 0.0};

  // Counter-clockwise angle from the face's i-axis.
  double theta =
      positiveAngle(kFaceIAxisAzimuth[face] - positiveAngle(azimuthFromFaceCenter(face, p)));
  if (isClassIII(res)) theta = positiveAngle(theta - kAp7RotationRads);

  // Gnomonic distance, in units of this resolution's cells (one multiply per resolution,
  // in the reference's order, for bit-exact results).
  r = fdlibm::tan(r);
  r *= kInvRes0UnitGnomonic;
  for (int i = 0; i < res; ++i) r *= kSqrt7;

  return {r * fdlibm::cos(theta), r * fdlibm::sin(theta)};
}

Vec3d hex2dToVec3(const Vec2d& v, int face, int res, bool substrate) {
  double r = magnitude(v);
  if (r < kEpsilon) return kFaceCenters[face];

  double theta = fdlibm::atan2(v.y, v.x);

  for (int i = 0; i < res; ++i) r *= kInvSqrt7;
  if (substrate) {
    r *= kOneThird;
    if (isClassIII(res)) r *= kInvSqrt7;
  }
  r *= kRes0UnitGnomonic;
  r = fdlibm::atan(r);  // inverse gnomonic: angular distance from the face centre

  // A substrate grid is already rotated for Class III.
  if (!substrate && isClassIII(res)) theta = positiveAngle(theta + kAp7RotationRads);
  theta = positiveAngle(kFaceIAxisAzimuth[face] - theta);  // now an azimuth

  const TangentBasis& basis = faceBases()[face];
  const Vec3d direction =
      linearCombination(fdlibm::cos(theta), basis.north, fdlibm::sin(theta), basis.east);
  return normalized(
      linearCombination(fdlibm::cos(r), kFaceCenters[face], fdlibm::sin(r), direction));
}

Vec3d hex2dToVec3Central(const Vec2d& v, int face, int res, bool substrate) {
  // hex2dToVec3 turns v into an azimuth az = A - θ (A the face's i-axis azimuth, θ the angle
  // of v, rotated by the Class III angle unless `substrate`) and a distance atan(s|v|), s
  // the gnomonic scale, then goes that far along the great circle: cos(r) C + sin(r) d with
  // d = cos(az) N + sin(az) E. Divided by cos(r) that is C + s|v| d, and |v| d =
  // x (cos A N + sin A E) + y (sin A N - cos A E) for the rotated v = (x, y): one linear
  // combination per point, normalised. The two tangent vectors are per face (and grid
  // class), computed once.
  struct FaceAxes {
    Vec3d u;  // cos A N + sin A E
    Vec3d w;  // sin A N - cos A E
  };
  static const std::array<std::array<FaceAxes, kNumFaces>, 2> axes = [] {
    std::array<std::array<FaceAxes, kNumFaces>, 2> out;
    for (int rotated = 0; rotated < 2; ++rotated) {
      for (int f = 0; f < kNumFaces; ++f) {
        const TangentBasis& basis = faceBases()[f];
        // A rotation of v by ρ turns the axes by -ρ: the azimuth A - (θ + ρ).
        const double a = kFaceIAxisAzimuth[f] - (rotated ? kAp7RotationRads : 0.0);
        const double c = std::cos(a);
        const double s = std::sin(a);
        out[rotated][f] = {linearCombination(c, basis.north, s, basis.east),
                           linearCombination(s, basis.north, -c, basis.east)};
      }
    }
    return out;
  }();
  double scale = kRes0UnitGnomonic;
  for (int i = 0; i < res; ++i) scale *= kInvSqrt7;
  if (substrate) {
    scale *= kOneThird;
    if (isClassIII(res)) scale *= kInvSqrt7;
  }
  const FaceAxes& axis = axes[!substrate && isClassIII(res) ? 1 : 0][face];
  const Vec3d& c = kFaceCenters[face];
  const double x = scale * v.x;
  const double y = scale * v.y;
  return normalized(Vec3d{c.x + x * axis.u.x + y * axis.w.x, c.y + x * axis.u.y + y * axis.w.y,
                          c.z + x * axis.u.z + y * axis.w.z});
}

FaceIJK vec3ToFaceIjk(const Vec3d& p, int res) {
  double squared_chord = 0.0;
  const int face = nearestFace(p, squared_chord);
  return {face, hex2dToIjk(projectOntoFace(p, face, squared_chord, res))};
}

Vec3d faceIjkToVec3(const FaceIJK& f, int res) {
  return hex2dToVec3(toHex2d(f.coord), f.face, res, false);
}

Overage adjustOverage(FaceIJK& f, int res, bool pent_leading4, bool substrate) {
  CoordIJK& ijk = f.coord;
  int max_dim = classIIMaxDim(res);
  if (substrate) max_dim *= 3;

  const int sum = ijk.i + ijk.j + ijk.k;
  if (substrate && sum == max_dim) return Overage::kFaceEdge;
  if (sum <= max_dim) return Overage::kNone;

  // Which edge was crossed follows from the quadrant the coordinate is in.
  FaceEdge edge = kEdgeIJ;
  if (ijk.k > 0) {
    if (ijk.j > 0) {
      edge = kEdgeJK;
    } else {
      edge = kEdgeKI;
      if (pent_leading4) {
        // The pentagon's deleted subsequence turns this part of the face by 60°: rotate
        // about the pentagon centre at (max_dim, 0, 0).
        const CoordIJK origin{max_dim, 0, 0};
        ijk = rotate60cw(ijk - origin) + origin;
      }
    }
  }

  const FaceOrientation& orientation = kFaceNeighbors[f.face][edge];
  f.face = orientation.face;
  for (int i = 0; i < orientation.ccw_rotations; ++i) ijk = rotate60ccw(ijk);
  int unit_scale = classIIUnitScale(res);
  if (substrate) unit_scale *= 3;
  ijk = normalized(ijk + orientation.translate * unit_scale);

  // Overage points on pentagon boundaries can land exactly on an edge.
  if (substrate && ijk.i + ijk.j + ijk.k == max_dim) return Overage::kFaceEdge;
  return Overage::kNewFace;
}

}  // namespace stac2h3::h3::detail
