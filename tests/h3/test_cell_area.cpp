/** @file test_cell_area.cpp
 * @brief cellAreaRads2 / cellAreaKm2 against the reference, bit for bit.
 */
#include <gtest/gtest.h>

#include "h3/h3.h"
#include "oracle.h"

namespace stac2h3::h3 {
namespace {

TEST(CellArea, KnownCells) {
  EXPECT_NEAR(cellAreaKm2(0x85283473fffffffULL), 265.0925581282818, 265.0925581282818 * 1e-12);
  EXPECT_NEAR(cellAreaKm2(0x8001fffffffffffULL), 4106166.3344638464, 4106166.3344638464 * 1e-12);
  EXPECT_DOUBLE_EQ(cellAreaKm2(0x8001fffffffffffULL),
                   cellAreaRads2(0x8001fffffffffffULL) * kEarthRadiusKm * kEarthRadiusKm);
}

// Every area is exactly h3-js's, in rads² and km²: the same vertices (bit-exact, see
// test_cell_to_boundary) through the same formula in the same order. The smallest cells are
// the hard case: their area is ill-conditioned (edge terms of ~1e-7 cancel to ~1e-14).
TEST(CellArea, MatchesReferenceOracleExactly) {
  const auto oracle = test::readOracle("cell_area.txt");
  for (const auto& row : oracle.rows) {
    const Cell cell = test::toCell(row[0]);
    EXPECT_EQ(cellAreaRads2(cell), test::toDouble(row[1])) << row[0];
    EXPECT_EQ(cellAreaKm2(cell), test::toDouble(row[2])) << row[0];
  }
  EXPECT_GT(oracle.rows.size(), 5000U);
}

}  // namespace
}  // namespace stac2h3::h3
