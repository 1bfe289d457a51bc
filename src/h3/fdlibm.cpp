/** @file fdlibm.cpp
 * @brief sin, cos, tan, asin, acos, atan and atan2 with fdlibm's rounding.
 *
 * The methods and coefficients are those of fdlibm (Sun Microsystems, 1993: "Permission
 * to use, copy, modify, and distribute this software is freely granted, provided that
 * this notice is preserved"), which JavaScript engines use for Math. Every operation is
 * evaluated in fdlibm's order, because bit-exact results are the point; the hexadecimal
 * comments give each constant's intended bits. The file must be compiled without fused
 * multiply-adds (the H3 library's -ffp-contract=off).
 */
#include "h3/fdlibm.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace stac2h3::h3::detail::fdlibm {
namespace {

/** The sign, exponent and top 20 mantissa bits of x, as fdlibm's "high word". */
int32_t highWord(double x) {
  return static_cast<int32_t>(std::bit_cast<uint64_t>(x) >> 32);
}

uint32_t lowWord(double x) {
  return static_cast<uint32_t>(std::bit_cast<uint64_t>(x));
}

/** x with its low 32 bits cleared: a head whose products with similar heads are exact. */
double head(double x) {
  return std::bit_cast<double>(std::bit_cast<uint64_t>(x) & 0xFFFFFFFF00000000ULL);
}

double fromHighWord(int32_t high) {
  return std::bit_cast<double>(static_cast<uint64_t>(static_cast<uint32_t>(high)) << 32);
}

// High words of some thresholds.
constexpr int32_t kPiOver4High = 0x3FE921FB;  // |x| <= ~π/4: no reduction
constexpr int32_t kInfHigh = 0x7FF00000;

constexpr double kPiOver2Hi = 1.57079632679489655800e+00;  // 0x3FF921FB 54442D18
constexpr double kPiOver2Lo = 6.12323399573676603587e-17;  // 0x3C91A626 33145C07
constexpr double kPiOver4Hi = 7.85398163397448278999e-01;  // 0x3FE921FB 54442D18
constexpr double kPiOver4Lo = 3.06161699786838301793e-17;  // 0x3C81A626 33145C07
constexpr double kPi = 3.14159265358979311600e+00;         // 0x400921FB 54442D18
constexpr double kPiLo = 1.2246467991473531772e-16;        // 0x3CA1A626 33145C07

/** x - n·π/2 as hi + lo, with n's low bits (which quadrant). */
struct Reduced {
  int32_t n;
  double hi;
  double lo;
};

/** x - n·π/2 with π/2 in 33-bit pieces, for |x| <= 2^19·π/2; fdlibm's "medium" path. */
Reduced reduceByHalfPi(double x) {
  constexpr double kTwoOverPi = 6.36619772367581382433e-01;   // 0x3FE45F30 6DC9C883
  constexpr double kPiOver2_1 = 1.57079632673412561417e+00;   // first 33 bits of π/2
  constexpr double kPiOver2_1t = 6.07710050650619224932e-11;  // π/2 - kPiOver2_1
  constexpr double kPiOver2_2 = 6.07710050630396597660e-11;   // next 33 bits
  constexpr double kPiOver2_2t = 2.02226624879595063154e-21;  // π/2 - (_1 + _2)
  constexpr double kPiOver2_3 = 2.02226624871116645580e-21;   // next 33 bits
  constexpr double kPiOver2_3t = 8.47842766036889956997e-32;  // π/2 - (_1 + _2 + _3)
  // High words of n·π/2 for n = 1..32: near them, the first subtraction cancels.
  static constexpr int32_t kMultipleHigh[32] = {
      0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C, 0x4025FDBB,
      0x402921FB, 0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C, 0x40346B9C, 0x4035FDBB,
      0x40378FDB, 0x403921FB, 0x403AB41B, 0x403C463A, 0x403DD85A, 0x403F6A7A, 0x40407E4C,
      0x4041475C, 0x4042106C, 0x4042D97C, 0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB,
      0x4046C6CB, 0x40478FDB, 0x404858EB, 0x404921FB,
  };

  const int32_t hx = highWord(x);
  const int32_t ix = hx & 0x7FFFFFFF;
  const double t = std::fabs(x);
  Reduced out{};
  if (ix < 0x4002D97C) {  // |x| < 3π/4: n = ±1
    double z = t - kPiOver2_1;
    if (ix != 0x3FF921FB) {
      out.hi = z - kPiOver2_1t;
      out.lo = (z - out.hi) - kPiOver2_1t;
    } else {  // near π/2: one more piece
      z -= kPiOver2_2;
      out.hi = z - kPiOver2_2t;
      out.lo = (z - out.hi) - kPiOver2_2t;
    }
    out.n = 1;
  } else {
    const auto n = static_cast<int32_t>(t * kTwoOverPi + 0.5);
    const auto fn = static_cast<double>(n);
    double r = t - fn * kPiOver2_1;
    double w = fn * kPiOver2_1t;
    out.hi = r - w;
    if (n >= 32 || ix == kMultipleHigh[n - 1]) {
      // Check how many bits cancelled; refine with the next pieces of π/2 when needed.
      const int32_t exponent = ix >> 20;
      auto lost = [&] { return exponent - ((highWord(out.hi) >> 20) & 0x7FF); };
      if (lost() > 16) {
        double before = r;
        w = fn * kPiOver2_2;
        r = before - w;
        w = fn * kPiOver2_2t - ((before - r) - w);
        out.hi = r - w;
        if (lost() > 49) {
          before = r;
          w = fn * kPiOver2_3;
          r = before - w;
          w = fn * kPiOver2_3t - ((before - r) - w);
          out.hi = r - w;
        }
      }
    }
    out.lo = (r - out.hi) - w;
    out.n = n;
  }
  if (hx < 0) out = {-out.n, -out.hi, -out.lo};
  return out;
}

/** Largest |x| the medium reduction handles (high word of 2^19·π/2). */
constexpr int32_t kMediumReductionLimitHigh = 0x413921FB;

/** sin(x + y) for |x| <= ~π/4, y the tail of x; `has_tail` false when y is 0. */
double sinKernel(double x, double y, bool has_tail) {
  constexpr double S1 = -1.66666666666666324348e-01;      // 0xBFC55555 55555549
  constexpr double S2 = 8.33333333332248946124e-03;       // 0x3F811111 1110F8A6
  constexpr double S3 = -1.98412698298579493134e-04;      // 0xBF2A01A0 19C161D5
  constexpr double S4 = 2.75573137070700676789e-06;       // 0x3EC71DE3 57B1FE7D
  constexpr double S5 = -2.50507602534068634195e-08;      // 0xBE5AE5E6 8A2B9CEB
  constexpr double S6 = 1.58969099521155010221e-10;       // 0x3DE5D93A 5ACFD57C
  if ((highWord(x) & 0x7FFFFFFF) < 0x3E400000) return x;  // |x| < 2^-27
  const double z = x * x;
  const double v = z * x;
  const double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (!has_tail) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

/** cos(x + y) for |x| <= ~π/4, y the tail of x. */
double cosKernel(double x, double y) {
  constexpr double C1 = 4.16666666666666019037e-02;   // 0x3FA55555 5555554C
  constexpr double C2 = -1.38888888888741095749e-03;  // 0xBF56C16C 16C15177
  constexpr double C3 = 2.48015872894767294178e-05;   // 0x3EFA01A0 19CB1590
  constexpr double C4 = -2.75573143513906633035e-07;  // 0xBE927E4F 809C52AD
  constexpr double C5 = 2.08757232129817482790e-09;   // 0x3E21EE9E BDB4B1C4
  constexpr double C6 = -1.13596475577881948265e-11;  // 0xBDA8FAE9 BE8838D4
  const int32_t ix = highWord(x) & 0x7FFFFFFF;
  if (ix < 0x3E400000) return 1.0;  // |x| < 2^-27
  const double z = x * x;
  const double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3FD33333) return 1.0 - (0.5 * z - (z * r - x * y));  // |x| < 0.3
  // Subtract a quarter of x² (exactly) first, to lose less in the final subtraction.
  const double quarter = ix > 0x3FE90000 ? 0.28125 : fromHighWord(ix - 0x00200000);
  const double half_z_rest = 0.5 * z - quarter;
  const double one_rest = 1.0 - quarter;
  return one_rest - (half_z_rest - (z * r - x * y));
}

/** -1 / (x + r) to nearly full precision, w = x + r rounded. */
double negativeReciprocal(double x, double r, double w) {
  const double w_head = head(w);
  const double v = r - (w_head - x);  // w_head + v = x + r
  const double a = -1.0 / w;
  const double a_head = head(a);
  const double s = 1.0 + a_head * w_head;
  return a_head + a * (s + a_head * v);
}

/** tan(x + y) when `tangent`, else -1/tan(x + y); |x| <= ~π/4, y the tail of x. */
double tanKernel(double x, double y, bool tangent) {
  static constexpr double T[13] = {
      3.33333333333334091986e-01,   // 0x3FD55555 55555563
      1.33333333333201242699e-01,   // 0x3FC11111 1110FE7A
      5.39682539762260521377e-02,   // 0x3FABA1BA 1BB341FE
      2.18694882948595424599e-02,   // 0x3F9664F4 8406D637
      8.86323982359930005737e-03,   // 0x3F8226E3 E96E8493
      3.59207910759131235356e-03,   // 0x3F6D6D22 C9560328
      1.45620945432529025516e-03,   // 0x3F57DBC8 FEE08315
      5.88041240820264096874e-04,   // 0x3F4344D8 F2F26501
      2.46463134818469906812e-04,   // 0x3F3026F7 1A8D1068
      7.81794442939557092300e-05,   // 0x3F147E88 A03792A6
      7.14072491382608190305e-05,   // 0x3F12B80F 32F0A7E9
      -1.85586374855275456654e-05,  // 0xBEF375CB DB605373
      2.59073051863633712884e-05,   // 0x3EFB2A70 74BF7AD4
  };
  const int32_t hx = highWord(x);
  const int32_t ix = hx & 0x7FFFFFFF;
  if (ix < 0x3E300000) {  // |x| < 2^-28
    if (tangent) return x;
    if ((ix | lowWord(x)) == 0) return 1.0 / std::fabs(x);
    return negativeReciprocal(x, y, x + y);
  }
  // Above 0.6744, use tan(π/4 - x) = (1 - tan x) / (1 + tan x) with a smaller argument.
  const bool near_pi_over_4 = ix >= 0x3FE59428;
  if (near_pi_over_4) {
    if (hx < 0) {
      x = -x;
      y = -y;
    }
    x = (kPiOver4Hi - x) + (kPiOver4Lo - y);
    y = 0.0;
  }
  const double z = x * x;
  const double w = z * z;
  // x^5 (T1 + x²T2 + ...) split into the odd and even powers of w.
  const double odd = T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * (T[9] + w * T[11]))));
  const double even = z * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * (T[10] + w * T[12])))));
  const double s = z * x;
  double r = y + z * (s * (odd + even) + y);
  r += T[0] * s;
  const double sum = x + r;
  if (near_pi_over_4) {
    const double v = tangent ? 1.0 : -1.0;
    const double sign = hx < 0 ? -1.0 : 1.0;
    return sign * (v - 2.0 * (x - (sum * sum / (sum + v) - r)));
  }
  if (tangent) return sum;
  return negativeReciprocal(x, r, sum);
}

