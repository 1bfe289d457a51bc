/** @file day_patch.cpp
 * @brief Whole days from one block into another over different cells (see day_patch.h).
 */
#include "update/day_patch.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstddef>

#include "util/error.h"

namespace stac2h3::update {

std::vector<int64_t> cellIndexMap(const std::vector<h3::Cell>& from,
                                  const std::vector<h3::Cell>& to) {
  std::vector<int64_t> map(from.size(), -1);
  size_t j = 0;
  for (size_t i = 0; i < from.size(); ++i) {
    while (j < to.size() && to[j] < from[i]) ++j;
    if (j < to.size() && to[j] == from[i]) map[i] = static_cast<int64_t>(j);
  }
  return map;
}

void copyDays(const store::CubeBlock& source, const std::vector<int64_t>& source_to_target,
              const std::function<bool(int32_t day)>& wanted, store::CubeBlock& target) {
  if (source.floats.size() != target.floats.size()) {
    throw Error("update: blocks with different variables");
  }
  if (source_to_target.size() != static_cast<size_t>(source.num_cells)) {
    throw Error("update: the cell map does not fit the block");
  }
  const int32_t first = std::max(source.first_day, target.first_day);
  const int32_t end =
      std::min(source.first_day + source.num_days, target.first_day + target.num_days);
  const bool same_cells = source.num_cells == target.num_cells &&
                          std::all_of(source_to_target.begin(), source_to_target.end(),
                                      [i = int64_t{0}](int64_t at) mutable { return at == i++; });
  // Days in parallel, each array in turn: the copies read and write contiguous rows.
  tbb::parallel_for(first, end, [&](int32_t day) {
    if (!wanted(day)) return;
    const int32_t target_day = day - target.first_day;
    const size_t from =
        static_cast<size_t>(day - source.first_day) * static_cast<size_t>(source.num_cells);
    const size_t to = static_cast<size_t>(target_day) * static_cast<size_t>(target.num_cells);
    const auto copy = [&](const auto& in, auto& out) {
      if (same_cells) {
        std::copy_n(in.begin() + static_cast<ptrdiff_t>(from), source.num_cells,
                    out.begin() + static_cast<ptrdiff_t>(to));
        return;
      }
      for (size_t cell = 0; cell < source_to_target.size(); ++cell) {
        const int64_t at = source_to_target[cell];
        if (at >= 0) out[to + static_cast<size_t>(at)] = in[from + cell];
      }
    };
    if (!same_cells) target.clearDay(target_day);
    for (size_t v = 0; v < source.floats.size(); ++v) copy(source.floats[v], target.floats[v]);
    copy(source.n_items, target.n_items);
  });
}

}  // namespace stac2h3::update
