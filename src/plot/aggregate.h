/** @file aggregate.h
 * @brief Per-cell aggregation of one cube variable over a window of days, NaN ignored.
 */
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plot/time_window.h"
#include "store/zarr_cube_reader.h"

namespace stac2h3::plot {

enum class Aggregation { kMean, kMedian, kMin, kMax, kCount };

/**
 * Parses mean|median|min|max|count.
 * @throws InputError naming `text` otherwise.
 */
Aggregation parseAggregation(std::string_view text);
std::string_view aggregationName(Aggregation aggregation);

/** One frame: a window and a value per cube cell, or per cell of the aggregated range (NaN
 * where no day in the window has one). */
struct Frame {
  DayWindow window;
  std::vector<float> values;
  /** Scenes over each cell summed over the window's days (the cube's n_items). */
  std::vector<uint32_t> n_items;
};

/**
 * Aggregates `variable` per cell over each window, reading only the days (and so the time
 * chunks) the windows cover. `count` is the number of days with a non-NaN value (NaN, not 0, where
 * there is none, so that unobserved cells stay blank). Days of a window that the cube lacks count
 * as unobserved.
 * @param reader     the open cube.
 * @param variable   a [time][cell_ids] variable of the cube.
 * @param windows    the frames' windows (any order, may overlap).
 * @param with_n_items  also sum n_items per frame (for the page's tooltip).
 * @param cells     the cells to aggregate (default: all); only their chunks are read and the
 *                  frames hold values for them alone, in order.
 * @return one Frame per window, in the same order.
 * @throws InputError when the variable is missing or the range is outside the cube; Error
 *         when a read fails.
 */
std::vector<Frame> aggregateFrames(const store::ZarrCubeReader& reader, std::string_view variable,
                                   const std::vector<DayWindow>& windows, Aggregation aggregation,
                                   bool with_n_items,
                                   std::optional<store::CellRange> cells = std::nullopt);

/** True when no value of any frame is finite. */
bool allMissing(const std::vector<Frame>& frames);

}  // namespace stac2h3::plot