// The rational approximation of (asin(x) - x) / x³ shared by asin and acos: p(t) / q(t).
double asinRational(double t) {
  constexpr double pS0 = 1.66666666666666657415e-01;   // 0x3FC55555 55555555
  constexpr double pS1 = -3.25565818622400915405e-01;  // 0xBFD4D612 03EB6F7D
  constexpr double pS2 = 2.01212532134862925881e-01;   // 0x3FC9C155 0E884455
  constexpr double pS3 = -4.00555345006794114027e-02;  // 0xBFA48228 B5688F3B
  constexpr double pS4 = 7.91534994289814532176e-04;   // 0x3F49EFE0 7501B288
  constexpr double pS5 = 3.47933107596021167570e-05;   // 0x3F023DE1 0DFDF709
  constexpr double qS1 = -2.40339491173441421878e+00;  // 0xC0033A27 1C8A2D4B
  constexpr double qS2 = 2.02094576023350569471e+00;   // 0x40002AE5 9C598AC8
  constexpr double qS3 = -6.88283971605453293030e-01;  // 0xBFE6066C 1B8D0159
  constexpr double qS4 = 7.70381505559019352791e-02;   // 0x3FB3B8C5 B12E9282
  const double p = t * (pS0 + t * (pS1 + t * (pS2 + t * (pS3 + t * (pS4 + t * pS5)))));
  const double q = 1.0 + t * (qS1 + t * (qS2 + t * (qS3 + t * qS4)));
  return p / q;
}

