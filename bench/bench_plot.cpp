/** @file bench_plot.cpp
 * @brief Plot rendering on the global resolution-3 grid (41,162 cells): one 1024 px frame
 * to PNG (goal < 0.3 s), and a year of 52 weekly frames to an animated GIF (its size is
 * reported as a counter; goal < ~10 MB). The page's size and time to first render in
 * Chromium: bench/bench_plot_page.mjs.
 */
#include <benchmark/benchmark.h>

#include <cmath>
#include <filesystem>

#include "h3/h3.h"
#include "plot/gif_writer.h"
#include "plot/globe_renderer.h"

namespace {

using namespace stac2h3;

std::vector<uint64_t> globalCells(int res) {
  std::vector<uint64_t> cells;
  std::vector<h3::Cell> children;
  for (const h3::Cell base : h3::res0Cells()) {
    h3::cellToChildren(base, res, children);
    cells.insert(cells.end(), children.begin(), children.end());
  }
  return cells;
}

/** A smooth field that moves from week to week, NaN over a third of the cells (as the
 * oceans are in a real cube). */
std::vector<float> weekValues(const std::vector<uint64_t>& cells, int week) {
  std::vector<float> values(cells.size());
  for (size_t c = 0; c < cells.size(); ++c) {
    const h3::LatLng centre = h3::cellToLatLng(cells[c]);
    const double v = 50.0 + 45.0 * std::sin(2.0 * centre.lng + 0.3 * week) * std::cos(centre.lat);
    values[c] =
        std::sin(3.0 * centre.lng) * std::cos(2.0 * centre.lat) > 0.5 ? NAN : static_cast<float>(v);
  }
  return values;
}

const std::filesystem::path kOut = std::filesystem::temp_directory_path();

void BM_PngFrameGlobalRes3(benchmark::State& state) {
  const auto cells = globalCells(3);
  const auto values = weekValues(cells, 0);
  const plot::GlobeRenderer renderer(cells, 1024);
  const plot::Colormap colormap("blues");
  for (auto _ : state) {
    renderer
        .render(values, {0.0, 100.0}, colormap, {10.0, 20.0},
                {"cloud_cover, mean", "2024-01-01", "%"})
        .writePng(kOut / "bench_plot_frame.png");
  }
  state.counters["cells"] = static_cast<double>(cells.size());
}
BENCHMARK(BM_PngFrameGlobalRes3)->Unit(benchmark::kMillisecond);

void BM_GifYearOfWeeksGlobalRes3(benchmark::State& state) {
  const auto cells = globalCells(3);
  std::vector<std::vector<float>> weeks;
  for (int week = 0; week < 52; ++week) weeks.push_back(weekValues(cells, week));
  const plot::GlobeRenderer renderer(cells, 1024);
  const plot::Colormap colormap("blues", plot::kGifColormapLevels);
  const auto path = kOut / "bench_plot_year.gif";
  for (auto _ : state) {
    plot::GifWriter gif(path, 1024, 1024, colormap, 60);
    for (int week = 0; week < 52; ++week) {
      gif.addFrame(
          renderer.render(weeks[static_cast<size_t>(week)], {0.0, 100.0}, colormap, {10.0, 20.0},
                          {"cloud_cover, mean", "week " + std::to_string(week + 1), "%"}, false));
    }
    gif.close();
  }
  state.counters["gif_MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
}
BENCHMARK(BM_GifYearOfWeeksGlobalRes3)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
