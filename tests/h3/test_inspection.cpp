/** @file test_inspection.cpp
 * @brief getResolution, getBaseCellNumber and isPentagon on hand-decoded ids.
 */
#include <gtest/gtest.h>

#include "h3/h3.h"

namespace stac2h3::h3 {
namespace {

TEST(Inspection, DecodesFields) {
  // 0x85283473fffffff: mode 1, res 5, base cell 20 (0x85283473fffffff >> 45 & 127).
  const Cell cell = 0x85283473fffffffULL;
  EXPECT_EQ(getResolution(cell), 5);
  EXPECT_EQ(getBaseCellNumber(cell), 20);
  EXPECT_FALSE(isPentagon(cell));
}

TEST(Inspection, PentagonsAreTheCentreDescendantsOfPentagonBaseCells) {
  // Base cell 4 is a pentagon: its res 3 centre child is a pentagon, its other children not.
  const Cell pentagon = 0x830800fffffffffULL;  // res 3, base cell 4, digits 0 0 0
  ASSERT_TRUE(isValidCell(pentagon));
  EXPECT_TRUE(isPentagon(pentagon));
  EXPECT_EQ(getBaseCellNumber(pentagon), 4);
  EXPECT_FALSE(isPentagon(0x830802fffffffffULL));  // last digit 2
  EXPECT_FALSE(isPentagon(0x8001fffffffffffULL));  // base cell 0 is a hexagon
  int count = 0;
  for (const Cell c : res0Cells()) count += isPentagon(c) ? 1 : 0;
  EXPECT_EQ(count, kNumPentagons);
}

}  // namespace
}  // namespace stac2h3::h3
