/** @file day_accumulator.cpp
 * @brief One day's area-weighted sums (see day_accumulator.h).
 */
#include "resample/day_accumulator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace stac2h3::resample {

DayAccumulator::DayAccumulator(size_t num_cells) : sums_(num_cells) {}

void DayAccumulator::add(uint32_t cell, double area_km2,
                         const std::array<float, stac::kNumValues>& values) {
  CellSums& sums = sums_[cell];
  if (sums.items == 0) touched_.push_back(cell);
  ++sums.items;
  sums.area += area_km2;
  for (int v = 0; v < stac::kNumValues; ++v) {
    if (std::isnan(values[v])) continue;
    sums.weight[v] += area_km2;
    sums.weighted[v] += area_km2 * static_cast<double>(values[v]);
  }
}

int64_t DayAccumulator::finish(store::CubeBlock& block, int32_t day_in_block,
                               std::span<const double> cell_area_km2) {
  constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
  constexpr int kObsFraction = stac::kNumValues;  // the variable after the six values
  const size_t row = static_cast<size_t>(day_in_block) * static_cast<size_t>(block.num_cells);
  for (uint32_t cell : touched_) {
    CellSums& sums = sums_[cell];
    const size_t at = row + cell;
    for (int v = 0; v < stac::kNumValues; ++v) {
      block.floats[v][at] =
          sums.weight[v] > 0 ? static_cast<float>(sums.weighted[v] / sums.weight[v]) : kNaN;
    }
    block.floats[kObsFraction][at] = static_cast<float>(sums.area / cell_area_km2[cell]);
    block.n_items[at] =
        static_cast<uint16_t>(std::min<uint32_t>(sums.items, std::numeric_limits<uint16_t>::max()));
    sums = CellSums{};
  }
  const auto touched = static_cast<int64_t>(touched_.size());
  touched_.clear();
  return touched;
}

}  // namespace stac2h3::resample
