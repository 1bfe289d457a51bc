/** @file test_aggregate.cpp
 * @brief Per-cell aggregation over a window against numpy's nan-aggregates (written by
 * make_cube.py for the "weekly" cube, which has NaN gaps and a window across chunks).
 */
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "h3/h3.h"
#include "plot/aggregate.h"
#include "plot_test_data.h"
#include "util/error.h"

namespace stac2h3::plot {
namespace {

using test::testData;

/** make_cube.py's expectations: "name v0 v1 ..." per line. */
std::map<std::string, std::vector<std::string>> readExpectations() {
  std::ifstream in(testData("weekly_expected.txt"));
  std::map<std::string, std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string name;
    fields >> name;
    std::string word;
    while (fields >> word) rows[name].push_back(word);
  }
  return rows;
}

TEST(Aggregate, MatchesNumpy) {
  const auto expected = readExpectations();
  ASSERT_EQ(expected.at("window").size(), 2u);
  const DayWindow window{std::stoi(expected.at("window")[0]), std::stoi(expected.at("window")[1])};
  const store::ZarrCubeReader cube(testData("weekly.zarr"));
  for (const Aggregation aggregation : {Aggregation::kMean, Aggregation::kMedian, Aggregation::kMin,
                                        Aggregation::kMax, Aggregation::kCount}) {
    const auto frames = aggregateFrames(cube, "cloud_cover", {window}, aggregation, false);
    ASSERT_EQ(frames.size(), 1u);
    const auto& reference = expected.at(std::string(aggregationName(aggregation)));
    for (size_t c = 0; c < reference.size(); ++c) {
      ASSERT_EQ(h3::cellToString(cube.cells()[c]), expected.at("cells")[c]);
      const double want = std::stod(reference[c]);
      EXPECT_NEAR(frames[0].values[c], want, 1e-3 * std::max(1.0, std::abs(want)))
          << aggregationName(aggregation) << " cell " << c;
    }
  }
}

TEST(Aggregate, FramesAndItemCounts) {
  const store::ZarrCubeReader cube(testData("weekly.zarr"));
  const auto windows = splitWindow({cube.days().front(), cube.days().back()}, parseFrameStep("7d"));
  const auto frames = aggregateFrames(cube, "water", windows, Aggregation::kMean, true);
  ASSERT_EQ(frames.size(), 4u);
  // n_items is 1 + day % 3 on observed days; cell 0 has gaps on days 0 and 4.
  EXPECT_EQ(frames[0].n_items[0], 2u + 3u + 1u + 3u + 1u);  // days 1, 2, 3, 5, 6
  EXPECT_FALSE(allMissing(frames));
}

TEST(Aggregate, CellRangeEqualsThoseCellsOfTheWhole) {
  const store::ZarrCubeReader cube(testData("weekly.zarr"));
  const DayWindow window{cube.days()[3], cube.days()[17]};
  const store::CellRange range{1000, 2345};
  for (const Aggregation aggregation : {Aggregation::kMean, Aggregation::kMedian, Aggregation::kMax,
                                        Aggregation::kCount}) {
    const auto whole = aggregateFrames(cube, "cloud_cover", {window}, aggregation, true);
    const auto part = aggregateFrames(cube, "cloud_cover", {window}, aggregation, true, range);
    ASSERT_EQ(part[0].values.size(), range.count);
    ASSERT_EQ(part[0].n_items.size(), range.count);
    for (size_t c = 0; c < range.count; ++c) {
      const float want = whole[0].values[range.begin + c];
      EXPECT_TRUE(part[0].values[c] == want || (std::isnan(want) && std::isnan(part[0].values[c])))
          << aggregationName(aggregation) << " cell " << c;
      EXPECT_EQ(part[0].n_items[c], whole[0].n_items[range.begin + c]);
    }
  }
  EXPECT_THROW(aggregateFrames(cube, "water", {window}, Aggregation::kMean, false,
                               store::CellRange{cube.cells().size() - 1, 2}),
               InputError);
}

TEST(Aggregate, AllNaNAndUnknownVariable) {
  const store::ZarrCubeReader cube(testData("nan.zarr"));
  const DayWindow whole{cube.days().front(), cube.days().back()};
  for (const Aggregation aggregation :
       {Aggregation::kMean, Aggregation::kCount, Aggregation::kMedian}) {
    EXPECT_TRUE(allMissing(aggregateFrames(cube, "cloud_cover", {whole}, aggregation, false)));
  }
  EXPECT_THROW(aggregateFrames(cube, "clouds", {whole}, Aggregation::kMean, false), InputError);
  // A window outside the cube's days has no values either.
  EXPECT_TRUE(allMissing(aggregateFrames(store::ZarrCubeReader(testData("lat.zarr")), "water",
                                         {{0, 10}}, Aggregation::kMax, false)));
}

TEST(Aggregate, ParsesNames) {
  EXPECT_EQ(parseAggregation("median"), Aggregation::kMedian);
  EXPECT_EQ(aggregationName(Aggregation::kCount), "count");
  EXPECT_THROW(parseAggregation("sum"), InputError);
}

}  // namespace
}  // namespace stac2h3::plot
