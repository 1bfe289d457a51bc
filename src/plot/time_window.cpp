/** @file time_window.cpp
 * @brief Day parsing and formatting on std::chrono's civil calendar, and frame splitting.
 */
#include "plot/time_window.h"

#include <charconv>
#include <chrono>
#include <cstdio>

#include "util/error.h"

namespace stac2h3::plot {

namespace {

std::chrono::sys_days toSysDays(int32_t day) {
  return std::chrono::sys_days{std::chrono::days{day}};
}

int32_t toDay(std::chrono::sys_days date) {
  return static_cast<int32_t>(date.time_since_epoch().count());
}

/** Parses the digits text[pos, pos+len) into `out`; false on anything else. */
bool parseDigits(std::string_view text, size_t pos, size_t len, int& out) {
  if (pos + len > text.size()) return false;
  const char* begin = text.data() + pos;
  const char* end = begin + len;
  for (const char* c = begin; c != end; ++c) {
    if (*c < '0' || *c > '9') return false;
  }
  return std::from_chars(begin, end, out).ec == std::errc{};
}

}  // namespace

int32_t parseDay(std::string_view text) {
  int year = 0;
  int month = 0;
  int day = 0;
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      parseDigits(text, 0, 4, year) && parseDigits(text, 5, 2, month) &&
                      parseDigits(text, 8, 2, day);
  const std::chrono::year_month_day date{std::chrono::year{year},
                                         std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!shaped || !date.ok()) {
    throw InputError("bad date '" + std::string(text) + "' (expected YYYY-MM-DD)");
  }
  return toDay(std::chrono::sys_days{date});
}

std::string formatDay(int32_t day) {
  const std::chrono::year_month_day date{toSysDays(day)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

std::string formatWindow(const DayWindow& window) {
  if (window.first == window.last) return formatDay(window.first);
  return formatDay(window.first) + " \u2013 " + formatDay(window.last);
}

FrameStep parseFrameStep(std::string_view text) {
  int count = 0;
  const bool valid = text.size() >= 2 && parseDigits(text, 0, text.size() - 1, count) &&
                     count >= 1 && (text.back() == 'd' || text.back() == 'm');
  if (!valid) {
    throw InputError("bad --every '" + std::string(text) + "' (expected Nd or Nm, e.g. 7d, 1m)");
  }
  FrameStep step;
  (text.back() == 'd' ? step.days : step.months) = count;
  return step;
}

std::vector<DayWindow> splitWindow(const DayWindow& whole, const FrameStep& step) {
  if (step.days <= 0 && step.months <= 0) return {whole};
  std::vector<DayWindow> frames;
  const std::chrono::year_month_day origin{toSysDays(whole.first)};
  for (int index = 0;; ++index) {
    int32_t first = 0;
    int32_t next = 0;
    if (step.days > 0) {
      first = whole.first + index * step.days;
      next = first + step.days;
    } else {
      const auto start_of = [&](int months) {
        const auto month =
            std::chrono::year_month{origin.year(), origin.month()} + std::chrono::months{months};
        const auto last_day = std::chrono::year_month_day_last{
            month.year(), std::chrono::month_day_last{month.month()}};
        const auto day = std::min(origin.day(), last_day.day());
        return toDay(
            std::chrono::sys_days{std::chrono::year_month_day{month.year(), month.month(), day}});
      };
      first = start_of(index * step.months);
      next = start_of((index + 1) * step.months);
    }
    if (first > whole.last) break;
    frames.push_back({first, std::min(next - 1, whole.last)});
  }
  return frames;
}

}  // namespace stac2h3::plot
