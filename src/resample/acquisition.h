/** @file acquisition.h
 * @brief One acquisition counts once: items of the same tile and sensing time found in
 * several collections (`sentinel-2-l2a`, `sentinel-2-c1-l2a`) or processing baselines are
 * duplicates, and the newest processing baseline wins.
 */
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace stac2h3::resample {

/** Items whose sensing times differ by at most this much on the same tile are one
 * acquisition (servers agree to the millisecond; a tile is revisited after hours at best). */
inline constexpr int64_t kSameAcquisitionMicros = 60'000'000;

/** What deduplication looks at in one item. */
struct AcquisitionKey {
  uint32_t tile = 0;        ///< interned MGRS tile; 0 when unknown (never a duplicate)
  int64_t sensed_us = 0;    ///< sensing time, microseconds since the epoch
  int32_t baseline = -1;    ///< processing baseline as a number ("05.10" -> 510); -1 unknown
  int8_t known_values = 0;  ///< how many of the six values are not NULL
};

/**
 * The processing baseline as a comparable number: its digits read as one integer
 * ("05.10" -> 510, "04.00" -> 400, "N0510" -> 510).
 * @return -1 when the text holds no digit (unknown: older than any known baseline).
 */
int32_t baselineNumber(std::string_view baseline);

/**
 * Marks the duplicates among `keys`: within each group of one tile whose sensing times chain
 * within kSameAcquisitionMicros, the item with the newest baseline is kept; ties keep the one
 * with more non-NULL values, then the later one (the most recently written).
 * @param keys  one key per item, in insertion order.
 * @return one flag per item, true for the items to drop.
 */
std::vector<bool> findDuplicates(std::span<const AcquisitionKey> keys);

}  // namespace stac2h3::resample
