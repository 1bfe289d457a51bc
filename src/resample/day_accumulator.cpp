/** @file day_accumulator.cpp
 * @brief One day's area-weighted sums (see day_accumulator.h).
 */
#include "resample/day_accumulator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace stac2h3::resample {

DayAccumulator::DayAccumulator(size_t num_cells, size_t num_values)
    : num_values_(num_values),
      area_(num_cells, 0.0),
      items_(num_cells, 0),
      weight_(num_cells * num_values, 0.0),
      weighted_(num_cells * num_values, 0.0) {}

void DayAccumulator::add(uint32_t cell, double area_km2, std::span<const float> values) {
  if (items_[cell] == 0) touched_.push_back(cell);
  ++items_[cell];
  area_[cell] += area_km2;
  double* weight = &weight_[cell * num_values_];
  double* weighted = &weighted_[cell * num_values_];
  for (size_t v = 0; v < num_values_; ++v) {
    if (std::isnan(values[v])) continue;
    weight[v] += area_km2;
    weighted[v] += area_km2 * static_cast<double>(values[v]);
  }
}

int64_t DayAccumulator::finish(store::CubeBlock& block, int32_t day_in_block,
                               std::span<const double> cell_area_km2) {
  constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
  const size_t row = static_cast<size_t>(day_in_block) * static_cast<size_t>(block.num_cells);
  std::vector<float>& obs_fraction = block.obsFraction();
  for (uint32_t cell : touched_) {
    const size_t at = row + cell;
    double* weight = &weight_[cell * num_values_];
    double* weighted = &weighted_[cell * num_values_];
    for (size_t v = 0; v < num_values_; ++v) {
      block.floats[v][at] = weight[v] > 0 ? static_cast<float>(weighted[v] / weight[v]) : kNaN;
      weight[v] = 0.0;
      weighted[v] = 0.0;
    }
    obs_fraction[at] = static_cast<float>(area_[cell] / cell_area_km2[cell]);
    block.n_items[at] = static_cast<uint16_t>(
        std::min<uint32_t>(items_[cell], std::numeric_limits<uint16_t>::max()));
    area_[cell] = 0.0;
    items_[cell] = 0;
  }
  const auto touched = static_cast<int64_t>(touched_.size());
  touched_.clear();
  return touched;
}

}  // namespace stac2h3::resample
