/** @file acquisition.cpp
 * @brief Deduplication of acquisitions (see acquisition.h).
 */
#include "resample/acquisition.h"

#include <tbb/parallel_sort.h>

#include <numeric>
#include <tuple>

namespace stac2h3::resample {

int32_t baselineNumber(std::string_view baseline) {
  int32_t number = 0;
  bool any_digit = false;
  for (char c : baseline) {
    if (c < '0' || c > '9') continue;
    any_digit = true;
    if (number < 100'000'000) number = number * 10 + (c - '0');
  }
  return any_digit ? number : -1;
}

std::vector<bool> findDuplicates(std::span<const AcquisitionKey> keys) {
  std::vector<bool> drop(keys.size(), false);
  std::vector<uint32_t> order;
  order.reserve(keys.size());
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (keys[i].tile != 0) order.push_back(i);
  }
  tbb::parallel_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(keys[a].tile, keys[a].sensed_us, a) <
           std::tie(keys[b].tile, keys[b].sensed_us, b);
  });
  auto better = [&](uint32_t a, uint32_t b) {  // is a preferred over b?
    return std::tie(keys[a].baseline, keys[a].known_values, a) >
           std::tie(keys[b].baseline, keys[b].known_values, b);
  };
  size_t group_start = 0;
  while (group_start < order.size()) {
    size_t group_end = group_start + 1;
    uint32_t best = order[group_start];
    while (group_end < order.size()) {
      const AcquisitionKey& previous = keys[order[group_end - 1]];
      const AcquisitionKey& current = keys[order[group_end]];
      if (current.tile != previous.tile ||
          current.sensed_us - previous.sensed_us > kSameAcquisitionMicros) {
        break;
      }
      if (better(order[group_end], best)) best = order[group_end];
      ++group_end;
    }
    for (size_t i = group_start; i < group_end; ++i) drop[order[i]] = order[i] != best;
    group_start = group_end;
  }
  return drop;
}

}  // namespace stac2h3::resample
