/** @file bench_resample.cpp
 * @brief The global-year benchmark of the resampler: synthetic Sentinel-2-like items for the
 * whole globe (src/synth, streamed, no file) resampled onto H3 at res 3 and 5 and written as
 * the Zarr cube. Reports items/s, wall time per phase, peak memory and cube size.
 *
 * Run one resolution per process so that the peak memory is that run's:
 *   bench_resample --benchmark_filter='/3$'   (and '/5$')
 * STAC2H3_BENCH_DAYS (default 365) shortens the span; STAC2H3_BENCH_OUT (default the temp
 * directory) is where the cube goes (removed afterwards).
 */
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "resample/exact_cell_areas.h"
#include "resample/resampler.h"
#include "store/zarr_cube_writer.h"
#include "synth/land_mask.h"
#include "synth/synthesizer.h"

namespace {

using namespace stac2h3;
namespace fs = std::filesystem;

int benchDays() {
  const char* days = std::getenv("STAC2H3_BENCH_DAYS");
  return days != nullptr ? std::atoi(days) : 365;
}

fs::path benchOut() {
  const char* out = std::getenv("STAC2H3_BENCH_OUT");
  return out != nullptr ? fs::path(out) : fs::temp_directory_path();
}

double peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

uint64_t directorySize(const fs::path& dir) {
  uint64_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void BM_ResampleGlobalSynthetic(benchmark::State& state) {
  const int res = static_cast<int>(state.range(0));
  const stac::UtcDay first = *stac::parseUtcDay("2024-01-01");
  const stac::UtcDay last = first + benchDays() - 1;
  const synth::Synthesizer synthesizer(synth::readLandPolygons(synth::defaultLandPath()), nullptr,
                                       1);
  const fs::path cube = benchOut() / ("stac2h3_bench_res" + std::to_string(res) + ".zarr");
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const store::CubeLayout layout = store::defaultCubeLayout();
    resample::ResampleOptions options;
    options.resolution = res;
    options.block_days = layout.time_chunk;
    resample::Resampler resampler(options, resample::exactCellAreas());
    const int64_t items = synthesizer.generate(first, last, [&](std::vector<stac::Item>& batch) {
      for (const auto& item : batch) resampler.add(item);
    });
    const double generate_seconds = since(start);
    const auto prepare_start = std::chrono::steady_clock::now();
    const store::CubeDescription description = resampler.prepare();
    const double prepare_seconds = since(prepare_start);
    const auto run_start = std::chrono::steady_clock::now();
    {
      store::ZarrCubeWriter writer(cube, description, layout, true);
      resampler.run([&](const store::CubeBlock& block) { writer.write(block); });
      writer.close();
    }
    const double run_seconds = since(run_start);
    const double wall = since(start);
    const auto& stats = resampler.stats();
    state.counters["items"] = static_cast<double>(items);
    state.counters["items_per_s"] = static_cast<double>(items) / wall;
    state.counters["wall_s"] = wall;
    state.counters["generate_add_s"] = generate_seconds;
    state.counters["prepare_s"] = prepare_seconds;
    state.counters["overlaps_wait_s"] = stats.overlap_seconds;
    state.counters["overlaps_cpu_s"] = stats.overlap_cpu_seconds;
    state.counters["dedupe_s"] = stats.dedupe_seconds;
    state.counters["accumulate_s"] = stats.accumulate_seconds;
    state.counters["write_s"] = stats.sink_seconds;
    state.counters["run_s"] = run_seconds;
    state.counters["footprints"] = static_cast<double>(stats.distinct_footprints);
    state.counters["cells"] = static_cast<double>(description.cells.size());
    state.counters["cell_days"] = static_cast<double>(stats.cell_days);
    state.counters["peak_rss_MB"] = peakRssMb();
    state.counters["cube_MB"] = static_cast<double>(directorySize(cube)) / 1e6;
  }
  fs::remove_all(cube);
}
BENCHMARK(BM_ResampleGlobalSynthetic)
    ->Arg(3)
    ->Arg(5)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
