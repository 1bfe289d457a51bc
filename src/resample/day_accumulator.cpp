/** @file day_accumulator.cpp
 * @brief One day's area-weighted sums over a tile of cells (see day_accumulator.h).
 */
#include "resample/day_accumulator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace stac2h3::resample {

void DayAccumulator::reset(uint32_t first_cell, uint32_t num_cells, size_t num_values) {
  first_cell_ = first_cell;
  num_cells_ = num_cells;
  const size_t stride = 1 + 2 * num_values;
  // finish() leaves every sum 0: memory of the same stride and enough cells is kept as it is.
  if (items_.size() >= num_cells && stride_ == stride) return;
  stride_ = stride;
  sums_.assign(std::max<size_t>(num_cells, kTileCells) * stride_, 0.0);
  items_.assign(std::max<size_t>(num_cells, kTileCells), 0);
}

int64_t DayAccumulator::finish(store::CubeBlock& block, int32_t day_in_block,
                               std::span<const double> cell_area_km2) {
  constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
  const size_t num_values = (stride_ - 1) / 2;
  const size_t row = static_cast<size_t>(day_in_block) * static_cast<size_t>(block.num_cells) +
                     (first_cell_ - static_cast<size_t>(block.first_cell));
  std::vector<float*> values(num_values);
  for (size_t v = 0; v < num_values; ++v) values[v] = block.floats[v].data() + row;
  float* obs_fraction = block.obsFraction().data() + row;
  uint16_t* n_items = block.n_items.data() + row;
  const double* area = cell_area_km2.data() + first_cell_;
  // The fill first, with wide stores; then the cells the day touched (a third of them, in
  // runs along the swaths), each computed and its sums cleared.
  for (size_t v = 0; v < num_values; ++v) std::fill_n(values[v], num_cells_, kNaN);
  std::fill_n(obs_fraction, num_cells_, kNaN);
  std::fill_n(n_items, num_cells_, uint16_t{0});
  int64_t touched = 0;
  for (size_t cell = 0; cell < num_cells_; ++cell) {
    if (items_[cell] == 0) continue;
    ++touched;
    double* sums = &sums_[cell * stride_];
    for (size_t v = 0; v < num_values; ++v) {
      const double weight = sums[1 + 2 * v];
      if (weight > 0) values[v][cell] = static_cast<float>(sums[2 + 2 * v] / weight);
    }
    obs_fraction[cell] = static_cast<float>(sums[0] / area[cell]);
    n_items[cell] = static_cast<uint16_t>(
        std::min<uint32_t>(items_[cell], std::numeric_limits<uint16_t>::max()));
    std::fill_n(sums, stride_, 0.0);
    items_[cell] = 0;
  }
  return touched;
}

}  // namespace stac2h3::resample
