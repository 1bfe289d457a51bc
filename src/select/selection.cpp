/** @file selection.cpp
 * @brief The selection pipeline (see selection.h).
 */
#include "select/selection.h"

namespace stac2h3::select {

Selection runSelection(const SelectOptions& options) {
  const std::vector<Window> windows =
      makeWindows(options.first_day, options.last_day, options.every);
  Selection selection{makeAoiGrid(options.aoi, options.res), {}, 0, 0};
  CandidateSet found = findCandidates(options.items, selection.grid, windows, options.rules);
  selection.items_read = found.items_read;
  selection.footprints = found.footprints;
  for (size_t w = 0; w < windows.size(); ++w) {
    WindowSelection result{
        windows[w], std::move(found.per_window[w]), {}, SelectionState(selection.grid), 0.0, 0.0};
    result.picks = selectGreedy(result.candidates, options.max_items, result.state);
    result.coverage = result.state.coverage();
    result.expected_clear = result.state.expectedClear();
    selection.windows.push_back(std::move(result));
  }
  return selection;
}

}  // namespace stac2h3::select
