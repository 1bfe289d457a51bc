/** @file test_time_window.cpp
 * @brief Day parsing/formatting and the split of a window into --every frames.
 */
#include <gtest/gtest.h>

#include "plot/time_window.h"
#include "util/error.h"

namespace stac2h3::plot {
namespace {

TEST(TimeWindow, ParsesAndFormatsDays) {
  EXPECT_EQ(parseDay("1970-01-01"), 0);
  EXPECT_EQ(parseDay("2024-01-01"), 19723);  // date -d 2024-01-01 +%s / 86400
  EXPECT_EQ(parseDay("2024-02-29"), 19782);
  EXPECT_EQ(formatDay(19782), "2024-02-29");
  EXPECT_EQ(formatDay(-1), "1969-12-31");
}

TEST(TimeWindow, RejectsBadDays) {
  for (const char* text : {"2024-02-30", "2024-13-01", "2024-1-01", "20240101", "", "2024-01-0x"}) {
    EXPECT_THROW(parseDay(text), InputError) << text;
  }
}

TEST(TimeWindow, SplitsIntoWeeksCuttingTheLast) {
  const auto frames =
      splitWindow({parseDay("2024-01-01"), parseDay("2024-01-20")}, parseFrameStep("7d"));
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(formatWindow(frames[0]), "2024-01-01 \u2013 2024-01-07");
  EXPECT_EQ(formatWindow(frames[2]), "2024-01-15 \u2013 2024-01-20");
}

TEST(TimeWindow, SplitsIntoCalendarMonths) {
  const auto frames =
      splitWindow({parseDay("2024-01-31"), parseDay("2024-04-30")}, parseFrameStep("1m"));
  ASSERT_EQ(frames.size(), 4u);
  EXPECT_EQ(frames[0], (DayWindow{parseDay("2024-01-31"), parseDay("2024-02-28")}));
  EXPECT_EQ(frames[1], (DayWindow{parseDay("2024-02-29"), parseDay("2024-03-30")}));
  EXPECT_EQ(frames[3].last, parseDay("2024-04-30"));
}

TEST(TimeWindow, OneDayFramesAndLabels) {
  const auto frames = splitWindow({10, 12}, parseFrameStep("1d"));
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(formatWindow(frames[1]), "1970-01-12");
}

TEST(TimeWindow, RejectsBadSteps) {
  for (const char* text : {"0d", "7", "d", "7w", "-1d", "1.5d"}) {
    EXPECT_THROW(parseFrameStep(text), InputError) << text;
  }
}

}  // namespace
}  // namespace stac2h3::plot
