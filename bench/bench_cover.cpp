/** @file bench_cover.cpp
 * @brief polygonCover and cellOverlaps of a Sentinel-2-sized (110 km) square at res 3, 5, 7.
 */
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>

#include "geo/cover.h"
#include "geo/sphere_coords.h"

namespace {

using stac2h3::geo::MultiPolygon;

/** A 110 km square with geodesic edges centred at (lon, lat), like a Sentinel-2 tile. */
MultiPolygon tile(double lon, double lat) {
  using namespace stac2h3::geo;
  const Vec3 c = toVec3(LonLat{lon, lat});
  const Vec3 east = normalized(cross(Vec3{0, 0, 1}, c));
  const Vec3 north = cross(c, east);
  const double radius = 55.0 * std::numbers::sqrt2 / stac2h3::h3::kEarthRadiusKm;
  Ring ring;
  for (int k = 0; k < 4; ++k) {
    const double theta = (12.0 + 45.0 + 90.0 * k) * std::numbers::pi / 180.0;
    ring.push_back(toLonLat(std::cos(radius) * c +
                            std::sin(radius) * (std::cos(theta) * east + std::sin(theta) * north)));
  }
  return {{Polygon{ring, {}}}};
}

void BM_PolygonCover(benchmark::State& state) {
  const MultiPolygon footprint = tile(11.3, 47.8);
  const int res = static_cast<int>(state.range(0));
  size_t cells = 0;
  for (auto _ : state) {
    auto cover = stac2h3::geo::polygonCover(footprint, res);
    cells = cover.size();
    benchmark::DoNotOptimize(cover);
  }
  state.counters["cells"] = static_cast<double>(cells);
}
BENCHMARK(BM_PolygonCover)->Arg(3)->Arg(5)->Arg(7)->Unit(benchmark::kMicrosecond);

void BM_CellOverlaps(benchmark::State& state) {
  const MultiPolygon footprint = tile(11.3, 47.8);
  const int res = static_cast<int>(state.range(0));
  size_t cells = 0;
  for (auto _ : state) {
    auto overlaps = stac2h3::geo::cellOverlaps(footprint, res);
    cells = overlaps.size();
    benchmark::DoNotOptimize(overlaps);
  }
  state.counters["cells"] = static_cast<double>(cells);
}
BENCHMARK(BM_CellOverlaps)->Arg(3)->Arg(5)->Arg(7)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
