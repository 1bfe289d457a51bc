/** @file test_zarr_cube_reader.cpp
 * @brief Reading cubes that xarray wrote: coordinates, attributes and day ranges.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "h3/h3.h"
#include "plot_test_data.h"
#include "store/zarr_cube_reader.h"
#include "util/error.h"

namespace stac2h3::store {
namespace {

using plot::test::testData;

TEST(ZarrCubeReader, ReadsCoordinates) {
  const ZarrCubeReader cube(testData("lat.zarr"));
  EXPECT_EQ(cube.cells().size(), 842u);  // every resolution-1 cell
  EXPECT_TRUE(std::is_sorted(cube.cells().begin(), cube.cells().end()));
  EXPECT_EQ(cube.resolution(), 1);
  ASSERT_EQ(cube.days().size(), 14u);
  EXPECT_EQ(cube.days().front(), 19723);  // 2024-01-01
  EXPECT_EQ(cube.days().back(), 19736);
  const auto variables = cube.variables();
  EXPECT_EQ(variables.size(), 8u);
  EXPECT_TRUE(cube.hasVariable("n_items"));
  EXPECT_FALSE(cube.hasVariable("time"));
  EXPECT_EQ(cube.units("cloud_cover"), "%");
  EXPECT_EQ(cube.timeChunk("cloud_cover"), 7u);
}

TEST(ZarrCubeReader, ReadsDaysAcrossChunks) {
  const ZarrCubeReader cube(testData("lat.zarr"));
  std::vector<float> values;
  cube.readDays("cloud_cover", 5, 4, values);  // spans the chunks of days 0-6 and 7-13
  ASSERT_EQ(values.size(), 4 * cube.cells().size());
  // The "lat" pattern is |latitude| / 90 * 100 of the cell centre (from h3-js), every day.
  for (size_t c = 0; c < cube.cells().size(); c += 97) {
    const double lat = h3::cellToLatLng(cube.cells()[c]).lat * 180.0 / M_PI;
    for (size_t d = 0; d < 4; ++d) {
      EXPECT_NEAR(values[d * cube.cells().size() + c], std::abs(lat) / 90.0 * 100.0, 1e-3);
    }
  }
  cube.readDays("n_items", 0, 3, values);
  EXPECT_EQ(values[0], 1.0f);
  EXPECT_EQ(values[2 * cube.cells().size()], 3.0f);
}

TEST(ZarrCubeReader, ReadsACellRange) {
  const ZarrCubeReader cube(testData("lat.zarr"));
  std::vector<float> whole;
  std::vector<float> part;
  cube.readDays("cloud_cover", 5, 4, whole);
  cube.readDays("cloud_cover", 5, 4, CellRange{100, 250}, part);
  ASSERT_EQ(part.size(), 4u * 250u);
  for (size_t d = 0; d < 4; ++d) {
    for (size_t c = 0; c < 250; ++c) {
      EXPECT_EQ(part[d * 250 + c], whole[d * cube.cells().size() + 100 + c]);
    }
  }
  EXPECT_THROW(cube.readDays("water", 0, 1, CellRange{800, 43}, part), InputError);
  EXPECT_EQ(cube.attribute("cloud_cover", "long_name"), "cloud_cover");
  EXPECT_EQ(cube.attribute("", "absent"), "");
}

TEST(ZarrCubeReader, RejectsBadInput) {
  EXPECT_THROW(ZarrCubeReader(testData("absent.zarr")), InputError);
  const ZarrCubeReader cube(testData("lat.zarr"));
  std::vector<float> values;
  EXPECT_THROW(cube.readDays("nope", 0, 1, values), InputError);
  EXPECT_THROW(cube.readDays("water", 10, 5, values), InputError);
  EXPECT_THROW(cube.units("time"), InputError);
}

}  // namespace
}  // namespace stac2h3::store
