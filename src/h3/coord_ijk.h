/** @file coord_ijk.h
 * @brief IJK hexagon coordinates on an icosahedron face: arithmetic, apertures, rotations,
 * and the quantisation of hex2d points to cells.
 *
 * Three axes 120° apart (i, j, k); a coordinate is normalised when all components are
 * non-negative and at least one is zero, which makes it unique. Everything here is integer
 * arithmetic except the aperture-7 "up" steps and the quantisation, which round as the
 * reference does.
 */
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "h3/constants.h"
#include "h3/vec2d.h"

namespace stac2h3::h3::detail {

struct CoordIJK {
  int i = 0;
  int j = 0;
  int k = 0;
  friend bool operator==(const CoordIJK&, const CoordIJK&) = default;
};

/** An index digit: the direction from a parent's centre child to a child. Its three bits
 * are exactly the normalised unit vector (i, j, k) of that direction. */
enum Digit : int {
  kCenterDigit = 0,
  kKDigit = 1,
  kJDigit = 2,
  kJKDigit = 3,
  kIDigit = 4,
  kIKDigit = 5,
  kIJDigit = 6,
  kInvalidDigit = 7,
};

inline constexpr CoordIJK operator+(const CoordIJK& a, const CoordIJK& b) {
  return {a.i + b.i, a.j + b.j, a.k + b.k};
}
inline constexpr CoordIJK operator-(const CoordIJK& a, const CoordIJK& b) {
  return {a.i - b.i, a.j - b.j, a.k - b.k};
}
inline constexpr CoordIJK operator*(const CoordIJK& a, int factor) {
  return {a.i * factor, a.j * factor, a.k * factor};
}

/** The unique normalised form: subtracting the smallest component leaves the point fixed. */
inline constexpr CoordIJK normalized(const CoordIJK& c) {
  const int m = std::min({c.i, c.j, c.k});
  return {c.i - m, c.j - m, c.k - m};
}

/** The unit vector of a digit (the zero vector for the centre digit). */
inline constexpr CoordIJK unitVector(Digit d) {
  return {(d >> 2) & 1, (d >> 1) & 1, d & 1};
}

/** The digit of a unit vector; kInvalidDigit when `c` is not one. */
inline constexpr Digit unitVectorDigit(const CoordIJK& c) {
  const CoordIJK n = normalized(c);
  if (n.i > 1 || n.j > 1 || n.k > 1) return kInvalidDigit;
  return static_cast<Digit>((n.i << 2) | (n.j << 1) | n.k);
}

/** The adjacent cell in direction `d` (unchanged for the centre or invalid digit). */
inline constexpr CoordIJK neighbor(const CoordIJK& c, Digit d) {
  if (d <= kCenterDigit || d >= kInvalidDigit) return c;
  return normalized(c + unitVector(d));
}

/** The same cell in the next finer grid of aperture 7, counter-clockwise (Class III). */
inline constexpr CoordIJK downAp7(const CoordIJK& c) {
  return normalized({3 * c.i + c.j, 3 * c.j + c.k, c.i + 3 * c.k});
}
/** The same cell in the next finer grid of aperture 7, clockwise (Class II). */
inline constexpr CoordIJK downAp7r(const CoordIJK& c) {
  return normalized({3 * c.i + c.k, c.i + 3 * c.j, c.j + 3 * c.k});
}
/** The same point in the next finer grid of aperture 3, counter-clockwise. */
inline constexpr CoordIJK downAp3(const CoordIJK& c) {
  return normalized({2 * c.i + c.j, 2 * c.j + c.k, c.i + 2 * c.k});
}
/** The same point in the next finer grid of aperture 3, clockwise. */
inline constexpr CoordIJK downAp3r(const CoordIJK& c) {
  return normalized({2 * c.i + c.k, c.i + 2 * c.j, c.j + 2 * c.k});
}

/** `x` rounded to the nearest integer, halves away from zero: std::lround's result (for
 * |x| < 2^31) without its library call, which dominates the aperture steps' cost. Exact:
 * `x - truncated` has no rounding error. */
inline int roundHalfAwayFromZero(double x) {
  const int truncated = static_cast<int>(x);
  const double fraction = x - truncated;
  // Branch-free: the fraction is random, so branches would mispredict half the time.
  return truncated + static_cast<int>(fraction >= 0.5) - static_cast<int>(fraction <= -0.5);
}

/** The parent in the next coarser aperture-7 grid, counter-clockwise (inverse of downAp7).
 * Rounds (a / 7 computed as a * 1/7) half away from zero, as the reference does. */
inline CoordIJK upAp7(const CoordIJK& c) {
  const int i = c.i - c.k;
  const int j = c.j - c.k;
  return normalized({roundHalfAwayFromZero((3 * i - j) * kOneSeventh),
                     roundHalfAwayFromZero((i + 2 * j) * kOneSeventh), 0});
}
/** The parent in the next coarser aperture-7 grid, clockwise (inverse of downAp7r). */
inline CoordIJK upAp7r(const CoordIJK& c) {
  const int i = c.i - c.k;
  const int j = c.j - c.k;
  return normalized({roundHalfAwayFromZero((2 * i + j) * kOneSeventh),
                     roundHalfAwayFromZero((3 * j - i) * kOneSeventh), 0});
}

inline constexpr CoordIJK rotate60ccw(const CoordIJK& c) {
  return normalized({c.i + c.k, c.i + c.j, c.j + c.k});
}
inline constexpr CoordIJK rotate60cw(const CoordIJK& c) {
  return normalized({c.i + c.j, c.j + c.k, c.i + c.k});
}

/** The digit pointing 60° counter-clockwise of `d` (centre and invalid stay). */
inline constexpr Digit rotate60ccw(Digit d) {
  constexpr Digit kNext[8] = {kCenterDigit, kIKDigit, kJKDigit, kKDigit,
                              kIJDigit,     kIDigit,  kJDigit,  kInvalidDigit};
  return kNext[d];
}
/** The digit pointing 60° clockwise of `d`. */
inline constexpr Digit rotate60cw(Digit d) {
  constexpr Digit kNext[8] = {kCenterDigit, kJKDigit, kIJDigit, kJDigit,
                              kIKDigit,     kKDigit,  kIDigit,  kInvalidDigit};
  return kNext[d];
}

/** The hex2d position of a cell centre. */
inline Vec2d toHex2d(const CoordIJK& c) {
  const int i = c.i - c.k;
  const int j = c.j - c.k;
  return {i - 0.5 * j, j * kSqrt3Over2};
}

/** The cell whose hexagon contains the hex2d point `v`. Works in the first sextant of the
 * plane (|x|, |y|) and mirrors back; the comparisons match the reference's exactly, ties
 * included, because ids must be bit-exact. */
inline CoordIJK hex2dToIjk(const Vec2d& v) {
  const double a1 = std::fabs(v.x);
  const double a2 = std::fabs(v.y);
  // Coordinates along the i axis and the 60° axis (j).
  const double x2 = a2 * kInvSin60;
  const double x1 = a1 + x2 / 2.0;
  const int m1 = static_cast<int>(x1);
  const int m2 = static_cast<int>(x2);
  const double r1 = x1 - m1;
  const double r2 = x2 - m2;

  int i = m1;
  int j = m2;
  if (r1 < 0.5) {
    if (r1 < 1.0 / 3.0) {
      if (r2 >= (1.0 + r1) / 2.0) j = m2 + 1;
    } else {
      if (r2 >= (1.0 - r1)) j = m2 + 1;
      if ((1.0 - r1) <= r2 && r2 < (2.0 * r1)) i = m1 + 1;
    }
  } else {
    if (r1 < 2.0 / 3.0) {
      if (r2 >= (1.0 - r1)) j = m2 + 1;
      if (!((2.0 * r1 - 1.0) < r2 && r2 < (1.0 - r1))) i = m1 + 1;
    } else {
      i = m1 + 1;
      if (r2 >= (r1 / 2.0)) j = m2 + 1;
    }
  }

  // Mirror across the j axis (x < 0), then across the i axis (y < 0).
  if (v.x < 0.0) {
    const int axis_i = (j % 2 == 0) ? j / 2 : (j + 1) / 2;
    i = (j % 2 == 0) ? 2 * axis_i - i : 2 * axis_i - i - 1;
  }
  if (v.y < 0.0) {
    i = i - (2 * j + 1) / 2;
    j = -j;
  }
  return normalized({i, j, 0});
}

}  // namespace stac2h3::h3::detail
