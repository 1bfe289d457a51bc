/** @file esa_tiles_test.cpp
 * @brief The embedded list of ESA's tile codes: its size and hand-picked codes in and out of
 * ESA's grid (the whole list against ESA's file is in esa_grid_test.cpp).
 */
#include "synth/esa_tiles.h"

#include <gtest/gtest.h>

namespace stac2h3::synth {
namespace {

TEST(EsaTiles, HoldsTheWholeGrid) {
  EXPECT_EQ(esaTileCount(), 56686u);  // the features of ESA's tiling grid KML
}

TEST(EsaTiles, KnowsRealTiles) {
  EXPECT_TRUE(isEsaTile("33UWP"));  // Austria
  EXPECT_TRUE(isEsaTile("01CCV"));  // first in ESA's order, across the antimeridian
  EXPECT_TRUE(isEsaTile("60XWR"));  // last zone, northernmost band
  EXPECT_TRUE(isEsaTile("13SDD"));  // a real item's tile in ../shared/data
  EXPECT_TRUE(isEsaTile("32VNL"));  // Norway exception: zone 32 widened in band V
}

TEST(EsaTiles, RejectsTilesOutsideTheGrid) {
  EXPECT_FALSE(isEsaTile("32XNE"));  // zone 32 has no band X (Svalbard exception)
  EXPECT_FALSE(isEsaTile("33UWW"));  // row W does not exist in MGRS
  EXPECT_FALSE(isEsaTile("01CAA"));  // a zone 1 band C square ESA leaves out
  EXPECT_FALSE(isEsaTile("33UW"));
  EXPECT_FALSE(isEsaTile(""));
  EXPECT_FALSE(isEsaTile("33uwp"));
}

}  // namespace
}  // namespace stac2h3::synth
