/** @file test_cell_to_children.cpp
 * @brief cellToChildrenSize / cellToChildren: counts (pentagons have fewer), the
 * reference's order, bad resolutions.
 */
#include <gtest/gtest.h>

#include "h3/h3.h"
#include "oracle.h"

namespace stac2h3::h3 {
namespace {

TEST(CellToChildren, Counts) {
  const Cell hexagon = 0x85283473fffffffULL;
  EXPECT_EQ(cellToChildrenSize(hexagon, 5), 1);
  EXPECT_EQ(cellToChildrenSize(hexagon, 7), 49);
  EXPECT_EQ(cellToChildrenSize(hexagon, 15), 282475249);
  EXPECT_EQ(cellToChildrenSize(hexagon, 4), -1);
  EXPECT_EQ(cellToChildrenSize(hexagon, 16), -1);
  const Cell pentagon = pentagons(2)[0];
  EXPECT_EQ(cellToChildrenSize(pentagon, 3), 6);
  EXPECT_EQ(cellToChildrenSize(pentagon, 4), 6 + 5 * 7);  // the pentagon's 6, 5 hexagons' 7
}

TEST(CellToChildren, PentagonSkipsTheDeletedDigit) {
  std::vector<Cell> children;
  ASSERT_EQ(cellToChildren(pentagons(0)[0], 1, children), Error::kSuccess);
  ASSERT_EQ(children.size(), 6u);
  EXPECT_TRUE(isPentagon(children[0]));
  for (const Cell c : children) EXPECT_TRUE(isValidCell(c));
  EXPECT_EQ(cellToChildren(pentagons(0)[0], 16, children), Error::kResDomain);
}

TEST(CellToChildren, MatchesReferenceOracle) {
  const auto oracle = test::readOracle("cell_to_children.txt");
  std::vector<Cell> children;
  for (const auto& row : oracle.rows) {
    const Cell cell = test::toCell(row[0]);
    const int res = test::toInt(row[1]);
    EXPECT_EQ(cellToChildrenSize(cell, res), test::toInt(row[2])) << row[0];
    ASSERT_EQ(cellToChildren(cell, res, children), Error::kSuccess);
    ASSERT_EQ(children.size() + 3, row.size()) << row[0] << " res " << res;
    for (size_t i = 0; i < children.size(); ++i) {
      EXPECT_EQ(children[i], test::toCell(row[3 + i])) << row[0] << " child " << i;
    }
  }
}

}  // namespace
}  // namespace stac2h3::h3
