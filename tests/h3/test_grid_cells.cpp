/** @file test_grid_cells.cpp
 * @brief res0Cells and pentagons: counts, order, and properties.
 */
#include <gtest/gtest.h>

#include "h3/h3.h"

namespace stac2h3::h3 {
namespace {

TEST(GridCells, Res0CellsInBaseCellOrder) {
  const auto cells = res0Cells();
  ASSERT_EQ(cells.size(), static_cast<size_t>(kNumBaseCells));
  for (int bc = 0; bc < kNumBaseCells; ++bc) {
    EXPECT_TRUE(isValidCell(cells[bc]));
    EXPECT_EQ(getResolution(cells[bc]), 0);
    EXPECT_EQ(getBaseCellNumber(cells[bc]), bc);
  }
  EXPECT_EQ(cells[0], 0x8001fffffffffffULL);
}

TEST(GridCells, TwelvePentagonsAtEveryResolution) {
  // The pentagon base cells, as the H3 specification lists them.
  const int kPentagonBaseCells[] = {4, 14, 24, 38, 49, 58, 63, 72, 83, 97, 107, 117};
  for (int res = 0; res <= kMaxResolution; ++res) {
    const auto cells = pentagons(res);
    ASSERT_EQ(cells.size(), static_cast<size_t>(kNumPentagons));
    for (int i = 0; i < kNumPentagons; ++i) {
      EXPECT_TRUE(isValidCell(cells[i]));
      EXPECT_TRUE(isPentagon(cells[i]));
      EXPECT_EQ(getResolution(cells[i]), res);
      EXPECT_EQ(getBaseCellNumber(cells[i]), kPentagonBaseCells[i]);
    }
  }
  EXPECT_TRUE(pentagons(16).empty());
}

}  // namespace
}  // namespace stac2h3::h3
