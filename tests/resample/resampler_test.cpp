/** @file resampler_test.cpp
 * @brief The engine's arithmetic on hand-computed cases, over a stand-in overlap function
 * whose areas are given by the test (the exact geometry is tested in exact_resample_test).
 */
#include "resample/resampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <map>

#include "util/error.h"

namespace stac2h3::resample {
namespace {

constexpr double kNaN = stac::kMissing;

/** Real cells, of resolution 3 unless told (their areas matter for obs_fraction). */
h3::Cell cellAt(double lat_deg, double lng_deg, int res = 3) {
  h3::Cell cell = 0;
  const double to_rad = M_PI / 180.0;
  EXPECT_EQ(h3::latLngToCell({lat_deg * to_rad, lng_deg * to_rad}, res, cell), h3::Error::kSuccess);
  return cell;
}

/** Footprints are told apart by their first vertex's longitude; their overlaps come from a
 * table; longitude 99 marks an unusable footprint. */
struct TableAreas {
  std::map<double, std::vector<CellArea>> table;
  CellAreaFunction function() const {
    return [this](const geo::MultiPolygon& footprint, int, std::vector<CellArea>& out,
                  std::string& reason) {
      const double key = footprint.polygons.at(0).outer.at(0).lon;
      if (key == 99) {
        reason = "self-intersecting";
        return false;
      }
      out = table.at(key);
      return true;
    };
  }
};

stac::Item item(double footprint_key, const std::string& datetime,
                std::array<double, stac::kNumValues> values, const std::string& tile = "",
                const std::string& baseline = "05.10", const std::string& collection = "c") {
  stac::Item result;
  result.id = tile + datetime + collection;
  result.collection = collection;
  result.datetime = datetime;
  result.mgrs_tile = tile;
  result.processing_baseline = baseline;
  result.values = values;
  // A real triangle: the acquisition rule takes differences of footprints.
  result.footprint.polygons.push_back(
      {{{footprint_key, 0}, {footprint_key + 0.5, 0}, {footprint_key, 0.5}}, {}});
  return result;
}

/** Runs the engine and returns every block concatenated (days in order). */
struct Outcome {
  store::CubeDescription description;
  std::vector<store::CubeBlock> blocks;
  ResampleStats stats;

