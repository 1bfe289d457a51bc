/** @file windows_test.cpp
 * @brief Selection windows: whole days, half-open, --end inclusive, months from the first
 * day, the window owning an instant.
 */
#include "select/windows.h"

#include <gtest/gtest.h>

#include "util/error.h"

namespace stac2h3::select {
namespace {

stac::UtcDay day(const char* text) {
  return *stac::parseUtcDay(text);
}

int64_t instant(const char* text) {
  return *stac::parseUtcMicros(text);
}

TEST(SelectWindows, OneWindowByDefaultWithTheEndDayIncluded) {
  const auto windows = makeWindows(day("2025-01-01"), day("2025-01-31"), std::nullopt);
  ASSERT_EQ(windows.size(), 1u);
  EXPECT_EQ(windows[0].first, day("2025-01-01"));
  EXPECT_EQ(windows[0].last, day("2025-01-31"));
  EXPECT_EQ(windowOf(windows, instant("2025-01-31T23:59:59.999999Z")), 0);
  EXPECT_EQ(windowOf(windows, instant("2025-02-01T00:00:00Z")), -1);
  EXPECT_EQ(windowOf(windows, instant("2024-12-31T23:59:59Z")), -1);
}

TEST(SelectWindows, MonthlyWindowsAreHalfOpenAndTheLastIsCut) {
  const auto windows =
      makeWindows(day("2025-01-01"), day("2025-03-15"), stac::parseSliceLength("1m"));
  ASSERT_EQ(windows.size(), 3u);
  EXPECT_EQ(windows[1].first, day("2025-02-01"));
  EXPECT_EQ(windows[1].last, day("2025-02-28"));
  EXPECT_EQ(windows[2].last, day("2025-03-15"));
  // Midnight belongs to the window that starts then.
  EXPECT_EQ(windowOf(windows, instant("2025-02-01T00:00:00Z")), 1);
  EXPECT_EQ(windowOf(windows, instant("2025-01-31T23:59:59Z")), 0);
  EXPECT_EQ(windowOf(windows, instant("2025-03-16T00:00:00Z")), -1);
}

TEST(SelectWindows, SevenDayWindows) {
  const auto windows =
      makeWindows(day("2025-01-01"), day("2025-01-20"), stac::parseSliceLength("7d"));
  ASSERT_EQ(windows.size(), 3u);
  EXPECT_EQ(windows[1].first, day("2025-01-08"));
  EXPECT_EQ(windows[2].last, day("2025-01-20"));
}

TEST(SelectWindows, EndBeforeStartIsBadInput) {
  EXPECT_THROW(makeWindows(day("2025-02-01"), day("2025-01-31"), std::nullopt), InputError);
}

}  // namespace
}  // namespace stac2h3::select
