/** @file date_slices.cpp
 * @brief Slice lengths, slice keys and intervals, and the cutting of a span (see
 * date_slices.h).
 */
#include "stac/date_slices.h"

#include <algorithm>
#include <charconv>
#include <chrono>

#include "util/error.h"

namespace stac2h3::stac {

namespace {

/** Margin added on both sides of the requested interval. */
constexpr int64_t kRequestMarginMicros = 1'000'000;

/** The day `months` calendar months after `day`, clamped to the target month's end. */
UtcDay addMonths(UtcDay day, int months) {
  using namespace std::chrono;
  const year_month_day date{sys_days{days{day}}};
  year_month_day moved = date + std::chrono::months{months};
  if (!moved.ok()) moved = year_month_day_last{moved.year(), month_day_last{moved.month()}};
  return sys_days{moved}.time_since_epoch().count();
}

}  // namespace

SliceLength parseSliceLength(std::string_view text) {
  SliceLength length;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  const auto [end, error] = std::from_chars(first, last, length.count);
  const bool unit_ok = end + 1 == last && (*end == 'd' || *end == 'm');
  if (error != std::errc{} || !unit_ok || length.count < 1) {
    throw InputError("bad slice length '" + std::string(text) +
                     "': expected N days or months such as 1d, 7d, 1m");
  }
  length.unit = *end == 'd' ? SliceLength::Unit::kDays : SliceLength::Unit::kMonths;
  return length;
}

std::string DateSlice::key() const {
  return formatUtcDay(start) + "/" + formatUtcDay(end);
}

std::string requestInterval(int64_t start_micros, int64_t end_micros) {
  return formatUtcSeconds(start_micros - kRequestMarginMicros) + "/" +
         formatUtcSeconds(end_micros + kRequestMarginMicros);
}

std::string DateSlice::requestInterval() const {
  return stac::requestInterval(start * kMicrosPerDay, end * kMicrosPerDay);
}

bool DateSlice::owns(int64_t micros) const {
  return micros >= start * kMicrosPerDay && micros < end * kMicrosPerDay;
}

std::vector<DateSlice> makeDateSlices(UtcDay first, UtcDay last, SliceLength length) {
  if (last < first) {
    throw InputError("the end date " + formatUtcDay(last) + " is before the start date " +
                     formatUtcDay(first));
  }
  if (length.count < 1) throw InputError("the slice length must be at least 1");
  std::vector<DateSlice> slices;
  const UtcDay stop = last + 1;
  for (int index = 0;; ++index) {
    // Month steps are computed from `first` each time, so clamping (Jan 31 -> Feb 28) does not
    // drift the later slices.
    const UtcDay start = slices.empty() ? first : slices.back().end;
    if (start >= stop) break;
    const UtcDay next = length.unit == SliceLength::Unit::kDays
                            ? start + length.count
                            : addMonths(first, (index + 1) * length.count);
    slices.push_back({start, std::min(next, stop)});
  }
  return slices;
}

}  // namespace stac2h3::stac
