/** @file objective.cpp
 * @brief Expected clear fraction and coverage over sample points (see objective.h).
 */
#include "select/objective.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace stac2h3::select {

double clearChance(const stac::Item& item) {
  const double cloud = item.value(stac::Value::kCloudCover);
  if (std::isnan(cloud)) return 0.0;
  return std::clamp(1.0 - cloud / 100.0, 0.0, 1.0);
}

SelectionState::SelectionState(const AoiGrid& grid)
    : sample_start_(grid.sample_start),
      inside_(grid.inside),
      sample_km2_(grid.sample_km2),
      area_km2_(grid.area_km2),
      not_clear_(grid.samples.size(), 1.0),
      piece_not_clear_(grid.cells.size()),
      seen_(grid.cells.size(), 0) {
  for (size_t p = 0; p < piece_not_clear_.size(); ++p) {
    piece_not_clear_[p] = std::popcount(inside_[p]);
  }
}

double SelectionState::gain(const Candidate& candidate) const {
  double gained_km2 = 0.0;
  for (const PieceCover& cover : candidate.cover) {
    double not_clear = 0.0;
    if (cover.seen == inside_[cover.piece]) {
      not_clear = piece_not_clear_[cover.piece];
    } else {
      const double* samples = not_clear_.data() + sample_start_[cover.piece];
      for (uint64_t bits = cover.seen; bits != 0; bits &= bits - 1) {
        not_clear += samples[std::countr_zero(bits)];
      }
    }
    gained_km2 += sample_km2_[cover.piece] * not_clear;
  }
  return clearChance(candidate.item) * gained_km2 / area_km2_;
}

void SelectionState::add(const Candidate& candidate) {
  const double cloudy = 1.0 - clearChance(candidate.item);
  for (const PieceCover& cover : candidate.cover) {
    double* samples = not_clear_.data() + sample_start_[cover.piece];
    for (uint64_t bits = cover.seen; bits != 0; bits &= bits - 1) {
      samples[std::countr_zero(bits)] *= cloudy;
    }
    double sum = 0.0;  // summed afresh: the same value whatever the order of the adds
    for (uint64_t bits = inside_[cover.piece]; bits != 0; bits &= bits - 1) {
      sum += samples[std::countr_zero(bits)];
    }
    piece_not_clear_[cover.piece] = sum;
    seen_[cover.piece] |= cover.seen;
  }
}

double SelectionState::pieceExpectedClear(size_t piece) const {
  return 1.0 - piece_not_clear_[piece] / std::popcount(inside_[piece]);
}

double SelectionState::pieceCoverage(size_t piece) const {
  return static_cast<double>(std::popcount(seen_[piece])) / std::popcount(inside_[piece]);
}

double SelectionState::expectedClear() const {
  double clear_km2 = 0.0;
  for (size_t p = 0; p < piece_not_clear_.size(); ++p) {
    clear_km2 += sample_km2_[p] * (std::popcount(inside_[p]) - piece_not_clear_[p]);
  }
  return clear_km2 / area_km2_;
}

double SelectionState::coverage() const {
  double seen_km2 = 0.0;
  for (size_t p = 0; p < seen_.size(); ++p) seen_km2 += sample_km2_[p] * std::popcount(seen_[p]);
  return seen_km2 / area_km2_;
}

}  // namespace stac2h3::select
