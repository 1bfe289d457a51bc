/** @file day_accumulator.cpp
 * @brief One day's area-weighted sums (see day_accumulator.h).
 */
#include "resample/day_accumulator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace stac2h3::resample {

DayAccumulator::DayAccumulator(size_t num_cells, size_t num_values)
    : stride_(1 + 2 * num_values), sums_(num_cells * stride_, 0.0), items_(num_cells, 0) {}

void DayAccumulator::resize(size_t num_cells, size_t num_values) {
  if (items_.size() == num_cells && stride_ == 1 + 2 * num_values) return;
  stride_ = 1 + 2 * num_values;
  sums_.assign(num_cells * stride_, 0.0);
  items_.assign(num_cells, 0);
}

int64_t DayAccumulator::finish(store::CubeBlock& block, int32_t day_in_block,
                               std::span<const double> cell_area_km2) {
  constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
  const size_t num_values = (stride_ - 1) / 2;
  const size_t row = static_cast<size_t>(day_in_block) * static_cast<size_t>(block.num_cells);
  std::vector<float*> values(num_values);
  for (size_t v = 0; v < num_values; ++v) values[v] = block.floats[v].data() + row;
  float* obs_fraction = block.obsFraction().data() + row;
  uint16_t* n_items = block.n_items.data() + row;
  // The whole row in cell order: sequential writes, and no separate pass to fill it first.
  int64_t touched = 0;
  for (size_t cell = 0; cell < items_.size(); ++cell) {
    if (items_[cell] == 0) {
      for (size_t v = 0; v < num_values; ++v) values[v][cell] = kNaN;
      obs_fraction[cell] = kNaN;
      n_items[cell] = 0;
      continue;
    }
    ++touched;
    double* sums = &sums_[cell * stride_];
    for (size_t v = 0; v < num_values; ++v) {
      const double weight = sums[1 + 2 * v];
      values[v][cell] = weight > 0 ? static_cast<float>(sums[2 + 2 * v] / weight) : kNaN;
    }
    obs_fraction[cell] = static_cast<float>(sums[0] / cell_area_km2[cell]);
    n_items[cell] = static_cast<uint16_t>(
        std::min<uint32_t>(items_[cell], std::numeric_limits<uint16_t>::max()));
    std::fill_n(sums, stride_, 0.0);
    items_[cell] = 0;
  }
  return touched;
}

}  // namespace stac2h3::resample
