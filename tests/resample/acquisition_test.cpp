/** @file acquisition_test.cpp
 * @brief Acquisitions: baselines, grouping by tile and time, ranking and its ties, order
 * independence, what each item of one contributes.
 */
#include "resample/acquisition.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

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
      {1, t, 500, std::nanf(""), 6},                       // 0: older baseline
      {1, t + 1000, 510, std::nanf(""), 6},                // 1: newest: kept
      {1, t + 2 * 3600'000'000LL, 500, std::nanf(""), 6},  // 2: same tile, next pass: kept
      {2, t, 400, std::nanf(""), 6},                       // 3: other tile: kept
      {0, t, 400, std::nanf(""), 6},                       // 4: unknown tile: never a duplicate
      {0, t, 500, std::nanf(""), 6},                       // 5: unknown tile: never a duplicate
  };
  const std::vector<bool> expected = {true, false, false, false, false, false};
  EXPECT_EQ(findDuplicates(keys), expected);
}

TEST(FindDuplicates, TiesKeepMoreValuesThenTheLaterItem) {
  const int64_t t = 1'700'000'000'000'000;
  EXPECT_EQ(findDuplicates(std::vector<AcquisitionKey>{{7, t, 510, std::nanf(""), 6},
                                                       {7, t, 510, std::nanf(""), 5}}),
            (std::vector<bool>{false, true}));
  EXPECT_EQ(findDuplicates(std::vector<AcquisitionKey>{{7, t, 510, std::nanf(""), 6},
                                                       {7, t, 510, std::nanf(""), 6}}),
            (std::vector<bool>{true, false}));
}

constexpr int64_t kTime = 1'700'000'000'000'000;
constexpr float kUnknown = std::numeric_limits<float>::quiet_NaN();

struct TestItem {
  AcquisitionKey key;
  std::string id;
  std::string collection = "sentinel-2-l2a";
};

/** The groups as lists of ids, each ranked. */
std::vector<std::vector<std::string>> rankedIds(const std::vector<TestItem>& items) {
  std::vector<AcquisitionKey> keys;
  for (const TestItem& item : items) keys.push_back(item.key);
  const RankedAcquisitions ranked = rankedAcquisitions(keys, [&](uint32_t i) {
    return ItemName{items[i].id, items[i].collection};
  });
  std::vector<std::vector<std::string>> groups;
  for (size_t g = 0; g < ranked.size(); ++g) {
    groups.emplace_back();
    for (const uint32_t i : ranked.group(g)) {
      groups.back().push_back(items[i].id + "@" + items[i].collection);
    }
  }
  return groups;
}

TEST(RankedAcquisitions, RanksBaselineThenNodataThenIdThenCollection) {
  const std::vector<TestItem> items = {
      {{1, kTime, 510, 5.0F}, "b"},                       // newest baseline, more nodata
      {{1, kTime + 1000, 500, 0.0F}, "z"},                // older baseline
      {{1, kTime + 2000, 510, 1.0F}, "a"},                // newest, least nodata: first
      {{1, kTime, 510, kUnknown}, "y"},                   // unknown nodata: after known
      {{1, kTime, 510, 5.0F}, "c"},                       // ties "b": larger id first
      {{1, kTime, 510, 5.0F}, "c", "sentinel-2-c1-l2a"},  // same id: larger collection
      {{2, kTime, 400, 0.0F}, "other-tile"},
      {{1, kTime + 2 * 3'600'000'000LL, 400, 0.0F}, "next-pass"},
      {{0, kTime, 510, 0.0F}, "no-tile-1"},  // each item without a tile is alone
      {{0, kTime, 510, 0.0F}, "no-tile-2"},
  };
  const std::vector<std::vector<std::string>> expected = {
      {"a@sentinel-2-l2a", "c@sentinel-2-l2a", "c@sentinel-2-c1-l2a", "b@sentinel-2-l2a",
       "y@sentinel-2-l2a", "z@sentinel-2-l2a"},
      {"next-pass@sentinel-2-l2a"},
      {"other-tile@sentinel-2-l2a"},
      {"no-tile-1@sentinel-2-l2a"},
      {"no-tile-2@sentinel-2-l2a"},
  };
  EXPECT_EQ(rankedIds(items), expected);
}

TEST(RankedAcquisitions, TimesChainWithinAMinute) {
  const std::vector<TestItem> items = {
      {{1, kTime, 510, 0.0F}, "a"},
      {{1, kTime + 50'000'000, 510, 1.0F}, "b"},
      {{1, kTime + 100'000'000, 510, 2.0F}, "c"},  // 100 s after a, 50 s after b
      {{1, kTime + 161'000'000, 510, 3.0F}, "d"},  // 61 s after c: a new acquisition
  };
  const auto groups = rankedIds(items);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].size(), 3u);
  EXPECT_EQ(groups[1], std::vector<std::string>{"d@sentinel-2-l2a"});
}

TEST(RankedAcquisitions, DoesNotDependOnTheOrderOfTheItems) {
  std::vector<TestItem> items;
  for (int i = 0; i < 40; ++i) {
    // Four tiles, acquisitions of up to five items with ties on baseline and nodata.
    items.push_back({{static_cast<uint32_t>(1 + i % 4), kTime + (i % 3) * 7'200'000'000LL,
                      500 + 10 * (i % 2), static_cast<float>(i % 5 == 0 ? 0 : 3)},
                     "item-" + std::to_string(i * 7919 % 40)});
  }
  const auto expected = rankedIds(items);
  std::mt19937 random(42);
  for (int trial = 0; trial < 5; ++trial) {
    std::shuffle(items.begin(), items.end(), random);
    EXPECT_EQ(rankedIds(items), expected);
  }
}

}  // namespace
}  // namespace stac2h3::resample
