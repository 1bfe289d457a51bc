/** @file test_cell_to_lat_lng.cpp
 * @brief cellToLatLng: centres round-trip to their cell, and equal the reference's.
 */
#include <gtest/gtest.h>

#include "h3/h3.h"
#include "oracle.h"

namespace stac2h3::h3 {
namespace {

TEST(CellToLatLng, CentreOfKnownCell) {
  // The centre of 85283473fffffff, by the reference (37.3452°N, 121.9766°W).
  const LatLng c = cellToLatLng(*stringToCell("85283473fffffff"));
  EXPECT_NEAR(test::toDegrees(c.lat), 37.34579337536848, 1e-9);
  EXPECT_NEAR(test::toDegrees(c.lng), -121.97637597255124, 1e-9);
}

// Bit for bit, and each centre maps back to its cell.
TEST(CellToLatLng, MatchesReferenceOracleExactly) {
  const auto oracle = test::readOracle("cell_to_lat_lng.txt");
  for (const auto& row : oracle.rows) {
    const Cell cell = test::toCell(row[0]);
    const LatLng c = cellToLatLng(cell);
    EXPECT_EQ(test::toDegrees(c.lat), test::toDouble(row[1])) << row[0];
    EXPECT_EQ(test::toDegrees(c.lng), test::toDouble(row[2])) << row[0];
    Cell back = 0;
    ASSERT_EQ(latLngToCell(c, getResolution(cell), back), Error::kSuccess);
    EXPECT_EQ(back, cell) << row[0];
  }
}

}  // namespace
}  // namespace stac2h3::h3
