/** @file day_patch_test.cpp
 * @brief cellIndexMap and copyDays: whole days patched across different cell sets, checked
 * cell by cell against hand-made blocks.
 */
#include "update/day_patch.h"

#include <gtest/gtest.h>

#include <cmath>

#include "util/error.h"

namespace stac2h3::update {
namespace {

/** A block whose value of (day, cell) in every float array v is day*100 + cell + v/10 and
 * whose count is day + 1, for the days and cells given. */
store::CubeBlock numbered(int32_t first_day, int32_t days, int64_t cells) {
  store::CubeBlock block;
  block.reset(first_day, days, cells, 1);
  for (int32_t d = 0; d < days; ++d) {
    for (int64_t c = 0; c < cells; ++c) {
      const size_t at = static_cast<size_t>(d * cells + c);
      for (size_t v = 0; v < block.floats.size(); ++v) {
        block.floats[v][at] =
            static_cast<float>((first_day + d) * 100 + c) + 0.1f * static_cast<float>(v);
      }
      block.n_items[at] = static_cast<uint16_t>(first_day + d + 1);
    }
  }
  return block;
}

TEST(CellIndexMap, EachCellsPlaceInTheOtherSetOrMinusOne) {
  EXPECT_EQ(cellIndexMap({2, 5, 9}, {1, 2, 3, 9}), (std::vector<int64_t>{1, -1, 3}));
  EXPECT_EQ(cellIndexMap({}, {1, 2}), (std::vector<int64_t>{}));
  EXPECT_EQ(cellIndexMap({1, 2}, {}), (std::vector<int64_t>{-1, -1}));
}

TEST(CopyDays, WantedDaysReplacedWholeOverOtherCells) {
  // Source: days 10..12, cells {20, 30, 40}; target: days 11..14, cells {10, 20, 40, 50}.
  const store::CubeBlock source = numbered(10, 3, 3);
  store::CubeBlock target = numbered(11, 4, 4);
  const std::vector<int64_t> map = cellIndexMap({20, 30, 40}, {10, 20, 40, 50});
  copyDays(
      source, map, [](int32_t day) { return day != 12; }, target);
  // Day 11 (target day 0) came from the source: cell 20 (target 1) <- source cell 0, cell 40
  // (target 2) <- source cell 2; cells 10 and 50 are unobserved; source cell 30 is dropped.
  EXPECT_TRUE(std::isnan(target.floats[0][0]));
  EXPECT_EQ(target.n_items[0], 0);
  EXPECT_EQ(target.floats[0][1], 1100.0f);
  EXPECT_EQ(target.floats[1][1], 1100.1f);
  EXPECT_EQ(target.floats[0][2], 1102.0f);
  EXPECT_EQ(target.n_items[2], 12);
  EXPECT_TRUE(std::isnan(target.obsFraction()[3]));
  EXPECT_EQ(target.n_items[3], 0);
  // Day 12 was not wanted, days 13 and 14 are not in the source: untouched.
  for (int32_t d = 1; d < 4; ++d) {
    for (int64_t c = 0; c < 4; ++c) {
      EXPECT_EQ(target.floats[0][d * 4 + c], static_cast<float>((11 + d) * 100 + c));
      EXPECT_EQ(target.n_items[d * 4 + c], 11 + d + 1);
    }
  }
}

TEST(CopyDays, SameCellsCopyTheRows) {
  const store::CubeBlock source = numbered(0, 2, 5);
  store::CubeBlock target;
  target.reset(0, 2, 5, 1);
  copyDays(
      source, cellIndexMap({1, 2, 3, 4, 5}, {1, 2, 3, 4, 5}), [](int32_t) { return true; }, target);
  EXPECT_EQ(target.floats, source.floats);
  EXPECT_EQ(target.n_items, source.n_items);
}

TEST(CopyDays, MismatchedBlocksAreErrors) {
  const store::CubeBlock source = numbered(0, 1, 2);
  store::CubeBlock target = numbered(0, 1, 2);
  EXPECT_THROW(copyDays(
                   source, {0}, [](int32_t) { return true; }, target),
               Error);
  store::CubeBlock more;
  more.reset(0, 1, 2, 3);
  EXPECT_THROW(copyDays(
                   source, {0, 1}, [](int32_t) { return true; }, more),
               Error);
}

}  // namespace
}  // namespace stac2h3::update
