/** @file cube_block.h
 * @brief A block of consecutive days of the cube, every cell, as the resampler hands it to
 * the writers (the Zarr cube and the long-table GeoPackage).
 */
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "h3/h3.h"
#include "store/cube_schema.h"

namespace stac2h3::store {

/**
 * Days [first_day, first_day + num_days) of the cube for its cells [first_cell, first_cell +
 * num_cells) (indices into the cube's sorted cells; all of them unless the resampler was asked
 * for narrower blocks), row-major [day][cell]: element (d, c) is at d * num_cells + c, for cube
 * cell first_cell + c. Floats are NaN and counts 0 where no item observed the cell that day.
 */
struct CubeBlock {
  int32_t first_day = 0;  ///< days since 1970-01-01 of the block's first day
  int32_t num_days = 0;
  int64_t first_cell = 0;
  int64_t num_cells = 0;
  /** The float32 variables: the cube's value variables in order, then obs_fraction (last). */
  std::vector<std::vector<float>> floats;
  std::vector<uint16_t> n_items;

  /** Resizes for `days` x `cells` (from cell 0) with `num_values` value variables (plus
   * obs_fraction) and fills with NaN / 0. */
  void reset(int32_t first, int32_t days, int64_t cells, size_t num_values) {
    resize(first, days, cells, num_values);
    for (int32_t day = 0; day < days; ++day) clearDay(day);
  }

  /** As reset(), leaving the values to clearDay() (days may be cleared in parallel, each by
   * the thread that fills it). */
  void resize(int32_t first, int32_t days, int64_t cells, size_t num_values) {
    first_day = first;
    num_days = days;
    first_cell = 0;
    num_cells = cells;
    const auto size = static_cast<size_t>(days) * static_cast<size_t>(cells);
    floats.resize(num_values + 1);
    for (auto& values : floats) values.resize(size);
    n_items.resize(size);
  }

  /** Fills day `day` (0-based in the block) with NaN / 0. */
  void clearDay(int32_t day) {
    const auto begin = static_cast<size_t>(day) * static_cast<size_t>(num_cells);
    const auto end = begin + static_cast<size_t>(num_cells);
    for (auto& values : floats) {
      std::fill(values.begin() + begin, values.begin() + end,
                std::numeric_limits<float>::quiet_NaN());
    }
    std::fill(n_items.begin() + begin, n_items.begin() + end, uint16_t{0});
  }
  /** obs_fraction's values. */
  std::vector<float>& obsFraction() { return floats.back(); }
  const std::vector<float>& obsFraction() const { return floats.back(); }
};

/** What a cube file says about itself besides its data. */
struct CubeDescription {
  int resolution = 0;
  int32_t first_day = 0;  ///< days since 1970-01-01 of the time axis' first day
  int32_t num_days = 0;
  std::vector<h3::Cell> cells;  ///< sorted ascending, unique
  /** The value variables (items columns resampled), in array order. */
  std::vector<std::string> variables = cube::defaultValueVariables();
  /** Group attributes written as text (source API, collection, query, software version...). */
  std::vector<std::pair<std::string, std::string>> text_attributes;
  int64_t item_count = 0;  ///< items that went into the cube (after deduplication)
  /** item_count per day of the time axis (attribute `item_count_by_day`: `resample --update`
   * subtracts the recomputed days' and adds their new counts); empty: not written. */
  std::vector<int64_t> items_by_day;
};

}  // namespace stac2h3::store
