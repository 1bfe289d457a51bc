/** @file date_slices.h
 * @brief Cutting a span of whole UTC days into download slices that neither overlap nor
 * lose an item at a border.
 *
 * A slice owns the half-open interval [start, next slice's start): an item whose datetime is
 * exactly midnight belongs to the slice that starts then. The server is asked for a closed
 * interval reaching a second past both ends (servers differ on inclusive bounds and
 * rounding), and the client keeps only the items the slice owns.
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stac/utc_time.h"

namespace stac2h3::stac {

/** A slice length: N days or N calendar months. */
struct SliceLength {
  enum class Unit { kDays, kMonths };
  int count = 1;
  Unit unit = Unit::kDays;
};

/**
 * Parses "1d", "7d", "1m", "Nd", "Nm" (N >= 1).
 * @throws stac2h3::InputError naming `text` when it is not of that form.
 */
SliceLength parseSliceLength(std::string_view text);

struct DateSlice {
  UtcDay start = 0;  ///< first day
  UtcDay end = 0;    ///< the day after the last one (exclusive)

  /** The resume key, e.g. "2024-01-01/2024-01-08" (exclusive end). */
  std::string key() const;
  /** The RFC 3339 closed interval to ask the server for, one second wider on each side:
   * "2023-12-31T23:59:59Z/2024-01-08T00:00:01Z". */
  std::string requestInterval() const;
  /** True when `micros` (see parseUtcMicros) lies in [start, end). */
  bool owns(int64_t micros) const;
};

/** The closed RFC 3339 interval a search asks for to get the items of [start_micros,
 * end_micros): a second wider on each side, whole seconds ("...T23:59:59Z/...T00:00:01Z"). */
std::string requestInterval(int64_t start_micros, int64_t end_micros);

/**
 * The slices covering the days `first`..`last` (both inclusive), in order; the last slice
 * is cut short at `last`. Month slices start on `first`'s day of month and step by
 * calendar months (a day past the month's end clamps to its last day).
 * @throws stac2h3::InputError when `last` < `first` or the length is not positive.
 */
std::vector<DateSlice> makeDateSlices(UtcDay first, UtcDay last, SliceLength length);

}  // namespace stac2h3::stac
