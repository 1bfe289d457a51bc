/** @file acquisition_test.cpp
 * @brief Acquisitions: baselines, grouping by tile and time, ranking and its ties, order
 * independence, what each item of one contributes.
 */
#include "resample/acquisition.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>

#include "geo/cover.h"
#include "geo/footprint_validity.h"
#include "real_items.h"
#include "stac/utc_time.h"

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

/** One split-granule pair as split_granules_reference.py computes it (pyproj gnomonic,
 * shapely difference, pyproj.Geod areas on the authalic sphere): the ids in rank order, the
 * area of the first and what the second adds, km². */
struct ReferencePair {
  std::string first, second;
  double first_km2, second_adds_km2;
};

const std::map<std::string, ReferencePair> kReferencePairs = {
    {"12SYJ 2024-07-19T17:49:09.024Z",
     {"S2B_MSIL2A_20240719T174909_R141_T12SYJ_20240720T011002",
      "S2B_MSIL2A_20240719T174909_R141_T12SYJ_20240720T014812", 3848.023597, 1858.835278}},
    {"13SBD 2024-07-19T17:49:09.024Z",
     {"S2B_MSIL2A_20240719T174909_R141_T13SBD_20240720T011346",
      "S2B_MSIL2A_20240719T174909_R141_T13SBD_20240720T014825", 5464.564959, 2220.753663}},
    {"13SCC 2024-07-19T17:49:09.024Z",
     {"S2B_MSIL2A_20240719T174909_R141_T13SCC_20240720T020024",
      "S2B_MSIL2A_20240719T174909_R141_T13SCC_20240720T005439", 12051.243593, 0.0}},
    {"13SCD 2024-07-19T17:49:09.024Z",
     {"S2B_MSIL2A_20240719T174909_R141_T13SCD_20240720T012711",
      "S2B_MSIL2A_20240719T174909_R141_T13SCD_20240720T014858", 11169.461314, 881.551962}},
    {"13SDC 2024-07-19T17:49:09.024Z",
     {"S2B_MSIL2A_20240719T174909_R141_T13SDC_20240720T015107",
      "S2B_MSIL2A_20240719T174909_R141_T13SDC_20240720T010104", 10754.596556, 1199.012038}},
    // The whole tile (nodata 0 %) first; the 4 % corner inside it adds nothing.
    {"13SDD 2024-07-19T17:49:09.024Z",
     {"S2B_MSIL2A_20240719T174909_R141_T13SDD_20240720T012941",
      "S2B_MSIL2A_20240719T174909_R141_T13SDD_20240720T014201", 12054.376785, 0.0}},
    // Footprints of 0.57 and 0.08 square degrees overlapping in 0.076: the smaller adds the
    // strip the larger lacks.
    {"13SDD 2024-08-20T17:39:01.024Z",
     {"S2A_MSIL2A_20240820T173901_R098_T13SDD_20240821T001753",
      "S2A_MSIL2A_20240820T173901_R098_T13SDD_20240821T000250", 5475.133263, 41.548671}},
    {"13SEC 2024-07-19T17:49:09.024Z",
     {"S2B_MSIL2A_20240719T174909_R141_T13SEC_20240720T005651",
      "S2B_MSIL2A_20240719T174909_R141_T13SEC_20240720T014308", 1189.483672, 675.900262}},
    {"13SED 2024-08-20T17:39:01.024Z",
     {"S2A_MSIL2A_20240820T173901_R098_T13SED_20240821T001753",
      "S2A_MSIL2A_20240820T173901_R098_T13SED_20240821T000250", 10583.697027, 1470.593371}},
    {"13SFD 2024-08-20T17:39:01.024Z",
     {"S2A_MSIL2A_20240820T173901_R098_T13SFD_20240821T001753",
      "S2A_MSIL2A_20240820T173901_R098_T13SFD_20240821T000250", 8036.659788, 4011.541309}},
    {"13SGD 2024-08-20T17:39:01.024Z",
     {"S2A_MSIL2A_20240820T173901_R098_T13SGD_20240821T000250",
      "S2A_MSIL2A_20240820T173901_R098_T13SGD_20240821T001753", 4920.561944, 1793.265099}},
    {"13TDE 2024-05-30T17:49:09.024Z",
     {"S2B_MSIL2A_20240530T174909_R141_T13TDE_20240531T000206",
      "S2B_MSIL2A_20240530T174909_R141_T13TDE_20240530T231838", 8126.906127, 3925.168336}},
    {"13TDE 2024-08-20T17:39:01.024Z",
     {"S2A_MSIL2A_20240820T173901_R098_T13TDE_20240821T000250",
      "S2A_MSIL2A_20240820T173901_R098_T13TDE_20240821T001753", 2958.084406, 0.0}},
    {"14SKJ 2024-08-20T17:39:01.024Z",
     {"S2A_MSIL2A_20240820T173901_R098_T14SKJ_20240821T000250",
      "S2A_MSIL2A_20240820T173901_R098_T14SKJ_20240821T001753", 3698.337251, 1041.523165}},
};

TEST(EffectiveFootprints, RealSplitGranulesOfPlanetaryComputer) {
  STAC2H3_REQUIRE_SHARED(test::sharedData(test::kPlanetaryComputerItems));
  const std::vector<stac::Item> items = test::readSharedItems(test::kPlanetaryComputerItems);
  std::map<std::string, uint32_t> tiles;
  std::vector<AcquisitionKey> keys;
  for (const stac::Item& item : items) {
    AcquisitionKey key;
    key.tile = tiles.try_emplace(item.mgrs_tile, tiles.size() + 1).first->second;
    key.sensed_us = stac::parseUtcMicros(item.datetime).value();
    key.baseline = baselineNumber(item.processing_baseline);
    key.nodata = static_cast<float>(item.value(stac::Value::kNodata));
    keys.push_back(key);
  }
  const RankedAcquisitions ranked = rankedAcquisitions(keys, [&](uint32_t i) {
    return ItemName{items[i].id, items[i].collection};
  });
  size_t pairs = 0;
  for (size_t g = 0; g < ranked.size(); ++g) {
    const auto group = ranked.group(g);
    if (group.size() == 1) continue;
    ++pairs;
    const stac::Item& first = items[group[0]];
    const stac::Item& second = items[group[1]];
    ASSERT_EQ(group.size(), 2u) << first.id;
    const auto found = kReferencePairs.find(first.mgrs_tile + " " + first.datetime);
    ASSERT_NE(found, kReferencePairs.end()) << first.id;
    const ReferencePair& reference = found->second;
    EXPECT_EQ(first.id, reference.first);
    EXPECT_EQ(second.id, reference.second);
    const auto contributions = effectiveFootprints(
        std::vector<const geo::MultiPolygon*>{&first.footprint, &second.footprint});
    EXPECT_EQ(contributions[0], first.footprint) << first.id;
    // The reference's areas come from PROJ's and pyproj's arithmetic: 1e-6 relative.
    EXPECT_NEAR(geo::areaKm2(contributions[0]), reference.first_km2, 1e-6 * reference.first_km2);
    if (reference.second_adds_km2 == 0.0) {
      EXPECT_TRUE(contributions[1].empty()) << second.id;
    } else {
      EXPECT_NEAR(geo::areaKm2(contributions[1]), reference.second_adds_km2,
                  1e-6 * reference.second_adds_km2)
          << second.id;
      std::string reason;
      EXPECT_TRUE(geo::isValidFootprint(contributions[1], &reason)) << second.id << ": " << reason;
    }
  }
  EXPECT_EQ(pairs, kReferencePairs.size());
}

}  // namespace
}  // namespace stac2h3::resample
