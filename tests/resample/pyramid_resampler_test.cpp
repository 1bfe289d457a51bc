/** @file pyramid_resampler_test.cpp
 * @brief The multi-resolution engine (ResampleOptions::min_resolution) on the real geometry:
 * every level equals, bit for bit, what a Resampler of that single resolution makes of the
 * same items (overlapping footprints, NULL values, a duplicate, an unusable footprint, the
 * antimeridian, several blocks of days).
 */
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "resample/exact_cell_areas.h"
#include "resample/resampler.h"
#include "util/error.h"

namespace stac2h3::resample {
namespace {

constexpr double kNaN = stac::kMissing;

geo::MultiPolygon box(double west, double south, double east, double north) {
  geo::MultiPolygon shape;
  shape.polygons.push_back({{{west, south}, {east, south}, {east, north}, {west, north}}, {}});
  return shape;
}

stac::Item item(geo::MultiPolygon footprint, const std::string& datetime,
                std::array<double, stac::kNumValues> values, const std::string& tile = "",
                const std::string& baseline = "05.10") {
  stac::Item result;
  result.id = tile + datetime + baseline;
  result.datetime = datetime;
  result.mgrs_tile = tile;
  result.processing_baseline = baseline;
  result.values = values;
  result.footprint = std::move(footprint);
  return result;
}

std::vector<stac::Item> items() {
  // A bow tie: self-intersecting, unusable at every resolution.
  geo::MultiPolygon bow_tie;
  bow_tie.polygons.push_back({{{20, 0}, {21, 1}, {21, 0}, {20, 1}}, {}});
  return {
      item(box(9.0, 44.0, 10.5, 45.2), "2024-03-01T10:00:00Z", {10, 1, 0, 40, 50, 9}, "32TNR"),
      item(box(10.0, 44.5, 11.2, 45.6), "2024-03-01T10:00:05Z", {30, kNaN, 0, 20, 70, 10}, "32TPR"),
      // The same acquisition, an older baseline: dropped.
      item(box(10.0, 44.5, 11.2, 45.6), "2024-03-01T10:00:20Z", {99, 99, 99, 99, 99, 99}, "32TPR",
           "04.00"),
      item(box(9.0, 44.0, 10.5, 45.2), "2024-03-05T10:00:00Z", {kNaN, 2, 5, 10, 80, 5}, "32TNR"),
      item(box(179.3, -17.0, -179.6, -16.0), "2024-03-05T22:00:00Z", {60, 0, 0, 0, 0, 100}),
      item(bow_tie, "2024-03-02T10:00:00Z", {1, 1, 1, 1, 1, 1}),
      item(box(-60.5, -3.0, -59.0, -2.0), "2024-03-09T14:00:00Z", {80, 3, 0, 90, 5, 5}),
  };
}

struct Cube {
  store::CubeDescription description;
  std::vector<store::CubeBlock> blocks;
};

void expectSameCube(const Cube& pyramid, const Cube& single, int res) {
  SCOPED_TRACE("resolution " + std::to_string(res));
  EXPECT_EQ(pyramid.description.resolution, res);
  EXPECT_EQ(pyramid.description.cells, single.description.cells);
  EXPECT_EQ(pyramid.description.first_day, single.description.first_day);
  EXPECT_EQ(pyramid.description.num_days, single.description.num_days);
  EXPECT_EQ(pyramid.description.item_count, single.description.item_count);
  ASSERT_EQ(pyramid.blocks.size(), single.blocks.size());
  for (size_t b = 0; b < single.blocks.size(); ++b) {
    const store::CubeBlock& got = pyramid.blocks[b];
    const store::CubeBlock& want = single.blocks[b];
    EXPECT_EQ(got.first_day, want.first_day);
    EXPECT_EQ(got.num_days, want.num_days);
    ASSERT_EQ(got.floats.size(), want.floats.size());
    for (size_t v = 0; v < want.floats.size(); ++v) {
      ASSERT_EQ(got.floats[v].size(), want.floats[v].size());
      // Bit for bit (NaN where NaN): the same sums in the same order.
      EXPECT_EQ(std::memcmp(got.floats[v].data(), want.floats[v].data(),
                            want.floats[v].size() * sizeof(float)),
                0)
          << cube::dataVariables(single.description.variables)[v] << " block " << b;
    }
    EXPECT_EQ(got.n_items, want.n_items) << "block " << b;
  }
}

ResampleOptions options(int res) {
  ResampleOptions result;
  result.resolution = res;
  result.block_days = 4;  // several blocks over the 9 days
  return result;
}

TEST(PyramidResampler, EveryLevelEqualsItsOwnResampling) {
  constexpr int kFinest = 4;
  ResampleOptions pyramid_options = options(kFinest);
  pyramid_options.min_resolution = 0;
  Resampler pyramid(pyramid_options, exactCellAreas());
  for (const auto& i : items()) pyramid.add(i);
  const store::CubeDescription finest = pyramid.prepare();
  EXPECT_EQ(finest.resolution, kFinest);
  EXPECT_EQ(pyramid.stats().duplicates, 1);
  EXPECT_EQ(pyramid.stats().unusable_items, 1);
  EXPECT_EQ(pyramid.stats().unusable_footprints, 1);
  // Coarser to finer, to show the levels do not depend on the order they are run in.
  for (int res = 0; res <= kFinest; ++res) {
    Cube level{pyramid.describe(res), {}};
    pyramid.run(res, [&](const store::CubeBlock& block) { level.blocks.push_back(block); });

    Resampler alone(options(res), exactCellAreas());
    for (const auto& i : items()) alone.add(i);
    Cube single{alone.prepare(), {}};
    alone.run([&](const store::CubeBlock& block) { single.blocks.push_back(block); });
    EXPECT_EQ(level.description.item_count, 5);
    EXPECT_FALSE(level.description.cells.empty());
    expectSameCube(level, single, res);
  }
}

TEST(PyramidResampler, LevelsOutsideThePyramidAreErrors) {
  ResampleOptions bad = options(3);
  bad.min_resolution = 4;
  EXPECT_THROW(Resampler(bad, exactCellAreas()), InputError);
  bad.min_resolution = -1;
  EXPECT_THROW(Resampler(bad, exactCellAreas()), InputError);

  ResampleOptions good = options(3);
  good.min_resolution = 2;
  Resampler resampler(good, exactCellAreas());
  for (const auto& i : items()) resampler.add(i);
  EXPECT_THROW(resampler.describe(2), Error);  // before prepare()
  resampler.prepare();
  EXPECT_EQ(resampler.describe(2).resolution, 2);
  EXPECT_THROW(resampler.describe(1), Error);
  EXPECT_THROW(resampler.run(4, [](const store::CubeBlock&) {}), Error);
}

}  // namespace
}  // namespace stac2h3::resample
