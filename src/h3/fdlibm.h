/** @file fdlibm.h
 * @brief The elementary functions the reference's JavaScript build (h3-js) rounds with:
 * fdlibm's algorithms, as JavaScript engines' Math implements them.
 *
 * A point on a cell edge or an icosahedron edge is decided by the last bit of the
 * projection, and that bit depends on the libm: h3-js computes with JavaScript's Math
 * (fdlibm), native builds with their platform's libm (glibc, Apple's, MSVC's), so the
 * reference's builds disagree with each other on such points. Computing with these
 * functions gives h3-js's answers on every platform, bit for bit.
 *
 * Arguments beyond 2^19·π/2 (about 47 million degrees) are reduced by the platform's
 * libm instead (fdlibm's multi-word reduction is not needed for coordinates).
 */
#pragma once

namespace stac2h3::h3::detail::fdlibm {

double sin(double x);
double cos(double x);
double tan(double x);
double asin(double x);
double acos(double x);
double atan(double x);
/** The angle of (x, y) in (-π, π], signs of zeros and infinities as in C's atan2. */
double atan2(double y, double x);

}  // namespace stac2h3::h3::detail::fdlibm
