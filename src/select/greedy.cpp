/** @file greedy.cpp
 * @brief The greedy loop and its tie-break (see greedy.h).
 */
#include "select/greedy.h"

#include <cmath>
#include <limits>
#include <tuple>

namespace stac2h3::select {
namespace {

double cloudOrLast(const Candidate& candidate) {
  const double cloud = candidate.item.value(stac::Value::kCloudCover);
  return std::isnan(cloud) ? std::numeric_limits<double>::infinity() : cloud;
}

/** Is (gain_a, a) ranked before (gain_b, b)? */
bool rankedBefore(double gain_a, const Candidate& a, double gain_b, const Candidate& b) {
  if (gain_a != gain_b) return gain_a > gain_b;
  return std::make_tuple(cloudOrLast(a), a.sensed_us, std::string_view(a.item.id)) <
         std::make_tuple(cloudOrLast(b), b.sensed_us, std::string_view(b.item.id));
}

}  // namespace

std::vector<Pick> selectGreedy(std::span<const Candidate> candidates, int max_items,
                               SelectionState& state) {
  std::vector<Pick> picks;
  std::vector<bool> taken(candidates.size(), false);
  while (max_items <= 0 || static_cast<int>(picks.size()) < max_items) {
    int best = -1;
    double best_gain = 0.0;
    for (size_t i = 0; i < candidates.size(); ++i) {
      if (taken[i]) continue;
      const double gain = state.gain(candidates[i]);
      if (best < 0 || rankedBefore(gain, candidates[i], best_gain, candidates[best])) {
        best = static_cast<int>(i);
        best_gain = gain;
      }
    }
    if (best < 0 || best_gain < kMinGain) break;
    taken[best] = true;
    state.add(candidates[best]);
    picks.push_back(Pick{static_cast<uint32_t>(best), best_gain});
  }
  return picks;
}

}  // namespace stac2h3::select
