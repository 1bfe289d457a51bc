/** @file day_accumulator.h
 * @brief The sums of one day over the cube's cells: Σ a_i, Σ a_i per value over the items
 * whose value is not NULL, Σ a_i·v_i, and the item count; turned into the cube's values.
 */
#pragma once

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
  DayAccumulator(size_t num_cells, size_t num_values);

  /**
   * Adds one item's overlap with one cell.
   * @param cell      the cell's index in the cube.
   * @param area_km2  a_i, > 0.
   * @param values    the item's values (num_values of them), NaN for NULL.
   */
  void add(uint32_t cell, double area_km2, std::span<const float> values);

  /**
   * Writes the day's values into row `day_in_block` of `block` for every touched cell and
   * clears the sums for the next day (in time proportional to the touched cells).
   * @param cell_area_km2  area of each cube cell, for obs_fraction.
   * @return the number of cells the day touched.
   */
  int64_t finish(store::CubeBlock& block, int32_t day_in_block,
                 std::span<const double> cell_area_km2);

 private:
  size_t num_values_;
  std::vector<double> area_;      // Σ a_i per cell
  std::vector<uint32_t> items_;   // items per cell
  std::vector<double> weight_;    // [cell][value]: Σ a_i over non-NULL v_i
  std::vector<double> weighted_;  // [cell][value]: Σ a_i·v_i
  std::vector<uint32_t> touched_;
};

}  // namespace stac2h3::resample
