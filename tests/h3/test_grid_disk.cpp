/** @file test_grid_disk.cpp
 * @brief gridDisk: sizes, pentagon neighbourhoods, and the reference's disks as sets.
 */
#include <gtest/gtest.h>

#include <algorithm>

#include "h3/h3.h"
#include "oracle.h"

namespace stac2h3::h3 {
namespace {

std::vector<Cell> sorted(std::vector<Cell> cells) {
  std::sort(cells.begin(), cells.end());
  return cells;
}

TEST(GridDisk, HexagonDiskSizes) {
  const Cell origin = 0x85283473fffffffULL;
  for (int k = 0; k <= 6; ++k) {
    const auto disk = gridDisk(origin, k);
    EXPECT_EQ(disk.size(), static_cast<size_t>(3 * k * (k + 1) + 1)) << "k " << k;
    EXPECT_EQ(disk.front(), origin);
    const auto cells = sorted(disk);
    EXPECT_EQ(std::adjacent_find(cells.begin(), cells.end()), cells.end()) << "duplicates, k " << k;
  }
  EXPECT_TRUE(gridDisk(origin, -1).empty());
}

TEST(GridDisk, AroundPentagons) {
  for (int res = 0; res <= kMaxResolution; ++res) {
    for (const Cell p : pentagons(res)) {
      EXPECT_EQ(gridDisk(p, 1).size(), 6u) << cellToString(p);
      // Around a pentagon, ring k has 5k cells.
      if (res >= 2) {
        EXPECT_EQ(gridDisk(p, 2).size(), 16u) << cellToString(p);
      }
    }
  }
}

TEST(GridDisk, IntoAVectorReplacesItsContents) {
  std::vector<Cell> out = {1, 2, 3};
  const Cell hexagon = 0x85283473fffffffULL;
  gridDisk(hexagon, 2, out);
  EXPECT_EQ(out, gridDisk(hexagon, 2));
  const Cell pentagon = pentagons(5).front();  // the breadth-first search's path
  gridDisk(pentagon, 2, out);
  EXPECT_EQ(out, gridDisk(pentagon, 2));
  EXPECT_EQ(out.size(), 16u);
  gridDisk(hexagon, -1, out);
  EXPECT_TRUE(out.empty());
}

TEST(GridDisk, CoversTheWholeGrid) {
  EXPECT_EQ(gridDisk(res0Cells()[0], 30).size(), static_cast<size_t>(kNumBaseCells));
}

TEST(GridDisk, MatchesReferenceOracle) {
  const auto oracle = test::readOracle("grid_disk.txt");
  for (const auto& row : oracle.rows) {
    const auto disk = sorted(gridDisk(test::toCell(row[0]), test::toInt(row[1])));
    std::vector<Cell> expected;
    for (size_t i = 2; i < row.size(); ++i) expected.push_back(test::toCell(row[i]));
    EXPECT_EQ(disk, sorted(expected)) << row[0] << " k " << row[1];
  }
}

}  // namespace
}  // namespace stac2h3::h3
