/** @file test_date_slices.cpp
 * @brief Slice lengths, cutting a span of days, and the border rule (an instant belongs to
 * exactly one slice).
 */
#include <gtest/gtest.h>

#include "stac/date_slices.h"
#include "util/error.h"

namespace stac2h3::stac {
namespace {

UtcDay day(const char* text) {
  return *parseUtcDay(text);
}

TEST(DateSlices, ParsesLengths) {
  EXPECT_EQ(parseSliceLength("1d").count, 1);
  EXPECT_EQ(parseSliceLength("7d").unit, SliceLength::Unit::kDays);
  EXPECT_EQ(parseSliceLength("1m").unit, SliceLength::Unit::kMonths);
  EXPECT_EQ(parseSliceLength("12m").count, 12);
  for (const char* bad : {"", "d", "0d", "-1d", "1w", "1dd", "1.5d", "7"}) {
    EXPECT_THROW(parseSliceLength(bad), InputError) << bad;
  }
}

TEST(DateSlices, CutsDaysWithAShortLastSlice) {
  const auto slices = makeDateSlices(day("2024-01-01"), day("2024-01-10"), parseSliceLength("7d"));
  ASSERT_EQ(slices.size(), 2u);
  EXPECT_EQ(slices[0].key(), "2024-01-01/2024-01-08");
  EXPECT_EQ(slices[1].key(), "2024-01-08/2024-01-11");  // --end inclusive
}

TEST(DateSlices, OneDaySpan) {
  const auto slices = makeDateSlices(day("2024-01-05"), day("2024-01-05"), parseSliceLength("1m"));
  ASSERT_EQ(slices.size(), 1u);
  EXPECT_EQ(slices[0].key(), "2024-01-05/2024-01-06");
}

TEST(DateSlices, MonthsClampWithoutDrift) {
  const auto slices = makeDateSlices(day("2024-01-31"), day("2024-05-30"), parseSliceLength("1m"));
  ASSERT_EQ(slices.size(), 4u);
  EXPECT_EQ(slices[0].key(), "2024-01-31/2024-02-29");
  EXPECT_EQ(slices[1].key(), "2024-02-29/2024-03-31");  // back to the 31st, not the 29th
  EXPECT_EQ(slices[2].key(), "2024-03-31/2024-04-30");
  EXPECT_EQ(slices[3].key(), "2024-04-30/2024-05-31");
}

TEST(DateSlices, RejectsAnEndBeforeTheStart) {
  EXPECT_THROW(makeDateSlices(day("2024-01-02"), day("2024-01-01"), {}), InputError);
}

TEST(DateSlices, RequestsAClosedIntervalASecondWider) {
  const DateSlice slice{day("2024-01-01"), day("2024-01-08")};
  EXPECT_EQ(slice.requestInterval(), "2023-12-31T23:59:59Z/2024-01-08T00:00:01Z");
}

TEST(DateSlices, MidnightBelongsToTheSliceItStarts) {
  const DateSlice first{day("2024-01-01"), day("2024-01-02")};
  const DateSlice second{day("2024-01-02"), day("2024-01-03")};
  const int64_t midnight = *parseUtcMicros("2024-01-02T00:00:00Z");
  EXPECT_FALSE(first.owns(midnight));
  EXPECT_TRUE(second.owns(midnight));
  EXPECT_TRUE(first.owns(midnight - 1));
  EXPECT_FALSE(second.owns(midnight - 1));
}

TEST(DateSlices, EveryInstantOfTheSpanHasExactlyOneSlice) {
  for (const char* length : {"1d", "3d", "7d", "1m", "2m"}) {
    const auto slices =
        makeDateSlices(day("2023-12-30"), day("2024-04-02"), parseSliceLength(length));
    EXPECT_EQ(slices.front().start, day("2023-12-30"));
    EXPECT_EQ(slices.back().end, day("2024-04-03"));
    for (size_t i = 1; i < slices.size(); ++i) EXPECT_EQ(slices[i].start, slices[i - 1].end);
    // Every hour and the instants next to every midnight.
    for (int64_t t = day("2023-12-30") * kMicrosPerDay; t < day("2024-04-03") * kMicrosPerDay;
         t += 3'600'000'000) {
      for (const int64_t instant : {t, t - 1, t + 1}) {
        int owners = 0;
        for (const auto& slice : slices) owners += slice.owns(instant) ? 1 : 0;
        const bool inside = instant >= day("2023-12-30") * kMicrosPerDay;
        EXPECT_EQ(owners, inside ? 1 : 0) << length << " " << instant;
      }
    }
  }
}

}  // namespace
}  // namespace stac2h3::stac
