/** @file bench_serve.cpp
 * @brief Zone-data throughput of `stac2h3 serve` over HTTP (an in-process server and
 * cpp-httplib client on the loopback), the viewer's requests (f=bin, one property, mean)
 * for a 30-day window: the whole globe at level 3 (one request per res-0 zone, zone-depth 3)
 * and one res-0 zone at level 5 (zone-depth 5). Counters: cell_values/s (cells returned
 * times properties), cells per pass.
 * The store is $STAC2H3_BENCH_PYRAMID (a pyramid with levels 3 and 5, e.g. from
 * bench/serve.sh); the benchmarks are skipped without it.
 */
#include <benchmark/benchmark.h>
#include <httplib.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <thread>

#include "h3/h3.h"
#include "plot/time_window.h"
#include "serve/cube_levels.h"
#include "serve/server.h"

namespace {

using stac2h3::serve::CubeLevels;
using stac2h3::serve::Server;

/** The server over $STAC2H3_BENCH_PYRAMID, started once. */
struct Running {
  std::unique_ptr<CubeLevels> cube;
  std::unique_ptr<Server> server;
  std::thread thread;
  int port = 0;
  std::string window;  // the cube's first 30 days, A/B
  ~Running() {
    server->stop();
    thread.join();
  }
};

Running* running() {
  static std::unique_ptr<Running> instance = [] {
    const char* path = std::getenv("STAC2H3_BENCH_PYRAMID");
    if (!path) return std::unique_ptr<Running>();
    auto r = std::make_unique<Running>();
    r->cube = std::make_unique<CubeLevels>(path);
    r->server = std::make_unique<Server>(*r->cube);
    r->port = r->server->bind("127.0.0.1", 0);
    r->thread = std::thread([server = r->server.get()] { server->run(); });
    const auto& days = r->cube->finest().cube->days();
    r->window =
        stac2h3::plot::formatDay(days.front()) + "/" + stac2h3::plot::formatDay(days.front() + 29);
    return r;
  }();
  return instance.get();
}

/** GETs zone data for `zones` at `depth`; returns the cells received. */
size_t fetchZones(Running& r, httplib::Client& client, const std::vector<uint64_t>& zones,
                  int depth, benchmark::State& state) {
  size_t cells = 0;
  for (const uint64_t zone : zones) {
    const auto response =
        client.Get("/collections/cube/dggs/H3/zones/" + stac2h3::h3::cellToString(zone) +
                   "/data?zone-depth=" + std::to_string(depth) + "&datetime=" + r.window +
                   "&properties=cloud_cover&agg=mean&f=bin");
    if (!response || response->status != 200) {
      state.SkipWithError("a zone-data request failed");
      return cells;
    }
    uint32_t n = 0;
    std::memcpy(&n, response->body.data() + 4, sizeof n);
    cells += n;
  }
  return cells;
}

void run(benchmark::State& state, const std::vector<uint64_t>& zones, int depth, int level) {
  Running* r = running();
  if (!r) {
    state.SkipWithError("set STAC2H3_BENCH_PYRAMID to a pyramid store");
    return;
  }
  if (!r->cube->find(level)) {
    state.SkipWithError("the store lacks a level the benchmark reads");
    return;
  }
  httplib::Client client("127.0.0.1", r->port);
  client.set_keep_alive(true);
  size_t cells = 0;
  for (auto _ : state) cells = fetchZones(*r, client, zones, depth, state);
  state.counters["cells"] = static_cast<double>(cells);
  state.counters["cell_values/s"] =
      benchmark::Counter(static_cast<double>(cells) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

void BM_GlobeAtLevel3_30Days(benchmark::State& state) {
  run(state, stac2h3::h3::res0Cells(), 3, 3);
}
BENCHMARK(BM_GlobeAtLevel3_30Days)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Res0ZoneAtLevel5_30Days(benchmark::State& state) {
  // Base cell 15 (801ffffffffffff, central Europe): mostly land, so most cells observed.
  run(state, {0x801ffffffffffffULL}, 5, 5);
}
BENCHMARK(BM_Res0ZoneAtLevel5_30Days)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
