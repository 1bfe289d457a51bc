/** @file noise.cpp
 * @brief Hash-based randomness and value noise (see noise.h).
 */
#include "synth/noise.h"

#include <cmath>
#include <numbers>

namespace stac2h3::synth {
namespace {

uint64_t splitMix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

double smoothstep(double t) {
  return t * t * (3.0 - 2.0 * t);
}

/** A lattice value in [-1, 1]. */
double latticeValue(uint64_t seed, int64_t i, int64_t j, int64_t k, int64_t l) {
  const uint64_t space =
      hashKeys(seed, static_cast<uint64_t>(i), static_cast<uint64_t>(j), static_cast<uint64_t>(k));
  return unitInterval(splitMix(space ^ static_cast<uint64_t>(l))) * 2.0 - 1.0;
}

}  // namespace

uint64_t hashKeys(uint64_t seed, uint64_t a, uint64_t b, uint64_t c) {
  uint64_t h = splitMix(seed);
  h = splitMix(h ^ a);
  h = splitMix(h ^ b);
  return splitMix(h ^ c);
}

double unitInterval(uint64_t hash) {
  return static_cast<double>(hash >> 11) * 0x1.0p-53;
}

uint64_t textKey(const char* text, size_t length) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < length; ++i) {
    h ^= static_cast<unsigned char>(text[i]);
    h *= 0x100000001b3ULL;
  }
  return h;
}

double valueNoise(uint64_t seed, geo::LonLat point, double spacing_km, double days,
                  double period_days) {
  constexpr double kEarthRadiusKm = 6371.0;
  constexpr double kDeg = std::numbers::pi / 180.0;
  const double scale = kEarthRadiusKm / spacing_km;
  const double c = std::cos(point.lat * kDeg);
  const double p[4] = {scale * c * std::cos(point.lon * kDeg),
                       scale * c * std::sin(point.lon * kDeg), scale * std::sin(point.lat * kDeg),
                       days / period_days};
  int64_t base[4];
  double weight[4];
  for (int d = 0; d < 4; ++d) {
    const double f = std::floor(p[d]);
    base[d] = static_cast<int64_t>(f);
    weight[d] = smoothstep(p[d] - f);
  }
  double sum = 0.0;
  for (int corner = 0; corner < 16; ++corner) {
    double w = 1.0;
    int64_t at[4];
    for (int d = 0; d < 4; ++d) {
      const int bit = (corner >> d) & 1;
      at[d] = base[d] + bit;
      w *= bit ? weight[d] : 1.0 - weight[d];
    }
    sum += w * latticeValue(seed, at[0], at[1], at[2], at[3]);
  }
  return sum;
}

}  // namespace stac2h3::synth
