/** @file acquisition.h
 * @brief One acquisition counts each piece of ground once. Items of the same tile and sensing
 * time are one acquisition: the same scene in several collections (`sentinel-2-l2a`,
 * `sentinel-2-c1-l2a`) or processing baselines, or the halves of a granule split between two
 * datastrips. They are ranked, and each contributes only the ground that no item ranked
 * before it covers.
 */
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <string_view>
#include <vector>

#include "geo/geometry.h"

namespace stac2h3::resample {

/** Items whose sensing times differ by at most this much on the same tile are one
 * acquisition (servers agree to the millisecond; a tile is revisited after hours at best).
 * Times chain: three items 50 s apart are one acquisition. */
inline constexpr int64_t kSameAcquisitionMicros = 60'000'000;

/** What ranking looks at in one item (its name comes separately, see ItemName). */
struct AcquisitionKey {
  uint32_t tile = 0;      ///< interned MGRS tile; 0 when unknown (an acquisition of its own)
  int64_t sensed_us = 0;  ///< sensing time, microseconds since the epoch
  int32_t baseline = -1;  ///< processing baseline as a number ("05.10" -> 510); -1 unknown
  float nodata = std::numeric_limits<float>::quiet_NaN();  ///< nodata %, NaN when unknown
};

/** The names that break a tie of everything else in a ranking: the larger id first, then
 * the larger collection (the same id in two collections). */
struct ItemName {
  std::string_view id;
  std::string_view collection;
};

/**
 * The processing baseline as a comparable number: its digits read as one integer
 * ("05.10" -> 510, "04.00" -> 400, "N0510" -> 510).
 * @return -1 when the text holds no digit (unknown: older than any known baseline).
 */
int32_t baselineNumber(std::string_view baseline);

/** Items grouped by acquisition, each group ranked best first. */
struct RankedAcquisitions {
  /** Indices into the keys, group after group. */
  std::vector<uint32_t> items;
  /** Group g is items[starts[g], starts[g + 1]); starts.back() == items.size(). */
  std::vector<size_t> starts{0};

  size_t size() const { return starts.size() - 1; }
  std::span<const uint32_t> group(size_t g) const {
    return std::span<const uint32_t>(items).subspan(starts[g], starts[g + 1] - starts[g]);
  }
};

/**
 * Groups the items by acquisition and ranks each group. An acquisition: the items of one tile
 * whose sensing times chain within kSameAcquisitionMicros (items without a tile are each one
 * of their own). Rank, best first: the newest processing baseline; then the least nodata (an
 * unknown nodata after any known value); then the larger id; then the larger collection. The
 * ranking is total for distinct (id, collection), so the result does not depend on the order
 * of the keys (groups are ordered by tile id and time).
 * @param keys     one key per item.
 * @param name_of  the name of item i; asked only for items that share their acquisition with
 *                 another; the views must stay valid until this function returns.
 * @return every item exactly once.
 */
RankedAcquisitions rankedAcquisitions(std::span<const AcquisitionKey> keys,
                                      const std::function<ItemName(uint32_t)>& name_of);

/**
 * What each item of a ranked acquisition contributes: ranked[k] minus the union of
 * ranked[0..k-1], exact on the sphere with geodesic edges (geo::successiveDifferences, which
 * also says how slivers are dropped).
 * @param ranked  the footprints of one acquisition's items, best first.
 * @return one footprint per item: *ranked[k] itself when nothing ranked before it overlaps it,
 *         empty when nothing is left (a duplicate).
 * @throws stac2h3::InputError when the footprints do not fit in one hemisphere.
 */
std::vector<geo::MultiPolygon> effectiveFootprints(
    std::span<const geo::MultiPolygon* const> ranked);

}  // namespace stac2h3::resample
