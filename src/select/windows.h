/** @file windows.h
 * @brief The time windows of a selection: the whole span, or one window per `--every` step
 * (N days or N calendar months), each owning whole UTC days as a half-open interval, as the
 * cube's days and the download's slices do.
 */
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "stac/date_slices.h"
#include "stac/utc_time.h"

namespace stac2h3::select {

/** Days first..last (inclusive); owns [first 00:00 UTC, last + 1 day 00:00 UTC). */
struct Window {
  stac::UtcDay first = 0;
  stac::UtcDay last = 0;
};

/**
 * The windows of the days `first`..`last` (both inclusive).
 * @param every  nullopt: one window; else consecutive windows of that length from `first`
 *               (months step from `first`'s day of the month), the last one cut at `last`.
 * @throws stac2h3::InputError when `last` < `first`.
 */
std::vector<Window> makeWindows(stac::UtcDay first, stac::UtcDay last,
                                std::optional<stac::SliceLength> every);

/** The index of the window owning the instant `micros` (microseconds since the epoch), or
 * -1 when none does. `windows` are consecutive, as makeWindows returns them. */
int windowOf(std::span<const Window> windows, int64_t micros);

}  // namespace stac2h3::select
