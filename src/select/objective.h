/** @file objective.h
 * @brief The objective of a selection, summed over the AOI's sample points (aoi_grid.h): the
 * expected clear fraction E and the geometric coverage G.
 *
 * E = (1/|AOI|) ∫_AOI [1 − Π_{selected i covering x} c_i] dx, with c_i = cloud_cover_i / 100
 * the chance that a point item i sees is cloudy, the clouds of different items independent.
 * G = |AOI ∩ ∪ footprints| / |AOI|. Each sample point stands for its share of its piece's
 * exact area. An item whose cloud_cover is NULL adds coverage but no expected clear view.
 */
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "select/aoi_grid.h"
#include "select/candidates.h"

namespace stac2h3::select {

/** The chance that a point `item` sees is clear: 1 − cloud_cover / 100 (0 when NULL). */
double clearChance(const stac::Item& item);

class SelectionState {
 public:
  /** An empty selection over the pieces of `grid`, which must outlive the state (moving the
   * grid is fine: the state refers to its vectors' contents). */
  explicit SelectionState(const AoiGrid& grid);

  /** E gained by adding `candidate`, a fraction of the AOI. */
  double gain(const Candidate& candidate) const;
  /** Adds `candidate` to the selection. */
  void add(const Candidate& candidate);

  /** E of the selection so far, a fraction of the AOI. */
  double expectedClear() const;
  /** G of the selection so far, a fraction of the AOI. */
  double coverage() const;
  /** E and G within piece `piece`, fractions of the piece. */
  double pieceExpectedClear(size_t piece) const;
  double pieceCoverage(size_t piece) const;

 private:
  std::span<const uint32_t> sample_start_;
  std::span<const uint64_t> inside_;
  std::span<const double> sample_km2_;
  double area_km2_ = 0.0;
  std::vector<double> not_clear_;        ///< per sample: Π c_i over the items seeing it
  std::vector<double> piece_not_clear_;  ///< per piece: the sum of not_clear_ over inside samples
  std::vector<uint64_t> seen_;           ///< per piece: the samples some item sees
};

}  // namespace stac2h3::select
