/** @file day_accumulator.h
 * @brief The sums of one day over a run of the cube's cells: Σ a_i, Σ a_i per value over the
 * items whose value is not NULL, Σ a_i·v_i, and the item count; turned into the cube's values.
 *
 * It holds a run of cells (a tile, kTileCells of them), not the whole cube: 4,096 cells of six
 * values take 416 kB and stay in the core's cache while a day's items that overlap the tile
 * are added, where sums for all 706,384 cells of res 5 (73 MB) were read and written in
 * memory for every overlap, and read and cleared again to finish the day.
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
  /** Cells in a tile: the cube's cells [t * kTileCells, (t + 1) * kTileCells) form tile t. */
  static constexpr uint32_t kTileCells = 4096;

  /**
   * Makes it the accumulator of cells [first_cell, first_cell + num_cells) with `num_values`
   * value variables, all sums 0, keeping its memory (finish() leaves the sums at 0).
   */
  void reset(uint32_t first_cell, uint32_t num_cells, size_t num_values);

  /**
   * An item's values as the terms add() multiplies by an overlap's area: 1 (for Σ a_i), then
   * per value 1 and v, or 0 and 0 for a NULL (NaN) value. a·1 = a and a·0 = +0 exactly, so
   * each sum gets the very terms it would get from skipping the NULLs, and add() needs no
   * test per value: one straight loop the compiler vectorises.
   * @param values  the item's values, NaN for NULL.
   * @param terms   resized to 1 + 2 * values.size().
   */
  static void itemTerms(std::span<const float> values, std::vector<double>& terms) {
    terms.resize(1 + 2 * values.size());
    terms[0] = 1.0;
    for (size_t v = 0; v < values.size(); ++v) {
      const bool known = !std::isnan(values[v]);
      terms[1 + 2 * v] = known ? 1.0 : 0.0;
      terms[2 + 2 * v] = known ? static_cast<double>(values[v]) : 0.0;
    }
  }

  /**
   * Adds one item's overlap with one cell.
   * @param cell      the cell's index in the cube, within the tile.
   * @param area_km2  a_i, > 0.
   * @param terms     the item's itemTerms().
   */
  void add(uint32_t cell, double area_km2, std::span<const double> terms) {
    const uint32_t at = cell - first_cell_;
    ++items_[at];
    double* sums = &sums_[at * stride_];
    for (size_t k = 0; k < stride_; ++k) sums[k] += area_km2 * terms[k];
  }

  /**
   * Writes the day's values of the tile's cells into row `day_in_block` of `block` (the fill
   * where no item was added), and clears the sums for the next day or tile.
   * @param cell_area_km2  area of each cube cell, for obs_fraction.
   * @return the number of cells the day touched.
   */
  int64_t finish(store::CubeBlock& block, int32_t day_in_block,
                 std::span<const double> cell_area_km2);

 private:
  uint32_t first_cell_ = 0;
  uint32_t num_cells_ = 0;
  // Per cell, side by side so that an add() touches one or two cache lines: Σ a_i, then per
  // value Σ a_i over its non-NULL values and Σ a_i·v_i.
  size_t stride_ = 1;
  std::vector<double> sums_;
  std::vector<uint32_t> items_;  // items per cell; 0: untouched (its sums are 0)
};

}  // namespace stac2h3::resample
