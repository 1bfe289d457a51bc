/** @file utc_time.h
 * @brief UTC calendar days and RFC 3339 instants as plain integers (days and microseconds
 * since 1970-01-01), parsed from and printed to the text forms STAC uses.
 */
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stac2h3::stac {

/** A UTC calendar day: days since 1970-01-01. */
using UtcDay = int64_t;

/** Microseconds in one day. */
inline constexpr int64_t kMicrosPerDay = 86'400'000'000;

/**
 * Parses a calendar date "YYYY-MM-DD" (exactly that form; the day must exist).
 * @return the day, or nullopt when `text` is not a valid date.
 */
std::optional<UtcDay> parseUtcDay(std::string_view text);

/** Prints a day as "YYYY-MM-DD". */
std::string formatUtcDay(UtcDay day);

/** Prints the instant `micros` (microseconds since the epoch) as "YYYY-MM-DDTHH:MM:SSZ",
 * dropping the sub-second part. */
std::string formatUtcSeconds(int64_t micros);

/**
 * Parses an RFC 3339 date-time as STAC servers write it: "2020-04-01T18:03:50Z",
 * "...50.186000Z", "...49.024000+00:00", a lowercase 't'/'z' or a space separator, any
 * number of fraction digits (truncated to microseconds) and any UTC offset.
 * @return microseconds since 1970-01-01T00:00:00Z, or nullopt when `text` is not one.
 */
std::optional<int64_t> parseUtcMicros(std::string_view text);

}  // namespace stac2h3::stac
