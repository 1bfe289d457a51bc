/** @file acquisition_resample_test.cpp
 * @brief The acquisition rule through the engine, on the real geometry: a newer baseline
 * covering half of an older one, identical duplicates, a real split granule, and the cube of
 * real items in shuffled row orders.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

#include "geo/cell_area.h"
#include "geo/cover.h"
#include "geo/sphere_coords.h"
#include "real_items.h"
#include "resample/exact_cell_areas.h"
#include "resample/resampler.h"
#include "util/error.h"

namespace stac2h3::resample {
namespace {

constexpr double kDeg = 180.0 / M_PI;
constexpr int kCloud = 0;
constexpr int kObs = 6;

geo::MultiPolygon box(double west, double south, double east, double north) {
  return {{geo::Polygon{{{west, south}, {east, south}, {east, north}, {west, north}}, {}}}};
}

stac::Item item(std::string id, geo::MultiPolygon footprint, double cloud,
                std::string baseline = "05.10", std::string collection = "sentinel-2-l2a") {
  stac::Item result;
  result.id = std::move(id);
  result.collection = std::move(collection);
  result.datetime = "2024-03-01T10:00:00.024Z";
  result.mgrs_tile = "32TPS";
  result.processing_baseline = std::move(baseline);
  result.values = {cloud, 0, 0, 0, 0, 0};
  result.footprint = std::move(footprint);
  return result;
}

/** A resampled cube held whole. */
struct Cube {
  store::CubeDescription description;
  ResampleStats stats;
  std::vector<store::CubeBlock> blocks;

  /** The block holding `day` and the index of (day, cell) in it; index -1 when absent. */
  std::pair<const store::CubeBlock*, std::ptrdiff_t> find(int32_t day, h3::Cell cell) const {
    const auto& cells = description.cells;
    const auto found = std::lower_bound(cells.begin(), cells.end(), cell);
    for (const store::CubeBlock& block : blocks) {
      if (day < block.first_day || day >= block.first_day + block.num_days) continue;
      if (found == cells.end() || *found != cell) return {&block, -1};
      return {&block, (day - block.first_day) * block.num_cells + (found - cells.begin())};
    }
    return {nullptr, -1};
  }
  float value(int variable, int32_t day, h3::Cell cell) const {
    const auto [block, at] = find(day, cell);
    return at < 0 ? NAN : block->floats[variable][static_cast<size_t>(at)];
  }
  int count(int32_t day, h3::Cell cell) const {
    const auto [block, at] = find(day, cell);
    return at < 0 ? 0 : block->n_items[static_cast<size_t>(at)];
  }
  /** Σ obs_fraction · area(c) over the cells of one day: the ground the day's items cover. */
  double coveredKm2(int32_t day) const {
    double sum = 0.0;
    for (const h3::Cell cell : description.cells) {
      const float obs = value(kObs, day, cell);
      if (!std::isnan(obs)) sum += obs * geo::exactCellAreaKm2(cell);
    }
    return sum;
  }
};

Cube resample(const std::vector<stac::Item>& items, int res) {
  ResampleOptions options;
  options.resolution = res;
  Resampler resampler(options, exactCellAreas());
  for (const auto& i : items) resampler.add(i);
  Cube cube;
  cube.description = resampler.prepare();
  resampler.run([&](const store::CubeBlock& block) { cube.blocks.push_back(block); });
  cube.stats = resampler.stats();
  return cube;
}

h3::Cell cellAt(double lat, double lng, int res) {
  h3::Cell cell = 0;
  EXPECT_EQ(h3::latLngToCell({lat / kDeg, lng / kDeg}, res, cell), h3::Error::kSuccess);
  return cell;
}

constexpr int32_t kMarch1 = 19783;  // 2024-03-01

