/** @file mgrs_test.cpp
 * @brief MGRS bands, zone limits and square letters against hand-computed tiles.
 */
#include "synth/mgrs.h"

#include <gtest/gtest.h>

#include "util/error.h"

namespace stac2h3::synth {
namespace {

TEST(Mgrs, LatitudeBands) {
  EXPECT_EQ(latitudeBand(-72.5), 'C');
  EXPECT_EQ(latitudeBand(-83.0), 'C');  // the S2 grid extends C southwards
  EXPECT_EQ(latitudeBand(0.0), 'N');
  EXPECT_EQ(latitudeBand(-0.1), 'M');
  EXPECT_EQ(latitudeBand(48.2), 'U');
  EXPECT_EQ(latitudeBand(79.0), 'X');
  EXPECT_EQ(bandLatitudes('X'), std::make_pair(72.0, 84.0));
  EXPECT_EQ(bandLatitudes('U'), std::make_pair(48.0, 56.0));
  EXPECT_THROW(bandLatitudes('I'), InputError);
}

TEST(Mgrs, NorwayAndSvalbardExceptions) {
  EXPECT_EQ(zoneLongitudes(32, 'V'), std::make_pair(3.0, 12.0));
  EXPECT_EQ(zoneLongitudes(31, 'V'), std::make_pair(0.0, 3.0));
  EXPECT_EQ(zoneLongitudes(33, 'X'), std::make_pair(9.0, 21.0));
  EXPECT_FALSE(zoneLongitudes(34, 'X').has_value());
  EXPECT_EQ(zoneLongitudes(1, 'C'), std::make_pair(-180.0, -174.0));
}

TEST(Mgrs, SquareLettersOfKnownTiles) {
  // 13TDE (Colorado): column set A-H, D = 400 km; rows from A at 0, E = 4,400 km.
  EXPECT_EQ(squareLetters(13, 400000, 4400000), "DE");
  // 33UWP (Austria): set S-Z, W = 500 km; P = row 13 -> 5,300 km.
  EXPECT_EQ(squareLetters(33, 500000, 5300000), "WP");
  // 32VKK (Norway): even zone, rows start at F: K = 9 -> (64 + 5) mod 20.
  EXPECT_EQ(squareLetters(32, 200000, 6400000), "KK");
  // 01CCV (Antarctica): southern northing with false northing, V = row 19.
  EXPECT_EQ(squareLetters(1, 300000, 1900000), "CV");
  EXPECT_EQ(tileName(5, 'C', "NL"), "05CNL");
  EXPECT_THROW(squareLetters(33, 950000, 0), InputError);
}

}  // namespace
}  // namespace stac2h3::synth
