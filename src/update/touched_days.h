/** @file touched_days.h
 * @brief The days an update of the cube must recompute, from the datetimes that changed in
 * the items file (rows added, and the old and new datetimes of replaced rows).
 */
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace stac2h3::update {

/**
 * The UTC days of `datetimes`, plus the neighbouring day of any datetime within the
 * acquisition rule's 60 s (resample::kSameAcquisitionMicros) of midnight: its acquisition
 * may hold items of that day, whose contributions then change too. Datetimes that are not
 * instants are skipped (resample skips their items).
 * @return sorted, unique days since 1970-01-01.
 */
std::vector<int32_t> touchedDays(const std::vector<std::string>& datetimes);

/** A run of consecutive days [first, last]. */
struct DayRun {
  int32_t first = 0;
  int32_t last = 0;
};

/**
 * The runs of rows to read for recomputing `days` (sorted): each day widened by `margin`
 * days on both sides (an acquisition crossing midnight needs its other day's items, and
 * datetime text with an offset sorts up to a day away from its UTC day), overlapping runs
 * merged.
 */
std::vector<DayRun> readingRuns(const std::vector<int32_t>& days, int32_t margin);

}  // namespace stac2h3::update
