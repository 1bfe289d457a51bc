/** @file test_cell_string.cpp
 * @brief cellToString / stringToCell: lowercase hex without prefix, strict parsing.
 */
#include <gtest/gtest.h>

#include "h3/h3.h"

namespace stac2h3::h3 {
namespace {

TEST(CellString, FormatsLowercaseHex) {
  EXPECT_EQ(cellToString(0x85283473fffffffULL), "85283473fffffff");
  EXPECT_EQ(cellToString(0x8001fffffffffffULL), "8001fffffffffff");
}

TEST(CellString, ParsesCaseInsensitively) {
  EXPECT_EQ(stringToCell("85283473fffffff"), 0x85283473fffffffULL);
  EXPECT_EQ(stringToCell("85283473FFFFFFF"), 0x85283473fffffffULL);
}

TEST(CellString, RejectsBadText) {
  EXPECT_FALSE(stringToCell(""));
  EXPECT_FALSE(stringToCell("0x85283473fffffff"));
  EXPECT_FALSE(stringToCell("85283473fffffff "));
  EXPECT_FALSE(stringToCell("85283473ffffffg"));
  EXPECT_FALSE(stringToCell("-85283473fffffff"));
  EXPECT_FALSE(stringToCell("185283473fffffff0"));  // 17 digits
  EXPECT_FALSE(stringToCell("85283473ffffff7"));    // hex, but digit 15 is not 7
}

TEST(CellString, RoundTripsEveryBaseCell) {
  for (const Cell c : res0Cells()) EXPECT_EQ(stringToCell(cellToString(c)), c);
}

}  // namespace
}  // namespace stac2h3::h3