/** sin(hi + lo + quadrant·π/2) for |hi + lo| <= ~π/4. */
double sinInQuadrant(int32_t quadrant, double hi, double lo) {
  switch (quadrant & 3) {
    case 0:
      return sinKernel(hi, lo, true);
    case 1:
      return cosKernel(hi, lo);
    case 2:
      return -sinKernel(hi, lo, true);
    default:
      return -cosKernel(hi, lo);
  }
}

}  // namespace

double sin(double x) {
  const int32_t ix = highWord(x) & 0x7FFFFFFF;
  if (ix <= kPiOver4High) return sinKernel(x, 0.0, false);
  if (ix >= kInfHigh) return x - x;
  if (ix > kMediumReductionLimitHigh) return std::sin(x);
  const Reduced y = reduceByHalfPi(x);
  return sinInQuadrant(y.n, y.hi, y.lo);
}

double cos(double x) {
  const int32_t ix = highWord(x) & 0x7FFFFFFF;
  if (ix <= kPiOver4High) return cosKernel(x, 0.0);
  if (ix >= kInfHigh) return x - x;
  if (ix > kMediumReductionLimitHigh) return std::cos(x);
  const Reduced y = reduceByHalfPi(x);
  return sinInQuadrant(y.n + 1, y.hi, y.lo);  // cos(a) = sin(a + π/2)
}

