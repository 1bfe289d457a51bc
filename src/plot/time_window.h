/** @file time_window.h
 * @brief Calendar days, the plot's time window and its split into frames (--every).
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stac2h3::plot {

/** An inclusive run of days, counted since 1970-01-01. */
struct DayWindow {
  int32_t first = 0;
  int32_t last = 0;
  friend bool operator==(const DayWindow&, const DayWindow&) = default;
};

/**
 * Parses an ISO date (YYYY-MM-DD).
 * @return days since 1970-01-01.
 * @throws InputError naming `text` when it is not a valid date.
 */
int32_t parseDay(std::string_view text);
/** Formats days since 1970-01-01 as YYYY-MM-DD. */
std::string formatDay(int32_t day);
/** "YYYY-MM-DD" for a one-day window, else "YYYY-MM-DD – YYYY-MM-DD". */
std::string formatWindow(const DayWindow& window);

/** How frames step through the window: a number of days, or calendar months. */
struct FrameStep {
  int days = 0;    ///< > 0 for a step of days
  int months = 0;  ///< > 0 for a step of calendar months
};

/**
 * Parses --every: "Nd" (days) or "Nm" (calendar months), N >= 1, e.g. 1d, 7d, 1m.
 * @throws InputError naming `text` otherwise.
 */
FrameStep parseFrameStep(std::string_view text);

/**
 * Splits `whole` into consecutive frames of `step`, the first starting at whole.first; the
 * last frame is cut at whole.last. Month steps start frames on the same day of the month
 * (clamped to the month's length). A step of neither days nor months gives one frame.
 */
std::vector<DayWindow> splitWindow(const DayWindow& whole, const FrameStep& step);

}  // namespace stac2h3::plot
