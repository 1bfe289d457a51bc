/** @file test_is_valid_cell.cpp
 * @brief isValidCell on hand-built bad ids, and on random and damaged 64-bit values
 * against the reference.
 */
#include <gtest/gtest.h>

#include "h3/h3.h"
#include "oracle.h"

namespace stac2h3::h3 {
namespace {

TEST(IsValidCell, RejectsMalformedIds) {
  const Cell good = 0x85283473fffffffULL;
  ASSERT_TRUE(isValidCell(good));
  EXPECT_FALSE(isValidCell(0));
  EXPECT_FALSE(isValidCell(good | (1ULL << 63)));                        // high bit
  EXPECT_FALSE(isValidCell((good & ~(15ULL << 59)) | (2ULL << 59)));     // mode 2 (edge)
  EXPECT_FALSE(isValidCell(good | (1ULL << 56)));                        // reserved bits
  EXPECT_FALSE(isValidCell((good & ~(127ULL << 45)) | (122ULL << 45)));  // base cell 122
  EXPECT_FALSE(isValidCell(good | (7ULL << 30)));                        // digit 5 = 7
  EXPECT_FALSE(isValidCell(good & ~(7ULL << 24)));                       // digit 7 used at res 5
  // Pentagon base cell 4 with first non-zero digit 1: the deleted subsequence.
  EXPECT_FALSE(isValidCell(0x830801fffffffffULL));
  EXPECT_TRUE(isValidCell(0x830802fffffffffULL));
}

TEST(IsValidCell, MatchesReferenceOracle) {
  const auto oracle = test::readOracle("is_valid_cell.txt");
  int valid = 0;
  for (const auto& row : oracle.rows) {
    const bool expected = row[1] == "1";
    EXPECT_EQ(isValidCell(test::toCell(row[0])), expected) << row[0];
    valid += expected ? 1 : 0;
  }
  EXPECT_GT(valid, 1000);  // the damaged ids include both outcomes
}

}  // namespace
}  // namespace stac2h3::h3