TEST(AcquisitionRule, ANewerBaselineCoveringHalfOfAnOlderOne) {
  // The older item covers a 1° box, the newer (ranked first) its west half, cut along the
  // meridian through the midpoints of the box's top and bottom edges (geodesics: the newer's
  // edges lie on the older's). The older contributes its east half only, so the day covers the
  // box once.
  const geo::MultiPolygon older = box(10.0, 45.0, 11.0, 46.0);
  auto midpoint = [](geo::LonLat a, geo::LonLat b) {
    return geo::toLonLat(geo::toVec3(a) + geo::toVec3(b));
  };
  const geo::MultiPolygon newer{{geo::Polygon{{{10.0, 45.0},
                                               midpoint({10.0, 45.0}, {11.0, 45.0}),
                                               midpoint({10.0, 46.0}, {11.0, 46.0}),
                                               {10.0, 46.0}},
                                              {}}}};
  const Cube cube =
      resample({item("old", older, 80.0, "05.00"), item("new", newer, 20.0, "05.10")}, 5);
  EXPECT_EQ(cube.stats.duplicates, 0);
  EXPECT_EQ(cube.stats.partial_contributions, 1);
  // float obs_fraction: 1e-6 relative.
  EXPECT_NEAR(cube.coveredKm2(kMarch1), geo::areaKm2(older), 1e-6 * geo::areaKm2(older));
  const h3::Cell west = cellAt(45.5, 10.25, 5);
  const h3::Cell east = cellAt(45.5, 10.75, 5);
  EXPECT_FLOAT_EQ(cube.value(kCloud, kMarch1, west), 20.0f);
  EXPECT_EQ(cube.count(kMarch1, west), 1);
  EXPECT_NEAR(cube.value(kObs, kMarch1, west), 1.0, 1e-6);
  EXPECT_FLOAT_EQ(cube.value(kCloud, kMarch1, east), 80.0f);
  EXPECT_EQ(cube.count(kMarch1, east), 1);
  EXPECT_NEAR(cube.value(kObs, kMarch1, east), 1.0, 1e-6);
  // A cell on the seam gets both, by area, and is covered once.
  const h3::Cell seam = cellAt(45.5, 10.5, 5);
  EXPECT_EQ(cube.count(kMarch1, seam), 2);
  EXPECT_NEAR(cube.value(kObs, kMarch1, seam), 1.0, 1e-6);
  const float cloud = cube.value(kCloud, kMarch1, seam);
  EXPECT_GT(cloud, 20.0f);
  EXPECT_LT(cloud, 80.0f);
}

TEST(AcquisitionRule, IdenticalDuplicatesCountOnce) {
  // The same scene in two collections, same baseline and nodata: the larger collection name
  // wins the tie of ids; then a third copy with another id, larger: it wins.
  const geo::MultiPolygon tile = box(10.0, 45.0, 11.0, 46.0);
  const Cube two = resample({item("S2A_X", tile, 10.0, "05.10", "sentinel-2-c1-l2a"),
                             item("S2A_X", tile, 30.0, "05.10", "sentinel-2-l2a")},
                            5);
  EXPECT_EQ(two.stats.duplicates, 1);
  EXPECT_EQ(two.stats.partial_contributions, 0);
  const h3::Cell inside = cellAt(45.5, 10.5, 5);
  EXPECT_FLOAT_EQ(two.value(kCloud, kMarch1, inside), 30.0f);
  EXPECT_EQ(two.count(kMarch1, inside), 1);
  EXPECT_NEAR(two.coveredKm2(kMarch1), geo::areaKm2(tile), 1e-6 * geo::areaKm2(tile));
  const Cube three = resample({item("S2A_X", tile, 10.0, "05.10", "sentinel-2-c1-l2a"),
                               item("S2A_Y", tile, 50.0, "05.10", "sentinel-2-c1-l2a"),
                               item("S2A_X", tile, 30.0, "05.10", "sentinel-2-l2a")},
                              5);
  EXPECT_EQ(three.stats.duplicates, 2);
  EXPECT_FLOAT_EQ(three.value(kCloud, kMarch1, inside), 50.0f);
}

