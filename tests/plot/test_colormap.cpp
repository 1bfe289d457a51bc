/** @file test_colormap.cpp
 * @brief Colour maps against matplotlib's published end points, quantisation, the robust
 * range.
 */
#include <gtest/gtest.h>

#include <cmath>

#include "plot/colormap.h"
#include "util/error.h"

namespace stac2h3::plot {
namespace {

TEST(Colormap, ViridisEndsAsPublished) {
  const Colormap viridis("viridis");
  // matplotlib's _viridis_data: first (0.267004, 0.004874, 0.329415), last (0.993248,
  // 0.906157, 0.143936), times 255 and rounded.
  EXPECT_EQ(viridis.at(0.0), (Rgb{68, 1, 84}));
  EXPECT_EQ(viridis.at(1.0), (Rgb{253, 231, 37}));
  EXPECT_EQ(Colormap("viridis_r").at(0.0), (Rgb{253, 231, 37}));
}

TEST(Colormap, QuantisesToLevels) {
  const Colormap coarse("magma", 4);
  EXPECT_EQ(coarse.levels(), 4);
  EXPECT_EQ(coarse.level(0.0), 0);
  EXPECT_EQ(coarse.level(0.26), 1);
  EXPECT_EQ(coarse.level(0.99), 3);
  EXPECT_EQ(coarse.level(7.0), 3);
  EXPECT_EQ(coarse.level(-1.0), 0);
  EXPECT_EQ(coarse.colour(3), Colormap("magma").at(1.0));
}

TEST(Colormap, UnknownNameListsKnownOnes) {
  try {
    Colormap("jet");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("viridis"), std::string::npos);
  }
  EXPECT_EQ(Colormap::defaultFor("cloud_cover"), "blues");
  EXPECT_EQ(Colormap::defaultFor("water"), "viridis");
}

TEST(Colormap, RobustRangeIgnoresOutliersAndNaN) {
  std::vector<float> values;
  for (int i = 0; i <= 100; ++i) values.push_back(static_cast<float>(i));
  values.push_back(1e6f);
  values.push_back(NAN);
  const auto scale = robustRange(values);
  ASSERT_TRUE(scale);
  EXPECT_NEAR(scale->lo, 2.0, 1.0);
  EXPECT_NEAR(scale->hi, 98.0, 1.0);
  EXPECT_FALSE(robustRange({NAN, NAN}));
  const auto flat = robustRange({5.0f, 5.0f});
  ASSERT_TRUE(flat);
  EXPECT_LT(flat->lo, 5.0);
  EXPECT_GT(flat->hi, 5.0);
}

}  // namespace
}  // namespace stac2h3::plot
