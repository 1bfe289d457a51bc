/** @file test_utc_time.cpp
 * @brief UTC days and RFC 3339 instants against hand-computed epoch values.
 */
#include <gtest/gtest.h>

#include "stac/utc_time.h"

namespace stac2h3::stac {
namespace {

TEST(UtcTime, ParsesAndPrintsDays) {
  EXPECT_EQ(parseUtcDay("1970-01-01"), 0);
  EXPECT_EQ(parseUtcDay("2000-03-01"), 11017);  // 30 years + 7 leap days + Jan/Feb 2000
  EXPECT_EQ(parseUtcDay("1969-12-31"), -1);
  EXPECT_EQ(formatUtcDay(11017), "2000-03-01");
  EXPECT_EQ(formatUtcDay(-1), "1969-12-31");
  EXPECT_EQ(formatUtcDay(*parseUtcDay("2024-02-29")), "2024-02-29");
}

TEST(UtcTime, RejectsBadDays) {
  for (const char* text :
       {"2023-02-29", "2024-13-01", "2024-1-01", "20240101", "2024-01-01Z", "", "2024-01-32"}) {
    EXPECT_FALSE(parseUtcDay(text)) << text;
  }
}

TEST(UtcTime, ParsesTheDatetimeFormsServersSend) {
  const int64_t base = int64_t{1585764230} * 1'000'000;  // 2020-04-01T18:03:50Z
  EXPECT_EQ(parseUtcMicros("2020-04-01T18:03:50Z"), base);
  EXPECT_EQ(parseUtcMicros("2020-04-01T18:03:50.186000Z"), base + 186000);
  EXPECT_EQ(parseUtcMicros("2020-04-01T18:03:50.186Z"), base + 186000);
  EXPECT_EQ(parseUtcMicros("2020-04-01T18:03:50.1860009Z"), base + 186000);  // truncated
  EXPECT_EQ(parseUtcMicros("2020-04-01T18:03:50+00:00"), base);
  EXPECT_EQ(parseUtcMicros("2020-04-01T20:03:50+02:00"), base);
  EXPECT_EQ(parseUtcMicros("2020-04-01t18:03:50z"), base);
  EXPECT_EQ(parseUtcMicros("2020-04-01 18:03:50Z"), base);
}

TEST(UtcTime, RejectsBadDatetimes) {
  for (const char* text : {"2020-04-01", "2020-04-01T18:03:50", "2020-04-01T24:00:00Z",
                           "2020-04-01T18:03:50.Z", "2020-04-01T18:03Z", "x", ""}) {
    EXPECT_FALSE(parseUtcMicros(text)) << text;
  }
}

TEST(UtcTime, FormatsSecondsBeforeAndAfterTheEpoch) {
  EXPECT_EQ(formatUtcSeconds(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(formatUtcSeconds(-1'000'000), "1969-12-31T23:59:59Z");
  EXPECT_EQ(formatUtcSeconds(int64_t{1585764230} * 1'000'000 + 999'999), "2020-04-01T18:03:50Z");
}

}  // namespace
}  // namespace stac2h3::stac
