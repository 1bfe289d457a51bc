/** @file constants.h
 * @brief Numeric constants of the H3 projection, to the digits the reference library uses.
 *
 * The literals are written with the reference's digits so that every double rounds to the
 * same bits (bit-exact ids depend on it).
 */
#pragma once

namespace stac2h3::h3::detail {

inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kTwoPi = 6.28318530717958647692528676655900576839433;
/** Below this, a distance from a face centre is the centre itself. */
inline constexpr double kEpsilon = 0.0000000000000001;
inline constexpr double kSqrt3Over2 = 0.8660254037844386467637231707529361834714;
/** 1 / sin(60°). */
inline constexpr double kInvSin60 = 1.1547005383792515290182975610039149112953;
inline constexpr double kOneThird = 0.333333333333333333333333333333333333333;
inline constexpr double kOneSeventh = 0.14285714285714285714285714285714285;
/** Rotation between a Class II grid and the Class III grid inside it (asin(sqrt(3/28))). */
inline constexpr double kAp7RotationRads = 0.333473172251832115336090755351601070065900389;
inline constexpr double kSqrt7 = 2.6457513110645905905016157536392604257102;
inline constexpr double kInvSqrt7 = 0.37796447300922722721451653623418006081576;
/** Gnomonic length of a res 0 unit (face centre to res 0 cell centre) and its inverse. */
inline constexpr double kRes0UnitGnomonic = 0.38196601125010500003;
inline constexpr double kInvRes0UnitGnomonic = 2.61803398874989588842;

/** Odd resolutions are Class III (rotated by kAp7RotationRads from the Class II grids). */
constexpr bool isClassIII(int res) {
  return (res & 1) != 0;
}

/** 7^(res/2): the length of a res 0 unit in units of Class II resolution `res` (even). */
constexpr int classIIUnitScale(int res) {
  int scale = 1;
  for (int r = 0; r < res / 2; ++r) scale *= 7;
  return scale;
}

/** i + j + k of the face's corner in Class II resolution `res` (even) units: the distance
 * from the face centre beyond which a coordinate lies on a neighbouring face. */
constexpr int classIIMaxDim(int res) {
  return 2 * classIIUnitScale(res);
}

}  // namespace stac2h3::h3::detail
