/** @file greedy.h
 * @brief Greedy selection by the largest gain in expected clear fraction E (E is
 * submodular: greedy is within 1 − 1/e of the best set of its size), deterministic ties.
 */
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "select/candidates.h"
#include "select/objective.h"

namespace stac2h3::select {

/** No item is added whose gain in E is below this fraction of the AOI (no slivers). */
inline constexpr double kMinGain = 0.001;

struct Pick {
  uint32_t candidate = 0;  ///< index into the window's candidates
  double gain = 0.0;       ///< E added, a fraction of the AOI
};

/**
 * Adds candidates to `state` one at a time, each time the one of largest gain; equal gains
 * go to the lower cloud_cover (NULL last), then the earlier datetime, then the smaller id.
 * Stops when the best gain is below kMinGain or `max_items` are chosen.
 * @param candidates  the window's candidates.
 * @param max_items   at most this many (0: no limit).
 * @param state       the selection so far (usually empty); receives the picks.
 * @return the picks in rank order.
 */
std::vector<Pick> selectGreedy(std::span<const Candidate> candidates, int max_items,
                               SelectionState& state);

}  // namespace stac2h3::select
