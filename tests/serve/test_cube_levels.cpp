/** @file test_cube_levels.cpp
 * @brief A store's levels: a pyramid's groups named by level (xarray-written), a single-level
 * cube as a pyramid of one, and a directory that is neither.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "serve/cube_levels.h"
#include "util/error.h"

namespace stac2h3::serve {
namespace {

TEST(CubeLevels, OpensEveryLevelOfAPyramid) {
  const CubeLevels cube(SERVE_PYRAMID);
  ASSERT_EQ(cube.levels().size(), 4u);
  for (int level = 0; level <= 3; ++level) {
    const Level& found = cube.levels()[static_cast<size_t>(level)];
    EXPECT_EQ(found.resolution, level);
    EXPECT_EQ(cube.find(level), &found);
    // make_cube.py writes every cell of the level.
    EXPECT_EQ(found.cube->cells().size(), static_cast<size_t>(2 + 120 * std::pow(7, level)));
    EXPECT_EQ(found.cube->days().size(), 45u);
  }
  EXPECT_EQ(cube.find(4), nullptr);
  EXPECT_EQ(cube.finest().resolution, 3);
  EXPECT_TRUE(cube.hasVariable("water"));
  EXPECT_FALSE(cube.hasVariable("time"));
  const auto& variables = cube.variables();
  ASSERT_EQ(variables.size(), 8u);
  const auto cloud = std::find_if(variables.begin(), variables.end(),
                                  [](const VariableInfo& v) { return v.name == "cloud_cover"; });
  ASSERT_NE(cloud, variables.end());
  EXPECT_EQ(cloud->units, "%");
  EXPECT_EQ(cloud->long_name, "cloud_cover");
}

TEST(CubeLevels, SingleLevelCubeIsOneLevel) {
  const CubeLevels cube(SERVE_SINGLE_CUBE);
  ASSERT_EQ(cube.levels().size(), 1u);
  EXPECT_EQ(cube.finest().resolution, 2);
  EXPECT_NE(cube.find(2), nullptr);
}

TEST(CubeLevels, RefusesWhatIsNotACube) {
  const auto empty = std::filesystem::temp_directory_path() / "stac2h3_serve_not_a_cube";
  std::filesystem::create_directories(empty);
  EXPECT_THROW(CubeLevels{empty}, InputError);
  std::filesystem::remove_all(empty);
  EXPECT_THROW(CubeLevels{"/nonexistent/cube.zarr"}, InputError);
}

}  // namespace
}  // namespace stac2h3::serve
