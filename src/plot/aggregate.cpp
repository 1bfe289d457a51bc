/** @file aggregate.cpp
 * @brief Streams a window's days from the cube in time-chunk-sized reads and folds them
 * into per-cell accumulators.
 */
#include "plot/aggregate.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "store/cube_schema.h"
#include "util/error.h"

namespace stac2h3::plot {

namespace {

constexpr std::array<std::string_view, 5> kAggregationNames = {"mean", "median", "min", "max",
                                                               "count"};
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

/** Time indices [begin, end) of the cube days inside `window`. */
std::pair<size_t, size_t> dayRange(const std::vector<int32_t>& days, const DayWindow& window) {
  const auto begin = std::lower_bound(days.begin(), days.end(), window.first);
  const auto end = std::upper_bound(days.begin(), days.end(), window.last);
  return {static_cast<size_t>(begin - days.begin()),
          static_cast<size_t>(std::max(begin, end) - days.begin())};
}

/** Calls fold(block, day_count) for consecutive reads of [begin, end), each within one time
 * chunk so that no chunk is decoded twice for one window. */
template <typename Fold>
void forEachBlock(const store::ZarrCubeReader& reader, std::string_view variable, size_t begin,
                  size_t end, store::CellRange range, std::vector<float>& buffer, Fold&& fold) {
  const size_t chunk = reader.timeChunk(variable);
  for (size_t first = begin; first < end;) {
    const size_t count = std::min(end, (first / chunk + 1) * chunk) - first;
    reader.readDays(variable, first, count, range, buffer);
    fold(buffer, count);
    first += count;
  }
}

std::vector<float> aggregateValues(const store::ZarrCubeReader& reader, std::string_view variable,
                                   size_t begin, size_t end, store::CellRange range,
                                   Aggregation aggregation, std::vector<float>& buffer) {
  const size_t cells = range.count;
  std::vector<float> result(cells, kNaN);
  if (aggregation == Aggregation::kMedian) {
    // The median needs every value of a cell at once: gather the window [cell][day].
    const size_t span = end - begin;
    std::vector<float> by_cell(cells * span, kNaN);
    size_t offset = 0;
    forEachBlock(reader, variable, begin, end, range, buffer,
                 [&](const std::vector<float>& block, size_t days) {
                   for (size_t d = 0; d < days; ++d) {
                     for (size_t c = 0; c < cells; ++c)
                       by_cell[c * span + offset + d] = block[d * cells + c];
                   }
                   offset += days;
                 });
    std::vector<float> finite;
    for (size_t c = 0; c < cells; ++c) {
      finite.clear();
      for (size_t d = 0; d < span; ++d) {
        if (!std::isnan(by_cell[c * span + d])) finite.push_back(by_cell[c * span + d]);
      }
      if (finite.empty()) continue;
      const size_t mid = finite.size() / 2;
      std::nth_element(finite.begin(), finite.begin() + static_cast<std::ptrdiff_t>(mid),
                       finite.end());
      double median = finite[mid];
      if (finite.size() % 2 == 0) {
        median = (median + *std::max_element(finite.begin(),
                                             finite.begin() + static_cast<std::ptrdiff_t>(mid))) /
                 2.0;
      }
      result[c] = static_cast<float>(median);
    }
    return result;
  }
  std::vector<double> sum(cells, 0.0);
  std::vector<uint32_t> count(cells, 0);
  forEachBlock(reader, variable, begin, end, range, buffer,
               [&](const std::vector<float>& block, size_t days) {
                 for (size_t d = 0; d < days; ++d) {
                   const float* row = block.data() + d * cells;
                   for (size_t c = 0; c < cells; ++c) {
                     const float value = row[c];
                     if (std::isnan(value)) continue;
                     ++count[c];
                     switch (aggregation) {
                       case Aggregation::kMin:
                         result[c] = std::isnan(result[c]) ? value : std::min(result[c], value);
                         break;
                       case Aggregation::kMax:
                         result[c] = std::isnan(result[c]) ? value : std::max(result[c], value);
                         break;
                       default:
                         sum[c] += value;
                     }
                   }
                 }
               });
  for (size_t c = 0; c < cells; ++c) {
    if (count[c] == 0) continue;
    if (aggregation == Aggregation::kMean) result[c] = static_cast<float>(sum[c] / count[c]);
    if (aggregation == Aggregation::kCount) result[c] = static_cast<float>(count[c]);
  }
  return result;
}

std::vector<uint32_t> sumItems(const store::ZarrCubeReader& reader, size_t begin, size_t end,
                               store::CellRange range, std::vector<float>& buffer) {
  const size_t cells = range.count;
  std::vector<uint32_t> total(cells, 0);
  if (!reader.hasVariable(cube::kCount)) return total;
  forEachBlock(reader, cube::kCount, begin, end, range, buffer,
               [&](const std::vector<float>& block, size_t days) {
                 for (size_t d = 0; d < days; ++d) {
                   for (size_t c = 0; c < cells; ++c) {
                     const float n = block[d * cells + c];
                     if (n > 0) total[c] += static_cast<uint32_t>(n);
                   }
                 }
               });
  return total;
}

}  // namespace

Aggregation parseAggregation(std::string_view text) {
  for (size_t i = 0; i < kAggregationNames.size(); ++i) {
    if (kAggregationNames[i] == text) return static_cast<Aggregation>(i);
  }
  throw InputError("bad --agg '" + std::string(text) +
                   "' (expected mean, median, min, max or count)");
}

std::string_view aggregationName(Aggregation aggregation) {
  return kAggregationNames[static_cast<size_t>(aggregation)];
}

std::vector<Frame> aggregateFrames(const store::ZarrCubeReader& reader, std::string_view variable,
                                   const std::vector<DayWindow>& windows, Aggregation aggregation,
                                   bool with_n_items, std::optional<store::CellRange> cells) {
  if (!reader.hasVariable(variable)) {
    throw InputError(reader.path().string() + ": no variable '" + std::string(variable) + "'");
  }
  const store::CellRange range = cells.value_or(store::CellRange{0, reader.cells().size()});
  std::vector<Frame> frames;
  frames.reserve(windows.size());
  std::vector<float> buffer;
  for (const auto& window : windows) {
    const auto [begin, end] = dayRange(reader.days(), window);
    Frame frame{
        window, aggregateValues(reader, variable, begin, end, range, aggregation, buffer), {}};
    if (with_n_items) frame.n_items = sumItems(reader, begin, end, range, buffer);
    frames.push_back(std::move(frame));
  }
  return frames;
}

bool allMissing(const std::vector<Frame>& frames) {
  return std::none_of(frames.begin(), frames.end(), [](const Frame& frame) {
    return std::any_of(frame.values.begin(), frame.values.end(),
                       [](float v) { return std::isfinite(v); });
  });
}

}  // namespace stac2h3::plot
