/** @file day_accumulator_test.cpp
 * @brief One day's sums over a tile of cells: the terms of an item, sums bit for bit those of
 * adding only the non-NULL values, and the tile written at its place in a narrower block.
 */
#include "resample/day_accumulator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

namespace stac2h3::resample {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

TEST(DayAccumulator, ItemTermsAreOneThenWeightAndValuePerVariable) {
  std::vector<double> terms;
  const std::vector<float> values = {2.5f, kNaN, 0.0f};
  DayAccumulator::itemTerms(values, terms);
  EXPECT_EQ(terms, (std::vector<double>{1, 1, 2.5, 0, 0, 1, 0}));
}

TEST(DayAccumulator, SumsEqualThoseOfSkippingNullValuesBitForBit) {
  constexpr size_t kValues = 3;
  constexpr uint32_t kCells = 50;
  std::mt19937 random(7);
  std::uniform_real_distribution<double> area(1e-3, 900.0);
  std::uniform_real_distribution<float> percent(0.0f, 100.0f);
  std::uniform_int_distribution<uint32_t> cell(0, kCells - 1);

  DayAccumulator accumulator;
  accumulator.reset(0, kCells, kValues);
  std::vector<double> sum_area(kCells, 0.0);
  std::vector<std::array<double, kValues>> weight(kCells), weighted(kCells);
  std::vector<double> terms;
  for (int item = 0; item < 400; ++item) {
    std::vector<float> values(kValues);
    for (float& value : values) value = random() % 3 == 0 ? kNaN : percent(random);
    DayAccumulator::itemTerms(values, terms);
    for (int overlap = 0; overlap < 5; ++overlap) {
      const uint32_t c = cell(random);
      const double a = area(random);
      accumulator.add(c, a, terms);
      sum_area[c] += a;
      for (size_t v = 0; v < kValues; ++v) {
        if (std::isnan(values[v])) continue;
        weight[c][v] += a;
        weighted[c][v] += a * static_cast<double>(values[v]);
      }
    }
  }
  store::CubeBlock block;
  block.reset(0, 1, kCells, kValues);
  const std::vector<double> cell_area(kCells, 1000.0);
  accumulator.finish(block, 0, cell_area);
  for (uint32_t c = 0; c < kCells; ++c) {
    for (size_t v = 0; v < kValues; ++v) {
      const float expected =
          weight[c][v] > 0 ? static_cast<float>(weighted[c][v] / weight[c][v]) : kNaN;
      const float got = block.floats[v][c];
      EXPECT_EQ(std::memcmp(&got, &expected, sizeof got), 0) << "cell " << c << " value " << v;
    }
    if (sum_area[c] > 0) {
      EXPECT_EQ(block.obsFraction()[c], static_cast<float>(sum_area[c] / 1000.0));
    }
  }
}

TEST(DayAccumulator, FinishWritesTheTileAtItsPlaceInTheBlockAndClears) {
  // The block holds cube cells [100, 110); the tile cells [104, 108); day 1 of 2.
  store::CubeBlock block;
  block.reset(0, 2, 10, 1);
  block.first_cell = 100;
  std::vector<double> cell_area(110, 10.0);
  DayAccumulator accumulator;
  accumulator.reset(104, 4, 1);
  std::vector<double> terms;
  DayAccumulator::itemTerms(std::vector<float>{30.0f}, terms);
  accumulator.add(105, 2.0, terms);
  accumulator.add(107, 5.0, terms);
  DayAccumulator::itemTerms(std::vector<float>{60.0f}, terms);
  accumulator.add(105, 6.0, terms);
  EXPECT_EQ(accumulator.finish(block, 1, cell_area), 2);
  const auto at = [](int64_t cell) { return static_cast<size_t>(10 + cell - 100); };  // day 1
  EXPECT_FLOAT_EQ(block.floats[0][at(105)], 52.5f);  // (2·30 + 6·60) / 8
  EXPECT_FLOAT_EQ(block.obsFraction()[at(105)], 0.8f);
  EXPECT_EQ(block.n_items[at(105)], 2);
  EXPECT_FLOAT_EQ(block.floats[0][at(107)], 30.0f);
  EXPECT_EQ(block.n_items[at(107)], 1);
  EXPECT_TRUE(std::isnan(block.floats[0][at(104)]));
  EXPECT_EQ(block.n_items[at(106)], 0);
  // Nothing outside the tile's cells of that day is written: mark, finish again, compare.
  block.floats[0][at(100)] = 7.0f;
  block.floats[0][0] = 8.0f;  // day 0
  accumulator.reset(104, 4, 1);
  EXPECT_EQ(accumulator.finish(block, 1, cell_area), 0);  // the sums were cleared
  EXPECT_EQ(block.floats[0][at(100)], 7.0f);
  EXPECT_EQ(block.floats[0][0], 8.0f);
  EXPECT_TRUE(std::isnan(block.floats[0][at(105)]));
}

}  // namespace
}  // namespace stac2h3::resample
