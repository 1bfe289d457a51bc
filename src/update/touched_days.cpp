/** @file touched_days.cpp
 * @brief Days an update recomputes (see touched_days.h).
 */
#include "update/touched_days.h"

#include <algorithm>

#include "resample/acquisition.h"
#include "stac/utc_time.h"

namespace stac2h3::update {

std::vector<int32_t> touchedDays(const std::vector<std::string>& datetimes) {
  std::vector<int32_t> days;
  for (const std::string& text : datetimes) {
    const auto micros = stac::parseUtcMicros(text);
    if (!micros) continue;
    int64_t day = *micros / stac::kMicrosPerDay;
    if (*micros % stac::kMicrosPerDay < 0) --day;
    const int64_t into_day = *micros - day * stac::kMicrosPerDay;
    days.push_back(static_cast<int32_t>(day));
    if (into_day <= resample::kSameAcquisitionMicros) days.push_back(static_cast<int32_t>(day - 1));
    if (stac::kMicrosPerDay - into_day <= resample::kSameAcquisitionMicros) {
      days.push_back(static_cast<int32_t>(day + 1));
    }
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

std::vector<DayRun> readingRuns(const std::vector<int32_t>& days, int32_t margin) {
  std::vector<DayRun> runs;
  for (const int32_t day : days) {
    if (!runs.empty() && day - margin <= runs.back().last + 1) {
      runs.back().last = std::max(runs.back().last, day + margin);
    } else {
      runs.push_back({day - margin, day + margin});
    }
  }
  return runs;
}

}  // namespace stac2h3::update
