/** @file acquisition_test.cpp
 * @brief Deduplication of acquisitions: baselines, tolerance, ties.
 */
#include "resample/acquisition.h"

#include <gtest/gtest.h>

namespace stac2h3::resample {
namespace {

TEST(BaselineNumber, ReadsTheDigits) {
  EXPECT_EQ(baselineNumber("05.10"), 510);
  EXPECT_EQ(baselineNumber("04.00"), 400);
  EXPECT_EQ(baselineNumber("N0212"), 212);
  EXPECT_EQ(baselineNumber(""), -1);
  EXPECT_EQ(baselineNumber("n/a"), -1);
  EXPECT_LT(baselineNumber("04.00"), baselineNumber("05.00"));
}

TEST(FindDuplicates, KeepsTheNewestBaselineOfEachAcquisition) {
  const int64_t t = 1'700'000'000'000'000;
  const std::vector<AcquisitionKey> keys = {
      {1, t, 500, 6},                       // 0: older baseline
      {1, t + 1000, 510, 6},                // 1: newest: kept
      {1, t + 2 * 3600'000'000LL, 500, 6},  // 2: same tile, next pass: kept
      {2, t, 400, 6},                       // 3: other tile: kept
      {0, t, 400, 6},                       // 4: unknown tile: never a duplicate
      {0, t, 500, 6},                       // 5: unknown tile: never a duplicate
  };
  const std::vector<bool> expected = {true, false, false, false, false, false};
  EXPECT_EQ(findDuplicates(keys), expected);
}

TEST(FindDuplicates, TiesKeepMoreValuesThenTheLaterItem) {
  const int64_t t = 1'700'000'000'000'000;
  EXPECT_EQ(findDuplicates(std::vector<AcquisitionKey>{{7, t, 510, 6}, {7, t, 510, 5}}),
            (std::vector<bool>{false, true}));
  EXPECT_EQ(findDuplicates(std::vector<AcquisitionKey>{{7, t, 510, 6}, {7, t, 510, 6}}),
            (std::vector<bool>{true, false}));
}

}  // namespace
}  // namespace stac2h3::resample
