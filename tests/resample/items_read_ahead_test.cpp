/** @file items_read_ahead_test.cpp
 * @brief readItemsAhead: every row once, in fid order, across batch boundaries; a failing
 * consumer stops the reading and its error passes; a missing file is an Error. And
 * addItemsFromGpkg (read ahead, footprints recognised by their bytes) gives the same cube as
 * adding the decoded items.
 */
#include "resample/items_read_ahead.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <stdexcept>

#include "resample/exact_cell_areas.h"
#include "resample/items_input.h"
#include "util/error.h"

namespace stac2h3::resample {
namespace {

namespace fs = std::filesystem;

constexpr int kItems = 1300;  // more than two batches, not a whole number of them

stac::Item makeItem(int i) {
  stac::Item item;
  item.id = "item-" + std::to_string(i);
  item.collection = "sentinel-2-l2a";
  // 61 s apart on one day: one tile, but not one acquisition (that takes 60 s or less).
  const int seconds = i * 61;
  char datetime[32];
  std::snprintf(datetime, sizeof datetime, "2024-03-01T%02d:%02d:%02dZ", seconds / 3600,
                seconds / 60 % 60, seconds % 60);
  item.datetime = datetime;
  item.mgrs_tile = "31UFQ";
  item.values[0] = i;
  const double lon = (i % 300) * 0.5;
  item.footprint.polygons.push_back({{{lon, 1}, {lon + 0.25, 1}, {lon + 0.25, 2}, {lon, 2}}, {}});
  return item;
}

class ItemsReadAhead : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ =
        fs::temp_directory_path() / ("stac2h3_read_ahead_" + std::to_string(::getpid()) + ".gpkg");
    fs::remove(path_);
    std::vector<stac::Item> items;
    for (int i = 0; i < kItems; ++i) items.push_back(makeItem(i));
    store::ItemsWriter(path_).write(items);
  }
  void TearDown() override { fs::remove(path_); }
  fs::path path_;
};

TEST_F(ItemsReadAhead, EveryRowOnceInOrderWithItsBytes) {
  int next = 0;
  const int64_t rows = readItemsAhead(path_, {}, [&](const RawItemBatch& batch) {
    for (const store::RawItem& raw : batch.items) {
      const stac::Item expected = makeItem(next);
      EXPECT_EQ(raw.id, expected.id);
      EXPECT_EQ(raw.collection, expected.collection);
      EXPECT_EQ(raw.datetime, expected.datetime);
      EXPECT_EQ(raw.mgrs_tile, expected.mgrs_tile);
      EXPECT_EQ(raw.values[0], expected.values[0]);
      geo::MultiPolygon footprint;
      store::decodeGpkgGeometry(raw.geometry, footprint);
      ASSERT_EQ(footprint.polygons.size(), 1u);
      EXPECT_EQ(footprint.polygons[0].outer.front().lon,
                expected.footprint.polygons[0].outer.front().lon);
      ++next;
    }
  });
  EXPECT_EQ(rows, kItems);
  EXPECT_EQ(next, kItems);
}

TEST_F(ItemsReadAhead, AFailingConsumerStopsTheReadingAndItsErrorPasses) {
  int batches = 0;
  EXPECT_THROW(readItemsAhead(path_, {},
                              [&](const RawItemBatch&) {
                                if (++batches == 2) throw std::runtime_error("consumer failed");
                              }),
               std::runtime_error);
  EXPECT_EQ(batches, 2);
}

/** The one block of a cube of one day at res 4. */
std::pair<store::CubeDescription, store::CubeBlock> resampleWith(
    const std::function<void(Resampler&)>& add) {
  ResampleOptions options;
  options.resolution = 4;
  Resampler resampler(options, exactCellAreas());
  add(resampler);
  auto description = resampler.prepare();
  store::CubeBlock result;
  resampler.run([&](const store::CubeBlock& block) { result = block; });
  EXPECT_EQ(resampler.stats().distinct_footprints, 300);
  return {description, result};
}

TEST_F(ItemsReadAhead, TheGpkgPathGivesTheSameCubeAsDecodedItems) {
  // 300 footprints cycle on one tile: more than the few a tile remembers.
  const auto [gpkg_description, gpkg_block] =
      resampleWith([&](Resampler& resampler) { addItemsFromGpkg(path_, resampler); });
  const auto [item_description, item_block] = resampleWith([](Resampler& resampler) {
    for (int i = 0; i < kItems; ++i) resampler.add(makeItem(i));
  });
  ASSERT_EQ(gpkg_description.cells, item_description.cells);
  EXPECT_EQ(gpkg_block.n_items, item_block.n_items);
  for (size_t v = 0; v < gpkg_block.floats.size(); ++v) {
    for (size_t i = 0; i < gpkg_block.floats[v].size(); ++i) {
      const float a = gpkg_block.floats[v][i], b = item_block.floats[v][i];
      EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << "variable " << v << " at " << i;
    }
  }
}

TEST(ItemsReadAheadErrors, AMissingFileIsAnError) {
  EXPECT_THROW(readItemsAhead("/nonexistent/items.gpkg", {}, [](const RawItemBatch&) {}), Error);
}

}  // namespace
}  // namespace stac2h3::resample
