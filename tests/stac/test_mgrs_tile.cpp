/** @file test_mgrs_tile.cpp
 * @brief normalizeMgrsTile: padded and unpadded codes, prefixes, garbage.
 */
#include <gtest/gtest.h>

#include "stac/item_parser.h"

namespace stac2h3::stac {
namespace {

TEST(NormalizeMgrsTile, PadsAndStripsPrefixes) {
  EXPECT_EQ(normalizeMgrsTile("MGRS-5CNL"), "05CNL");
  EXPECT_EQ(normalizeMgrsTile("MGRS-33UXP"), "33UXP");
  EXPECT_EQ(normalizeMgrsTile("05CNL"), "05CNL");
  EXPECT_EQ(normalizeMgrsTile("5cnl"), "05CNL");
  EXPECT_EQ(normalizeMgrsTile("T01CCV"), "01CCV");
  EXPECT_EQ(normalizeMgrsTile("T1CCV"), "01CCV");
}

TEST(NormalizeMgrsTile, RejectsWhatIsNotATile) {
  EXPECT_EQ(normalizeMgrsTile(""), "");
  EXPECT_EQ(normalizeMgrsTile("MGRS-"), "");
  EXPECT_EQ(normalizeMgrsTile("00CNL"), "");  // zone 0
  EXPECT_EQ(normalizeMgrsTile("61CNL"), "");  // zone 61
  EXPECT_EQ(normalizeMgrsTile("33UX"), "");
  EXPECT_EQ(normalizeMgrsTile("33UXPP"), "");
  EXPECT_EQ(normalizeMgrsTile("AB123"), "");
}

}  // namespace
}  // namespace stac2h3::stac
