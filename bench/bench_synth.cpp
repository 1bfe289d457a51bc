/** @file bench_synth.cpp
 * @brief The synth scale benchmark: a global month and a global year of synthetic items,
 * streamed and formatted as NDJSON in memory (BM_SynthGlobal/30, /365), and a global month
 * written to files (BM_SynthMonthFiles: NDJSON and the items GeoPackage). Reports items/s,
 * wall and CPU time (setup = land + tile catalog + swath coverage, then generation), peak
 * memory and output sizes.
 *
 * Run one process per case for a clean peak memory:
 *   build/<dir>/bench/bench_synth --benchmark_filter=Global/30
 *   build/<dir>/bench/bench_synth --benchmark_filter=Global/365
 *   build/<dir>/bench/bench_synth --benchmark_filter=MonthFiles
 */
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>

#include "stac/utc_time.h"
#include "store/items_gpkg.h"
#include "synth/land_mask.h"
#include "synth/ndjson_writer.h"
#include "synth/scene_model.h"
#include "synth/synthesizer.h"

namespace {

using namespace stac2h3;
using Clock = std::chrono::steady_clock;

double peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

/** User + system CPU seconds of this process so far. */
double cpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

synth::Synthesizer globalSynthesizer() {
  return synth::Synthesizer(synth::readLandPolygons(synth::defaultLandPath()), nullptr, 1);
}

void BM_SynthGlobal(benchmark::State& state) {
  const stac::UtcDay first = *stac::parseUtcDay("2025-01-01");
  const stac::UtcDay last = first + state.range(0) - 1;
  for (auto _ : state) {
    const double cpu_start = cpuSeconds();
    const auto start = Clock::now();
    const synth::Synthesizer synthesizer = globalSynthesizer();
    const double setup = since(start);
    const double setup_cpu = cpuSeconds() - cpu_start;
    const auto generate_start = Clock::now();
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
    state.counters["setup_cpu_s"] = setup_cpu;
    state.counters["generate_format_s"] = generate;
    state.counters["wall_s"] = wall;
    state.counters["cpu_s"] = cpuSeconds() - cpu_start;
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

/** A global month (June 2025) written as `stac2h3 synth` writes it, to NDJSON and to the
 * items GeoPackage, one Synthesizer for both. */
void BM_SynthMonthFiles(benchmark::State& state) {
  const stac::UtcDay first = *stac::parseUtcDay("2025-06-01");
  const stac::UtcDay last = first + 29;
  const auto dir = std::filesystem::temp_directory_path() / "stac2h3_bench_synth";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (auto _ : state) {
    const synth::Synthesizer synthesizer = globalSynthesizer();
    auto start = Clock::now();
    int64_t items = 0;
    {
      synth::NdjsonWriter ndjson(dir / "month.ndjson", 1);
      items = synthesizer.generate(first, last,
                                   [&](std::vector<stac::Item>& batch) { ndjson.write(batch); });
      ndjson.close();
    }
    const double ndjson_wall = since(start);
    start = Clock::now();
    {
      store::ItemsWriter gpkg(dir / "month.gpkg", synth::otherPercentageKeys());
      synthesizer.generate(first, last, [&](std::vector<stac::Item>& batch) { gpkg.write(batch); });
    }
    const double gpkg_wall = since(start);
    state.counters["items"] = static_cast<double>(items);
    state.counters["ndjson_write_s"] = ndjson_wall;
    state.counters["ndjson_items_per_s"] = static_cast<double>(items) / ndjson_wall;
    state.counters["ndjson_MB"] =
        static_cast<double>(std::filesystem::file_size(dir / "month.ndjson")) / 1e6;
    state.counters["gpkg_write_s"] = gpkg_wall;
    state.counters["gpkg_items_per_s"] = static_cast<double>(items) / gpkg_wall;
    state.counters["gpkg_MB"] =
        static_cast<double>(std::filesystem::file_size(dir / "month.gpkg")) / 1e6;
    state.counters["peak_rss_MB"] = peakRssMb();
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_SynthMonthFiles)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
