/** @file test_are_neighbor_cells.cpp
 * @brief areNeighborCells: hand cases and the reference's answers for pairs within 2 steps.
 */
#include <gtest/gtest.h>

#include "h3/h3.h"
#include "oracle.h"

namespace stac2h3::h3 {
namespace {

TEST(AreNeighborCells, HandCases) {
  const Cell origin = 0x85283473fffffffULL;
  const auto ring = gridDisk(origin, 1);
  for (size_t i = 1; i < ring.size(); ++i) {
    EXPECT_TRUE(areNeighborCells(origin, ring[i]));
    EXPECT_TRUE(areNeighborCells(ring[i], origin));
  }
  EXPECT_FALSE(areNeighborCells(origin, origin));
  Cell parent = 0;
  ASSERT_EQ(cellToParent(origin, 4, parent), Error::kSuccess);
  EXPECT_FALSE(areNeighborCells(origin, parent));  // different resolutions
  EXPECT_FALSE(areNeighborCells(origin, 0));       // invalid
}

TEST(AreNeighborCells, MatchesReferenceOracle) {
  const auto oracle = test::readOracle("are_neighbor_cells.txt");
  for (const auto& row : oracle.rows) {
    EXPECT_EQ(areNeighborCells(test::toCell(row[0]), test::toCell(row[1])), row[2] == "1")
        << row[0] << " " << row[1];
  }
}

}  // namespace
}  // namespace stac2h3::h3
