/** @file bench_h3.cpp
 * @brief Google Benchmark of the H3 core's hot functions: latLngToCell, cellToLatLng and
 * cellToBoundary at resolutions 3 and 9, over fixed random points.
 */
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <vector>

#include "h3/h3.h"

namespace {

using namespace stac2h3::h3;

/** 4096 points uniform on the sphere (radians), fixed seed. */
const std::vector<LatLng>& points() {
  static const std::vector<LatLng> kPoints = [] {
    std::mt19937_64 rng(2024);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<LatLng> out(4096);
    for (auto& p : out) p = {std::asin(2.0 * unit(rng) - 1.0), (2.0 * unit(rng) - 1.0) * M_PI};
    return out;
  }();
  return kPoints;
}

std::vector<Cell> cellsAt(int res) {
  std::vector<Cell> out;
  for (const LatLng& p : points()) {
    Cell c = 0;
    latLngToCell(p, res, c);
    out.push_back(c);
  }
  return out;
}

void BM_LatLngToCell(benchmark::State& state) {
  const int res = static_cast<int>(state.range(0));
  const auto& pts = points();
  size_t i = 0;
  for (auto _ : state) {
    Cell c = 0;
    latLngToCell(pts[i++ & 4095], res, c);
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_LatLngToCell)->Arg(3)->Arg(9);

void BM_CellToLatLng(benchmark::State& state) {
  const auto cells = cellsAt(static_cast<int>(state.range(0)));
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(cellToLatLng(cells[i++ & 4095]));
}
BENCHMARK(BM_CellToLatLng)->Arg(3)->Arg(9);

void BM_CellToBoundary(benchmark::State& state) {
  const auto cells = cellsAt(static_cast<int>(state.range(0)));
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(cellToBoundary(cells[i++ & 4095]));
}
BENCHMARK(BM_CellToBoundary)->Arg(3)->Arg(9);

}  // namespace

BENCHMARK_MAIN();
