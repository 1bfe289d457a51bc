/** @file day_accumulator.h
 * @brief The sums of one day over the cube's cells: Σ a_i, Σ a_i per value over the items
 * whose value is not NULL, Σ a_i·v_i, and the item count; turned into the cube's values.
 */
#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "store/cube_block.h"

namespace stac2h3::resample {

class DayAccumulator {
 public:
  /**
   * @param num_cells   the cube's cell count (indices 0..num_cells-1).
   * @param num_values  the cube's value variables.
   */
  explicit DayAccumulator(size_t num_cells = 0, size_t num_values = 0);

  /** Makes it an accumulator of `num_cells` x `num_values`, all sums 0, keeping its memory;
   * nothing to do when it has that shape already (finish() leaves the sums at 0). */
  void resize(size_t num_cells, size_t num_values);

  /**
   * Adds one item's overlap with one cell.
   * @param cell      the cell's index in the cube.
   * @param area_km2  a_i, > 0.
   * @param values    the item's values (num_values of them), NaN for NULL.
   */
  void add(uint32_t cell, double area_km2, std::span<const float> values) {
    ++items_[cell];
    double* sums = &sums_[cell * stride_];
    sums[0] += area_km2;
    for (size_t v = 0; v < values.size(); ++v) {
      if (std::isnan(values[v])) continue;
      sums[1 + 2 * v] += area_km2;
      sums[2 + 2 * v] += area_km2 * static_cast<double>(values[v]);
    }
  }

  /**
   * Writes the day's values into row `day_in_block` of `block`, every cell (the fill where
   * no item was added), and clears the sums for the next day.
   * @param cell_area_km2  area of each cube cell, for obs_fraction.
   * @return the number of cells the day touched.
   */
  int64_t finish(store::CubeBlock& block, int32_t day_in_block,
                 std::span<const double> cell_area_km2);

 private:
  // Per cell, side by side so that an add() touches one or two cache lines: Σ a_i, then per
  // value Σ a_i over its non-NULL values and Σ a_i·v_i.
  size_t stride_;
  std::vector<double> sums_;
  std::vector<uint32_t> items_;  // items per cell; 0: untouched (its sums are 0)
};

}  // namespace stac2h3::resample