  size_t cellIndex(h3::Cell cell) const {
    const auto found = std::find(description.cells.begin(), description.cells.end(), cell);
    EXPECT_NE(found, description.cells.end());
    return static_cast<size_t>(found - description.cells.begin());
  }
  /** The block holding (day, cell), and the element's index in it. */
  std::pair<const store::CubeBlock*, size_t> find(int32_t day, h3::Cell cell) const {
    const auto c = static_cast<int64_t>(cellIndex(cell));
    for (const auto& block : blocks) {
      if (day >= block.first_day && day < block.first_day + block.num_days &&
          c >= block.first_cell && c < block.first_cell + block.num_cells) {
        return {&block, static_cast<size_t>((day - block.first_day) * block.num_cells + c -
                                            block.first_cell)};
      }
    }
    ADD_FAILURE() << "day " << day << " not in the cube";
    return {nullptr, 0};
  }
  float value(int variable, int32_t day, h3::Cell cell) const {
    const auto [block, at] = find(day, cell);
    return block ? block->floats[variable][at] : 0;
  }
  uint16_t count(int32_t day, h3::Cell cell) const {
    const auto [block, at] = find(day, cell);
    return block ? block->n_items[at] : 0;
  }
};

Outcome resample(const std::vector<stac::Item>& items, const TableAreas& areas,
                 ResampleOptions options = {}) {
  Resampler resampler(options, areas.function());
  for (const auto& i : items) resampler.add(i);
  Outcome outcome;
  outcome.description = resampler.prepare();
  resampler.run([&](const store::CubeBlock& block) { outcome.blocks.push_back(block); });
  outcome.stats = resampler.stats();
  return outcome;
}

constexpr int kCloud = 0;
constexpr int kSnow = 2;
constexpr int kObs = 6;
constexpr int32_t kDay = 19724;  // 2024-01-02

TEST(Resampler, AreaWeightedMeanOfOverlappingFootprints) {
  const h3::Cell a = cellAt(10, 10), b = cellAt(40, 40);
  TableAreas areas;
  areas.table[1] = {{a, 300.0}, {b, 100.0}};
  areas.table[2] = {{a, 100.0}};
  const auto outcome = resample({item(1, "2024-01-02T10:00:00Z", {10, 0, 0, 50, 50, 0}),
                                 item(2, "2024-01-02T10:05:00.5Z", {50, 0, 0, 20, 80, 0})},
                                areas);
  ASSERT_EQ(outcome.description.cells.size(), 2u);
  EXPECT_EQ(outcome.description.first_day, kDay);
  EXPECT_EQ(outcome.description.num_days, 1);
  // (300·10 + 100·50) / 400 = 20; vegetation (300·50 + 100·20) / 400 = 42.5.
  EXPECT_FLOAT_EQ(outcome.value(kCloud, kDay, a), 20.0f);
  EXPECT_FLOAT_EQ(outcome.value(3, kDay, a), 42.5f);
  EXPECT_FLOAT_EQ(outcome.value(kCloud, kDay, b), 10.0f);
  EXPECT_EQ(outcome.count(kDay, a), 2);
  EXPECT_EQ(outcome.count(kDay, b), 1);
  EXPECT_NEAR(outcome.value(kObs, kDay, a), 400.0 / h3::cellAreaKm2(a), 1e-6);
  EXPECT_NEAR(outcome.value(kObs, kDay, b), 100.0 / h3::cellAreaKm2(b), 1e-6);
  EXPECT_EQ(outcome.stats.items_used, 2);
  EXPECT_EQ(outcome.stats.cell_days, 2);
}

TEST(Resampler, NullValuesAreLeftOutOfTheirVariableOnly) {
  const h3::Cell a = cellAt(10, 10);
  TableAreas areas;
  areas.table[1] = {{a, 300.0}};
  areas.table[2] = {{a, 100.0}};
  const auto outcome = resample({item(1, "2024-01-02T10:00:00Z", {kNaN, 10, kNaN, 0, 0, 0}),
                                 item(2, "2024-01-02T11:00:00Z", {40, 50, kNaN, 0, 0, 0})},
                                areas);
  EXPECT_FLOAT_EQ(outcome.value(kCloud, kDay, a), 40.0f);  // only item 2 has one
  EXPECT_FLOAT_EQ(outcome.value(1, kDay, a), 20.0f);       // (300·10 + 100·50) / 400
  EXPECT_TRUE(std::isnan(outcome.value(kSnow, kDay, a)));  // nobody has one
  EXPECT_EQ(outcome.count(kDay, a), 2);                    // both observed the cell
  EXPECT_NEAR(outcome.value(kObs, kDay, a), 400.0 / h3::cellAreaKm2(a), 1e-6);
}

TEST(Resampler, DaysWithoutItemsAreNaNAndBlocksCoverTheSpan) {
  const h3::Cell a = cellAt(10, 10);
  TableAreas areas;
  areas.table[1] = {{a, 50.0}};
  ResampleOptions options;
  options.block_days = 2;
  const auto outcome = resample({item(1, "2024-01-02T23:59:59.9Z", {1, 1, 1, 1, 1, 1}),
                                 item(1, "2024-01-06T00:00:00Z", {3, 3, 3, 3, 3, 3})},
                                areas, options);
  EXPECT_EQ(outcome.description.num_days, 5);
  ASSERT_EQ(outcome.blocks.size(), 3u);  // 2 + 2 + 1 days
  EXPECT_EQ(outcome.blocks[2].num_days, 1);
  EXPECT_FLOAT_EQ(outcome.value(kCloud, kDay, a), 1.0f);
  EXPECT_FLOAT_EQ(outcome.value(kCloud, kDay + 4, a), 3.0f);
  for (int32_t day = kDay + 1; day < kDay + 4; ++day) {
    EXPECT_TRUE(std::isnan(outcome.value(kCloud, day, a)));
    EXPECT_TRUE(std::isnan(outcome.value(kObs, day, a)));
    EXPECT_EQ(outcome.count(day, a), 0);
  }
}

TEST(Resampler, ExplicitDaysDropItemsOutsideThem) {
  const h3::Cell a = cellAt(10, 10);
  TableAreas areas;
  areas.table[1] = {{a, 50.0}};
  ResampleOptions options;
  options.first_day = kDay + 1;
  options.last_day = kDay + 3;
  const auto outcome = resample({item(1, "2024-01-02T12:00:00Z", {1, 1, 1, 1, 1, 1}),
                                 item(1, "2024-01-03T12:00:00Z", {2, 2, 2, 2, 2, 2}),
                                 item(1, "2024-01-09T12:00:00Z", {3, 3, 3, 3, 3, 3})},
                                areas, options);
  EXPECT_EQ(outcome.description.first_day, kDay + 1);
  EXPECT_EQ(outcome.description.num_days, 3);
  EXPECT_EQ(outcome.stats.outside_days, 2);
  EXPECT_FLOAT_EQ(outcome.value(kCloud, kDay + 1, a), 2.0f);
}

TEST(Resampler, DuplicatesAcrossCollectionsCountOnceWithTheNewestBaseline) {
  const h3::Cell a = cellAt(10, 10);
  TableAreas areas;
  areas.table[1] = {{a, 100.0}};
  const std::string when = "2024-01-02T10:00:00.123Z";
  const auto outcome = resample(
      {item(1, when, {10, 0, 0, 0, 0, 0}, "33UWP", "05.00", "sentinel-2-l2a"),
       item(1, when, {30, 0, 0, 0, 0, 0}, "33UWP", "05.10", "sentinel-2-c1-l2a"),
       item(1, "2024-01-02T10:00:00.123+00:00", {50, 0, 0, 0, 0, 0}, "33UWP", "04.00", "x"),
       // another tile at the same time, and the same tile on another pass: both kept
       item(1, when, {70, 0, 0, 0, 0, 0}, "33UWQ", "05.00"),
       item(1, "2024-01-02T13:00:00Z", {90, 0, 0, 0, 0, 0}, "33UWP", "05.00")},
      areas);
  EXPECT_EQ(outcome.stats.duplicates, 2);
  EXPECT_EQ(outcome.count(kDay, a), 3);
  EXPECT_FLOAT_EQ(outcome.value(kCloud, kDay, a), (30.0f + 70.0f + 90.0f) / 3.0f);
}

TEST(Resampler, UnusableFootprintsAndDatetimesAreCountedAndSkipped) {
  const h3::Cell a = cellAt(10, 10);
  TableAreas areas;
  areas.table[1] = {{a, 100.0}};
  Resampler resampler({}, areas.function());
  resampler.add(item(1, "2024-01-02T10:00:00Z", {10, 0, 0, 0, 0, 0}));
  resampler.add(item(99, "2024-01-02T10:00:00Z", {90, 0, 0, 0, 0, 0}));
  resampler.add(item(99, "2024-01-02T11:00:00Z", {90, 0, 0, 0, 0, 0}));
  resampler.add(item(1, "yesterday", {90, 0, 0, 0, 0, 0}));
  const auto description = resampler.prepare();
  EXPECT_EQ(description.item_count, 1);
  EXPECT_EQ(resampler.stats().unusable_footprints, 1);
  EXPECT_EQ(resampler.stats().unusable_items, 2);
  EXPECT_EQ(resampler.stats().bad_datetime, 1);
  ASSERT_EQ(resampler.stats().unusable_reasons.size(), 1u);
  EXPECT_NE(resampler.stats().unusable_reasons[0].find("self-intersecting"), std::string::npos);
}

TEST(Resampler, RepeatedFootprintsAreComputedOnce) {
  const h3::Cell a = cellAt(10, 10);
  TableAreas areas;
  areas.table[1] = {{a, 100.0}};
  areas.table[2] = {{a, 10.0}};
  int calls = 0;
  CellAreaFunction counting = [&](const geo::MultiPolygon& f, int res, std::vector<CellArea>& out,
                                  std::string& reason) {
    ++calls;
    return areas.function()(f, res, out, reason);
  };
  Resampler resampler({}, counting);
  for (int day = 1; day <= 9; ++day) {
    resampler.add(
        item(1 + day % 2, "2024-01-0" + std::to_string(day) + "T10:00:00Z", {10, 0, 0, 0, 0, 0}));
  }
  resampler.prepare();
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(resampler.stats().distinct_footprints, 2);
}

TEST(Resampler, NoItemsIsAnInputError) {
  TableAreas areas;
  Resampler resampler({}, areas.function());
  EXPECT_THROW(resampler.prepare(), InputError);
  ResampleOptions bad_resolution;
  bad_resolution.resolution = 16;
  EXPECT_THROW(Resampler(bad_resolution, areas.function()), InputError);
}

TEST(Resampler, NarrowBlocksHoldTheSameValuesInDayThenCellOrder) {
  // 10,981 res-5 cells, more than two 4,096-cell tiles: one footprint over all of them, one
  // over every third, on three days, some values NULL.
  const std::vector<h3::Cell> cells = h3::gridDisk(cellAt(10, 10, 5), 60);
  ASSERT_EQ(cells.size(), 10981u);
  TableAreas areas;
  for (size_t i = 0; i < cells.size(); ++i) {
    areas.table[1].push_back({cells[i], 1.0 + static_cast<double>(i % 7)});
    if (i % 3 == 0) areas.table[2].push_back({cells[i], 2.5});
  }
  const std::vector<stac::Item> items = {item(1, "2024-01-02T10:00:00Z", {10, kNaN, 0, 50, 50, 0}),
                                         item(2, "2024-01-02T10:05:00Z", {50, 20, kNaN, 20, 80, 0}),
                                         item(2, "2024-01-03T10:00:00Z", {5, 5, 5, 5, 5, 5}),
                                         item(1, "2024-01-04T10:00:00Z", {1, 2, 3, 4, 5, 6})};
  ResampleOptions options;
  options.block_days = 2;
  const Outcome whole = resample(items, areas, options);
  options.block_cells = 5000;  // rounded up to two tiles
  const Outcome narrow = resample(items, areas, options);

  // Days 1-2 then day 3; within each, cells [0, 8192) then [8192, 10981).
  ASSERT_EQ(whole.blocks.size(), 2u);
  ASSERT_EQ(narrow.blocks.size(), 4u);
  const int64_t starts[] = {0, 8192, 0, 8192};
  const int64_t counts[] = {8192, 2789, 8192, 2789};
  for (size_t b = 0; b < 4; ++b) {
    EXPECT_EQ(narrow.blocks[b].first_day, kDay + (b < 2 ? 0 : 2));
    EXPECT_EQ(narrow.blocks[b].first_cell, starts[b]);
    EXPECT_EQ(narrow.blocks[b].num_cells, counts[b]);
  }
  EXPECT_EQ(narrow.stats.cell_days, whole.stats.cell_days);
  for (int32_t day = kDay; day < kDay + 3; ++day) {
    for (size_t i = 0; i < cells.size(); i += 7) {
      for (int v = 0; v <= kObs; ++v) {
        const float a = whole.value(v, day, cells[i]);
        const float b = narrow.value(v, day, cells[i]);
        ASSERT_EQ(std::memcmp(&a, &b, sizeof a), 0) << "variable " << v << " day " << day;
      }
      ASSERT_EQ(whole.count(day, cells[i]), narrow.count(day, cells[i]));
    }
  }
  EXPECT_FLOAT_EQ(narrow.value(kCloud, kDay, cells[0]), (1 * 10 + 2.5f * 50) / 3.5f);
  EXPECT_TRUE(std::isnan(narrow.value(1, kDay, cells[1])));  // footprint 1's value is NULL
}

}  // namespace
}  // namespace stac2h3::resample
