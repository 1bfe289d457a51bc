/** @file bench_synth.cpp
 * @brief The synth scale benchmark: a global month and a global year of synthetic items,
 * streamed (no file) and formatted as NDJSON in memory. Reports items/s, wall time (setup =
 * tile catalog + swath coverage, then generation), peak memory and the NDJSON size.
 *
 * Run: build/<dir>/bench/bench_synth (one process per span for a clean peak memory:
 *   --benchmark_filter=/30/ and /365/).
 */
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>

#include "stac/utc_time.h"
#include "synth/land_mask.h"
#include "synth/ndjson_writer.h"
#include "synth/synthesizer.h"

namespace {

using namespace stac2h3;

double peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void BM_SynthGlobal(benchmark::State& state) {
  const stac::UtcDay first = *stac::parseUtcDay("2025-01-01");
  const stac::UtcDay last = first + state.range(0) - 1;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const synth::Synthesizer synthesizer(synth::readLandPolygons(synth::defaultLandPath()), nullptr,
                                         1);
    const double setup = since(start);
    const auto generate_start = std::chrono::steady_clock::now();
    std::string buffer;
    uint64_t ndjson_bytes = 0;
    const int64_t items = synthesizer.generate(first, last, [&](std::vector<stac::Item>& batch) {
      for (const stac::Item& item : batch) {
        buffer.clear();
        synth::appendItemJson(item, 1, buffer);
        ndjson_bytes += buffer.size() + 1;
      }
    });
    const double generate = since(generate_start);
    const double wall = since(start);
    state.counters["tiles"] = static_cast<double>(synthesizer.tiles().size());
    state.counters["items"] = static_cast<double>(items);
    state.counters["items_per_s"] = static_cast<double>(items) / wall;
    state.counters["setup_s"] = setup;
    state.counters["generate_format_s"] = generate;
    state.counters["wall_s"] = wall;
    state.counters["ndjson_MB"] = static_cast<double>(ndjson_bytes) / 1e6;
    state.counters["peak_rss_MB"] = peakRssMb();
  }
}
BENCHMARK(BM_SynthGlobal)
    ->Arg(30)
    ->Arg(365)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
