/** @file windows.cpp
 * @brief Selection windows over stac::makeDateSlices (see windows.h).
 */
#include "select/windows.h"

#include <algorithm>

#include "util/error.h"

namespace stac2h3::select {

std::vector<Window> makeWindows(stac::UtcDay first, stac::UtcDay last,
                                std::optional<stac::SliceLength> every) {
  if (last < first) {
    throw InputError("--end " + stac::formatUtcDay(last) + " is before --start " +
                     stac::formatUtcDay(first));
  }
  if (!every) return {Window{first, last}};
  std::vector<Window> windows;
  for (const stac::DateSlice& slice : stac::makeDateSlices(first, last, *every)) {
    windows.push_back(Window{slice.start, slice.end - 1});
  }
  return windows;
}

int windowOf(std::span<const Window> windows, int64_t micros) {
  const int64_t day = micros >= 0 ? micros / stac::kMicrosPerDay
                                  : -((-micros + stac::kMicrosPerDay - 1) / stac::kMicrosPerDay);
  const auto after = std::upper_bound(windows.begin(), windows.end(), day,
                                      [](int64_t d, const Window& w) { return d < w.first; });
  if (after == windows.begin()) return -1;
  const auto owner = std::prev(after);
  return day <= owner->last ? static_cast<int>(owner - windows.begin()) : -1;
}

}  // namespace stac2h3::select