double tan(double x) {
  const int32_t ix = highWord(x) & 0x7FFFFFFF;
  if (ix <= kPiOver4High) return tanKernel(x, 0.0, true);
  if (ix >= kInfHigh) return x - x;
  if (ix > kMediumReductionLimitHigh) return std::tan(x);
  const Reduced y = reduceByHalfPi(x);
  return tanKernel(y.hi, y.lo, (y.n & 1) == 0);
}

double asin(double x) {
  const int32_t hx = highWord(x);
  const int32_t ix = hx & 0x7FFFFFFF;
  if (ix >= 0x3FF00000) {  // |x| >= 1
    if (((ix - 0x3FF00000) | static_cast<int32_t>(lowWord(x))) == 0) {
      return x * kPiOver2Hi + x * kPiOver2Lo;
    }
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (ix < 0x3FE00000) {                 // |x| < 0.5
    if (ix < 0x3E400000) return x;       // |x| < 2^-27
    return x + x * asinRational(x * x);  // x + x³·R(x²)
  }
  // asin(x) = π/2 - 2·asin(sqrt((1 - |x|) / 2))
  const double t = (1.0 - std::fabs(x)) * 0.5;
  const double ratio = asinRational(t);
  const double s = std::sqrt(t);
  double result = 0.0;
  if (ix >= 0x3FEF3333) {  // |x| > 0.975
    result = kPiOver2Hi - (2.0 * (s + s * ratio) - kPiOver2Lo);
  } else {
    const double s_head = head(s);
    const double correction = (t - s_head * s_head) / (s + s_head);  // s_head + it = sqrt(t)
    const double p = 2.0 * s * ratio - (kPiOver2Lo - 2.0 * correction);
    const double q = kPiOver4Hi - 2.0 * s_head;
    result = kPiOver4Hi - (p - q);
  }
  return hx > 0 ? result : -result;
}

double acos(double x) {
  const int32_t hx = highWord(x);
  const int32_t ix = hx & 0x7FFFFFFF;
  if (ix >= 0x3FF00000) {  // |x| >= 1
    if (((ix - 0x3FF00000) | static_cast<int32_t>(lowWord(x))) == 0) {
      return hx > 0 ? 0.0 : kPi + 2.0 * kPiOver2Lo;
    }
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (ix < 0x3FE00000) {  // |x| < 0.5: π/2 - asin(x)
    if (ix <= 0x3C600000) return kPiOver2Hi + kPiOver2Lo;
    return kPiOver2Hi - (x - (kPiOver2Lo - x * asinRational(x * x)));
  }
  if (hx < 0) {  // x < -0.5: π - 2·asin(sqrt((1 + x) / 2))
    const double z = (1.0 + x) * 0.5;
    const double ratio = asinRational(z);
    const double s = std::sqrt(z);
    const double w = ratio * s - kPiOver2Lo;
    return kPi - 2.0 * (s + w);
  }
  // x > 0.5: 2·asin(sqrt((1 - x) / 2)), the square root split into head and correction.
  const double z = (1.0 - x) * 0.5;
  const double s = std::sqrt(z);
  const double s_head = head(s);
  const double correction = (z - s_head * s_head) / (s + s_head);
  const double w = asinRational(z) * s + correction;
  return 2.0 * (s_head + w);
}

double atan(double x) {
  // atan of 0.5, 1, 1.5 and ∞, each as a head and a tail.
  static constexpr double kHi[4] = {
      4.63647609000806093515e-01,  // 0x3FDDAC67 0561BB4F
      7.85398163397448278999e-01,  // 0x3FE921FB 54442D18
      9.82793723247329054082e-01,  // 0x3FEF730B D281F69B
      1.57079632679489655800e+00,  // 0x3FF921FB 54442D18
  };
  static constexpr double kLo[4] = {
      2.26987774529616870924e-17,  // 0x3C7A2B7F 222F65E2
      3.06161699786838301793e-17,  // 0x3C81A626 33145C07
      1.39033110312309984516e-17,  // 0x3C700788 7AF0CBBD
      6.12323399573676603587e-17,  // 0x3C91A626 33145C07
  };
  static constexpr double aT[11] = {
      3.33333333333329318027e-01,   // 0x3FD55555 5555550D
      -1.99999999998764832476e-01,  // 0xBFC99999 9998EBC4
      1.42857142725034663711e-01,   // 0x3FC24924 920083FF
      -1.11111104054623557880e-01,  // 0xBFBC71C6 FE231671
      9.09088713343650656196e-02,   // 0x3FB745CD C54C206E
      -7.69187620504482999495e-02,  // 0xBFB3B0F2 AF749A6D
      6.66107313738753120669e-02,   // 0x3FB10D66 A0D03D51
      -5.83357013379057348645e-02,  // 0xBFADDE2D 52DEFD9A
      4.97687799461593236017e-02,   // 0x3FA97B4B 24760DEB
      -3.65315727442169155270e-02,  // 0xBFA2B444 2C6A6C2F
      1.62858201153657823623e-02,   // 0x3F90AD3A E322DA11
  };
  const int32_t hx = highWord(x);
  const int32_t ix = hx & 0x7FFFFFFF;
  if (ix >= 0x44100000) {  // |x| >= 2^66, or NaN
    if (std::isnan(x)) return x + x;
    return hx > 0 ? kHi[3] + kLo[3] : -kHi[3] - kLo[3];
  }
  // Reduce to a small argument around one of 0, 0.5, 1, 1.5 and ∞.
  int anchor = -1;
  if (ix < 0x3FDC0000) {            // |x| < 7/16
    if (ix < 0x3E400000) return x;  // |x| < 2^-27
  } else {
    x = std::fabs(x);
    if (ix < 0x3FE60000) {  // 7/16 <= |x| < 11/16
      anchor = 0;
      x = (2.0 * x - 1.0) / (2.0 + x);
    } else if (ix < 0x3FF30000) {  // 11/16 <= |x| < 19/16
      anchor = 1;
      x = (x - 1.0) / (x + 1.0);
    } else if (ix < 0x40038000) {  // 19/16 <= |x| < 39/16
      anchor = 2;
      x = (x - 1.5) / (1.0 + 1.5 * x);
    } else {
      anchor = 3;
      x = -1.0 / x;
    }
  }
  const double z = x * x;
  const double w = z * z;
  // The series' odd and even terms in w.
  const double s1 =
      z * (aT[0] + w * (aT[2] + w * (aT[4] + w * (aT[6] + w * (aT[8] + w * aT[10])))));
  const double s2 = w * (aT[1] + w * (aT[3] + w * (aT[5] + w * (aT[7] + w * aT[9]))));
  if (anchor < 0) return x - x * (s1 + s2);
  const double result = kHi[anchor] - ((x * (s1 + s2) - kLo[anchor]) - x);
  return hx < 0 ? -result : result;
}

double atan2(double y, double x) {
  constexpr double kPiOver4 = 7.8539816339744827900e-01;  // 0x3FE921FB 54442D18
  if (std::isnan(x) || std::isnan(y)) return x + y;
  if (x == 1.0) return atan(y);
  const bool y_negative = std::signbit(y);
  const bool x_negative = std::signbit(x);
  const auto in_quadrant = [&](double angle_from_positive_x) {
    // angle_from_positive_x in [0, π/2]: the angle of (|x|, |y|).
    double angle = angle_from_positive_x;
    if (x_negative) angle = kPi - (angle - kPiLo);
    return y_negative ? -angle : angle;
  };
  if (y == 0.0) {
    if (!x_negative) return y;
    return y_negative ? -kPi : kPi;
  }
  if (x == 0.0) return y_negative ? -kPiOver2Hi : kPiOver2Hi;
  if (std::isinf(x)) {
    if (std::isinf(y)) {
      const double angle = x_negative ? 3.0 * kPiOver4 : kPiOver4;
      return y_negative ? -angle : angle;
    }
    const double angle = x_negative ? kPi : 0.0;
    return y_negative ? -angle : angle;
  }
  if (std::isinf(y)) return y_negative ? -kPiOver2Hi : kPiOver2Hi;

  const int32_t exponent_gap = ((highWord(y) & 0x7FFFFFFF) - (highWord(x) & 0x7FFFFFFF)) >> 20;
  if (exponent_gap > 60) {  // |y/x| > 2^60: ±π/2 whichever the sign of x
    const double angle = kPiOver2Hi + 0.5 * kPiLo;
    return y_negative ? -angle : angle;
  }
  if (x_negative && exponent_gap < -60) return in_quadrant(0.0);
  return in_quadrant(atan(std::fabs(y / x)));
}

}  // namespace stac2h3::h3::detail::fdlibm
