/** @file test_cell_to_parent.cpp
 * @brief cellToParent: digit truncation, bad resolutions, and the reference's parents.
 */
#include <gtest/gtest.h>

#include "h3/h3.h"
#include "oracle.h"

namespace stac2h3::h3 {
namespace {

TEST(CellToParent, TruncatesDigits) {
  Cell parent = 0;
  ASSERT_EQ(cellToParent(0x85283473fffffffULL, 3, parent), Error::kSuccess);
  EXPECT_EQ(parent, 0x832834fffffffffULL);
  ASSERT_EQ(cellToParent(0x85283473fffffffULL, 5, parent), Error::kSuccess);
  EXPECT_EQ(parent, 0x85283473fffffffULL);
  EXPECT_EQ(cellToParent(0x85283473fffffffULL, 6, parent), Error::kResDomain);
  EXPECT_EQ(cellToParent(0x85283473fffffffULL, -1, parent), Error::kResDomain);
}

TEST(CellToParent, MatchesReferenceOracle) {
  const auto oracle = test::readOracle("cell_to_parent.txt");
  for (const auto& row : oracle.rows) {
    Cell parent = 0;
    ASSERT_EQ(cellToParent(test::toCell(row[0]), test::toInt(row[1]), parent), Error::kSuccess);
    EXPECT_EQ(parent, test::toCell(row[2])) << row[0] << " to res " << row[1];
  }
}

}  // namespace
}  // namespace stac2h3::h3
