/** @file day_flag.h
 * @brief The `--start` / `--end` day flags shared by the subcommands that take dates.
 */
#pragma once

#include <string>

#include "stac/utc_time.h"

namespace stac2h3::cli {

/**
 * Parses a day flag, YYYY-MM-DD (UTC).
 * @param flag  the flag's name for the message, e.g. "--start".
 * @throws stac2h3::InputError "bad --start '2025-02-30': expected YYYY-MM-DD" when the text
 *         is not a day of the calendar.
 */
stac::UtcDay parseDayFlag(const std::string& flag, const std::string& text);

}  // namespace stac2h3::cli
