/** @file utc_time.cpp
 * @brief Parsing and printing UTC days and RFC 3339 instants (see utc_time.h).
 */
#include "stac/utc_time.h"

#include <chrono>
#include <cstdio>

namespace stac2h3::stac {

namespace {

/** Reads exactly `count` decimal digits at `pos`, advancing it; nullopt otherwise. */
std::optional<int> readDigits(std::string_view text, size_t& pos, size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += count;
  return value;
}

bool expect(std::string_view text, size_t& pos, char wanted) {
  if (pos >= text.size() || text[pos] != wanted) return false;
  ++pos;
  return true;
}

/** Parses "YYYY-MM-DD" at `pos` into a day, advancing `pos`. */
std::optional<UtcDay> readDate(std::string_view text, size_t& pos) {
  const auto year = readDigits(text, pos, 4);
  if (!year || !expect(text, pos, '-')) return std::nullopt;
  const auto month = readDigits(text, pos, 2);
  if (!month || !expect(text, pos, '-')) return std::nullopt;
  const auto day = readDigits(text, pos, 2);
  if (!day) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days{date}.time_since_epoch().count();
}

}  // namespace

std::optional<UtcDay> parseUtcDay(std::string_view text) {
  size_t pos = 0;
  const auto day = readDate(text, pos);
  if (!day || pos != text.size()) return std::nullopt;
  return day;
}

std::string formatUtcDay(UtcDay day) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::string formatUtcSeconds(int64_t micros) {
  // Floor division, so instants before the epoch print the right day.
  int64_t day = micros / kMicrosPerDay;
  if (micros % kMicrosPerDay < 0) --day;
  const int64_t seconds_of_day = (micros - day * kMicrosPerDay) / 1'000'000;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02dZ", static_cast<int>(seconds_of_day / 3600),
                static_cast<int>(seconds_of_day / 60 % 60), static_cast<int>(seconds_of_day % 60));
  return formatUtcDay(day) + buffer;
}

std::optional<int64_t> parseUtcMicros(std::string_view text) {
  size_t pos = 0;
  const auto day = readDate(text, pos);
  if (!day || pos >= text.size()) return std::nullopt;
  const char separator = text[pos++];
  if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
  const auto hour = readDigits(text, pos, 2);
  if (!hour || *hour > 23 || !expect(text, pos, ':')) return std::nullopt;
  const auto minute = readDigits(text, pos, 2);
  if (!minute || *minute > 59 || !expect(text, pos, ':')) return std::nullopt;
  const auto second = readDigits(text, pos, 2);
  if (!second || *second > 60) return std::nullopt;  // 60: a leap second
  int64_t micros = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int64_t scale = 100'000;
    const size_t first_digit = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      micros += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == first_digit) return std::nullopt;
  }
  if (pos >= text.size()) return std::nullopt;
  int64_t offset_minutes = 0;
  const char zone = text[pos++];
  if (zone == '+' || zone == '-') {
    const auto offset_hours = readDigits(text, pos, 2);
    if (!offset_hours || !expect(text, pos, ':')) return std::nullopt;
    const auto offset_mins = readDigits(text, pos, 2);
    if (!offset_mins) return std::nullopt;
    offset_minutes = (*offset_hours * 60 + *offset_mins) * (zone == '+' ? 1 : -1);
  } else if (zone != 'Z' && zone != 'z') {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  const int64_t seconds =
      *day * 86'400 + *hour * 3600 + *minute * 60 + *second - offset_minutes * 60;
  return seconds * 1'000'000 + micros;
}

}  // namespace stac2h3::stac
