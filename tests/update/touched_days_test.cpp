/** @file touched_days_test.cpp
 * @brief touchedDays / readingRuns: hand-computed days (2025-01-01 is day 20089).
 */
#include "update/touched_days.h"

#include <gtest/gtest.h>

namespace stac2h3::update {
namespace {

constexpr int32_t kJan1 = 20089;

TEST(TouchedDays, TheDaysOfTheDatetimesSortedOnce) {
  EXPECT_EQ(touchedDays({"2025-01-03T10:00:00Z", "2025-01-01T10:00:00Z", "2025-01-03T11:00:00Z"}),
            (std::vector<int32_t>{kJan1, kJan1 + 2}));
  EXPECT_TRUE(touchedDays({}).empty());
}

TEST(TouchedDays, WithinAMinuteOfMidnightTheNeighbouringDayToo) {
  // 59 s after midnight: its acquisition may hold items of the day before.
  EXPECT_EQ(touchedDays({"2025-01-02T00:00:59Z"}), (std::vector<int32_t>{kJan1, kJan1 + 1}));
  EXPECT_EQ(touchedDays({"2025-01-02T00:00:00Z"}), (std::vector<int32_t>{kJan1, kJan1 + 1}));
  // 30 s before midnight: the next day.
  EXPECT_EQ(touchedDays({"2025-01-01T23:59:30.5Z"}), (std::vector<int32_t>{kJan1, kJan1 + 1}));
  // A minute and a second away: that day alone.
  EXPECT_EQ(touchedDays({"2025-01-02T00:01:01Z"}), (std::vector<int32_t>{kJan1 + 1}));
  EXPECT_EQ(touchedDays({"2025-01-01T23:58:59Z"}), (std::vector<int32_t>{kJan1}));
}

TEST(TouchedDays, OffsetsCountInUtcAndTextThatIsNoInstantIsSkipped) {
  EXPECT_EQ(touchedDays({"2025-01-02T01:00:00+02:00", "garbage", ""}),
            (std::vector<int32_t>{kJan1}));
  // Before 1970: days below zero, floor not truncation.
  EXPECT_EQ(touchedDays({"1969-12-31T12:00:00Z"}), (std::vector<int32_t>{-1}));
}

TEST(ReadingRuns, WidenedByTheMarginAndMergedWhenTheyMeet) {
  const std::vector<DayRun> runs = readingRuns({10, 11, 15, 30}, 2);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].first, 8);
  EXPECT_EQ(runs[0].last, 17);  // 8..13 and 13..17 meet
  EXPECT_EQ(runs[1].first, 28);
  EXPECT_EQ(runs[1].last, 32);
  EXPECT_TRUE(readingRuns({}, 2).empty());
  const std::vector<DayRun> adjacent = readingRuns({10, 13}, 1);  // 9..11 and 12..14 touch
  ASSERT_EQ(adjacent.size(), 1u);
  EXPECT_EQ(adjacent[0].last, 14);
}

}  // namespace
}  // namespace stac2h3::update