TEST(AcquisitionRule, TheWholeTileOfARealSplitGranuleCounts) {
  // 13SDD on 2024-07-19: one item covers the whole tile, the other a 4 % corner inside it.
  // The corner adds nothing; the tile's centre is observed once, with the whole tile's values.
  STAC2H3_REQUIRE_SHARED(test::sharedData(test::kPlanetaryComputerItems));
  std::vector<stac::Item> pair;
  for (stac::Item& item : test::readSharedItems(test::kPlanetaryComputerItems)) {
    if (item.mgrs_tile == "13SDD" && item.datetime == "2024-07-19T17:49:09.024Z") {
      pair.push_back(std::move(item));
    }
  }
  ASSERT_EQ(pair.size(), 2u);
  const stac::Item& whole = pair[0].value(stac::Value::kNodata) == 0.0 ? pair[0] : pair[1];
  const Cube cube = resample(pair, 5);
  EXPECT_EQ(cube.stats.duplicates, 1);
  const int32_t day = cube.description.first_day;
  const h3::Cell centre = cellAt(39.25, -105.52, 5);
  EXPECT_EQ(cube.count(day, centre), 1);
  EXPECT_FLOAT_EQ(cube.value(kCloud, day, centre),
                  static_cast<float>(whole.value(stac::Value::kCloudCover)));
  EXPECT_NEAR(cube.coveredKm2(day), geo::areaKm2(whole.footprint),
              1e-6 * geo::areaKm2(whole.footprint));
}

TEST(AcquisitionRule, AnAcquisitionSpanningMoreThanAHemisphereIsAnInputError) {
  // One tile and time, footprints 170° apart: no projection takes them both; the error names
  // the best-ranked item.
  Resampler resampler({}, exactCellAreas());
  resampler.add(item("far-east", box(170.0, 0.0, 171.0, 1.0), 10.0));
  resampler.add(item("far-west", box(0.0, 0.0, 1.0, 1.0), 10.0));
  try {
    resampler.prepare();
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("item far-west (sentinel-2-l2a)"), std::string::npos)
        << error.what();
  }
}

/** Every byte of every block, n_items and floats (NaN bits included). */
std::string cubeBytes(const Cube& cube) {
  std::string bytes(reinterpret_cast<const char*>(cube.description.cells.data()),
                    cube.description.cells.size() * sizeof(h3::Cell));
  for (const store::CubeBlock& block : cube.blocks) {
    for (const auto& values : block.floats) {
      bytes.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(float));
    }
    bytes.append(reinterpret_cast<const char*>(block.n_items.data()),
                 block.n_items.size() * sizeof(uint16_t));
  }
  return bytes;
}

TEST(AcquisitionRule, ShuffledRowOrdersGiveTheSameCube) {
  // The real Planetary Computer items (14 split granules among them), each also as a copy in a
  // second collection with another cloud cover (a tie broken by the collection's name), in
  // their order, reversed and shuffled: the same cube, bit for bit.
  STAC2H3_REQUIRE_SHARED(test::sharedData(test::kPlanetaryComputerItems));
  std::vector<stac::Item> items = test::readSharedItems(test::kPlanetaryComputerItems);
  const size_t originals = items.size();
  for (size_t i = 0; i < originals; ++i) {
    stac::Item copy = items[i];
    copy.collection = "sentinel-2-c1-l2a";
    copy.values[kCloud] += 1.0;
    items.push_back(std::move(copy));
  }
  const Cube as_read = resample(items, 4);
  EXPECT_EQ(as_read.stats.partial_contributions, 11);
  EXPECT_EQ(as_read.stats.duplicates, static_cast<int64_t>(originals) + 3);
  const std::string expected = cubeBytes(as_read);
  std::reverse(items.begin(), items.end());
  EXPECT_TRUE(cubeBytes(resample(items, 4)) == expected) << "reversed";
  std::shuffle(items.begin(), items.end(), std::mt19937(7));
  EXPECT_TRUE(cubeBytes(resample(items, 4)) == expected) << "shuffled";
}

}  // namespace
}  // namespace stac2h3::resample
