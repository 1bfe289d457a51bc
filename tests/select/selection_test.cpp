/** @file selection_test.cpp
 * @brief Hand-made selections with known answers: two clear halves beat one cloudy whole, a
 * clear sliver loses to a whole scene with little cloud, ties, thresholds (NULL fails),
 * the 0.1 % floor, --max-items, an AOI across the antimeridian, cells as the AOI.
 */
#include "select/selection.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cli/bbox_flag.h"
#include "geo/cover.h"
#include "select_fixture.h"

namespace stac2h3::select {
namespace {

using test::boxItem;
using test::ScratchFile;

constexpr const char* kDay1 = "2025-06-03T10:00:00Z";
constexpr const char* kDay2 = "2025-06-05T10:00:00Z";

SelectOptions optionsFor(const std::filesystem::path& items, const std::string& bbox) {
  SelectOptions options;
  options.items = items;
  options.aoi = cli::bboxArea(cli::parseBbox(bbox));
  options.first_day = *stac::parseUtcDay("2025-06-01");
  options.last_day = *stac::parseUtcDay("2025-06-30");
  return options;
}

std::vector<std::string> selectedIds(const WindowSelection& window) {
  std::vector<std::string> ids;
  for (const Pick& pick : window.picks) ids.push_back(window.candidates[pick.candidate].item.id);
  return ids;
}

TEST(Select, TwoClearHalvesBeatOneCloudyWholeScene) {
  ScratchFile file("select_halves.gpkg");
  test::writeItems(file.path(), {boxItem("west", 9.9, 39.9, 10.5, 41.1, 0.0, kDay1),
                                 boxItem("east", 10.5, 39.9, 11.1, 41.1, 0.0, kDay2),
                                 boxItem("cloudy", 9.9, 39.9, 11.1, 41.1, 60.0, kDay1)});
  const Selection selection = runSelection(optionsFor(file.path(), "10,40,11,41"));
  ASSERT_EQ(selection.windows.size(), 1u);
  const WindowSelection& window = selection.windows[0];
  EXPECT_EQ(window.candidates.size(), 3u);
  auto ids = selectedIds(window);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"east", "west"}));
  EXPECT_NEAR(window.coverage, 1.0, 1e-9);
  EXPECT_NEAR(window.expected_clear, 1.0, 1e-9);
  // Each half is half of the AOI: the gains are its share of the AOI's area.
  for (const Pick& pick : window.picks) EXPECT_NEAR(pick.gain, 0.5, 0.01);
  EXPECT_NEAR(selection.grid.area_km2, geo::areaKm2(cli::bboxArea(cli::parseBbox("10,40,11,41"))),
              1e-6);
  EXPECT_GE(selection.grid.cells.size(), 2000u);  // the default resolution
}

TEST(Select, AWholeSceneWithEightPercentCloudBeatsAClearFourteenPercentSliver) {
  ScratchFile file("select_sliver.gpkg");
  test::writeItems(file.path(), {boxItem("sliver", 9.9, 39.9, 10.14, 41.1, 0.0, kDay1),
                                 boxItem("whole", 9.9, 39.9, 11.1, 41.1, 8.0, kDay2)});
  SelectOptions options = optionsFor(file.path(), "10,40,11,41");
  options.max_items = 1;
  Selection selection = runSelection(options);
  EXPECT_EQ(selectedIds(selection.windows[0]), std::vector<std::string>{"whole"});
  EXPECT_NEAR(selection.windows[0].expected_clear, 0.92, 1e-9);
  EXPECT_NEAR(selection.windows[0].picks[0].gain, 0.92, 1e-9);
  // Without the limit the sliver comes second: it adds 14 % × 8 % clear.
  options.max_items = 0;
  selection = runSelection(options);
  EXPECT_EQ(selectedIds(selection.windows[0]), (std::vector<std::string>{"whole", "sliver"}));
  EXPECT_NEAR(selection.windows[0].picks[1].gain, 0.14 * 0.08, 0.0005);
}

TEST(Select, EqualGainsGoToLowerCloudThenEarlierDatetimeThenId) {
  ScratchFile file("select_ties.gpkg");
  // Same footprint three times (three tiles' worth: no acquisition rule between them), all
  // clear: the first pick takes everything (gain 1), the others add nothing. Which one is
  // first is the tie-break's choice.
  test::writeItems(file.path(), {boxItem("b", 9.9, 39.9, 11.1, 41.1, 0.0, kDay1, "32TNT"),
                                 boxItem("a", 9.9, 39.9, 11.1, 41.1, 0.0, kDay1, "32TMT"),
                                 boxItem("c", 9.9, 39.9, 11.1, 41.1, 0.0, kDay2)});
  EXPECT_EQ(selectedIds(runSelection(optionsFor(file.path(), "10,40,11,41")).windows[0]),
            std::vector<std::string>{"a"});
  ScratchFile later("select_ties_time.gpkg");
  test::writeItems(later.path(), {boxItem("a", 9.9, 39.9, 11.1, 41.1, 0.0, kDay2),
                                  boxItem("b", 9.9, 39.9, 11.1, 41.1, 0.0, kDay1)});
  EXPECT_EQ(selectedIds(runSelection(optionsFor(later.path(), "10,40,11,41")).windows[0]),
            std::vector<std::string>{"b"});
}

TEST(Select, ThresholdsDropItemsAndNullFailsThem) {
  ScratchFile file("select_thresholds.gpkg");
  stac::Item no_cloud = boxItem("no_cloud", 9.9, 39.9, 11.1, 41.1, 0.0, kDay1);
  no_cloud.values[static_cast<int>(stac::Value::kCloudCover)] = stac::kMissing;
  stac::Item empty = boxItem("empty", 9.9, 39.9, 11.1, 41.1, 0.0, kDay1, "32TNT");
  empty.values[static_cast<int>(stac::Value::kNodata)] = 40.0;
  test::writeItems(file.path(),
                   {no_cloud, empty, boxItem("cloudy", 9.9, 39.9, 11.1, 41.1, 30.0, kDay2),
                    boxItem("far", 50, 10, 51, 11, 0.0, kDay1)});
  SelectOptions options = optionsFor(file.path(), "10,40,11,41");
  options.rules.max_cloud = 20.0;
  options.rules.max_nodata = 10.0;
  EXPECT_TRUE(runSelection(options).windows[0].candidates.empty());
  options.rules.max_cloud = 30.0;  // inclusive
  EXPECT_EQ(selectedIds(runSelection(options).windows[0]), std::vector<std::string>{"cloudy"});
  // Without thresholds: "far" is no candidate (the R-tree leaves it out); the NULL-cloud
  // item adds coverage but no expected clear view, so it is never picked.
  options.rules = {};
  const Selection all = runSelection(options);
  EXPECT_EQ(all.windows[0].candidates.size(), 3u);
  EXPECT_EQ(all.items_read, 3);
  EXPECT_EQ(selectedIds(all.windows[0]), std::vector<std::string>{"empty"});
}

TEST(Select, DuplicatesAndSplitGranulesOfOneAcquisitionCountOnce) {
  ScratchFile file("select_acquisitions.gpkg");
  // One scene under two processing baselines: the newer one is the candidate.
  stac::Item older = boxItem("scene_old", 9.9, 39.9, 11.1, 41.1, 50.0, kDay1);
  older.processing_baseline = "04.00";
  stac::Item newer = boxItem("scene_new", 9.9, 39.9, 11.1, 41.1, 50.0, kDay1);
  // One tile and time as two granules overlapping by a fifth of the AOI.
  stac::Item west = boxItem("granule_a", 9.9, 39.9, 10.6, 41.1, 40.0, kDay2, "32TNT");
  stac::Item east = boxItem("granule_b", 10.4, 39.9, 11.1, 41.1, 40.0, kDay2, "32TNT");
  test::writeItems(file.path(), {older, newer});
  const Selection scene = runSelection(optionsFor(file.path(), "10,40,11,41"));
  ASSERT_EQ(scene.windows[0].candidates.size(), 1u);
  EXPECT_EQ(selectedIds(scene.windows[0]), std::vector<std::string>{"scene_new"});
  // Taken as two scenes, the copy would add half the remaining cloud: E 0.75, not 0.5.
  EXPECT_NEAR(scene.windows[0].expected_clear, 0.5, 1e-9);

  ScratchFile granules("select_granules.gpkg");
  test::writeItems(granules.path(), {west, east});
  const Selection split = runSelection(optionsFor(granules.path(), "10,40,11,41"));
  EXPECT_EQ(split.windows[0].picks.size(), 2u);
  EXPECT_NEAR(split.windows[0].coverage, 1.0, 1e-9);
  // Each point seen once at 40 % cloud: 0.6. Counting the overlap twice would give
  // 0.6 + 0.2 × 0.6 × 0.4 = 0.648.
  EXPECT_NEAR(split.windows[0].expected_clear, 0.6, 0.002);
}

TEST(Select, NeverAddsLessThanATenthOfAPercent) {
  ScratchFile file("select_floor.gpkg");
  // A whole scene at 99.95 % cloud gains 0.05 % of the AOI: below the floor.
  test::writeItems(file.path(), {boxItem("murky", 9.9, 39.9, 11.1, 41.1, 99.95, kDay1, "32TNT"),
                                 boxItem("grey", 9.9, 39.9, 11.1, 41.1, 99.8, kDay1)});
  const Selection selection = runSelection(optionsFor(file.path(), "10,40,11,41"));
  EXPECT_EQ(selectedIds(selection.windows[0]), std::vector<std::string>{"grey"});
}

TEST(Select, AnAoiAcrossTheAntimeridian) {
  ScratchFile file("select_antimeridian.gpkg");
  test::writeItems(file.path(), {boxItem("west_side", 179.4, -17.1, 180.0, -15.9, 0.0, kDay1),
                                 boxItem("east_side", -180.0, -17.1, -179.4, -15.9, 0.0, kDay2),
                                 boxItem("elsewhere", 0.0, -17.1, 1.0, -15.9, 0.0, kDay2)});
  // W > E: the box from 179.5° east across ±180° to 179.5° west.
  const Selection selection = runSelection(optionsFor(file.path(), "179.5,-17,-179.5,-16"));
  const WindowSelection& window = selection.windows[0];
  EXPECT_EQ(window.candidates.size(), 2u);
  EXPECT_EQ(selection.items_read, 2);
  EXPECT_EQ(window.picks.size(), 2u);
  EXPECT_NEAR(window.coverage, 1.0, 1e-9);
  EXPECT_NEAR(window.expected_clear, 1.0, 1e-9);
  // The AOI is 1° × 1°, not 359°.
  EXPECT_NEAR(selection.grid.area_km2, geo::areaKm2(cli::bboxArea(cli::parseBbox("10,-17,11,-16"))),
              1.0);
}

TEST(Select, CellsAsTheArea) {
  ScratchFile file("select_cells.gpkg");
  test::writeItems(file.path(), {boxItem("whole", 9.0, 39.0, 12.0, 42.0, 25.0, kDay1)});
  SelectOptions options = optionsFor(file.path(), "10,40,11,41");
  h3::Cell cell = 0;
  ASSERT_EQ(h3::latLngToCell({40.5 * M_PI / 180, 10.5 * M_PI / 180}, 5, cell), h3::Error::kSuccess);
  options.aoi = cellsArea(std::vector<h3::Cell>{cell});
  const Selection selection = runSelection(options);
  EXPECT_NEAR(selection.grid.area_km2, h3::cellAreaKm2(cell), 1e-6 * h3::cellAreaKm2(cell));
  EXPECT_EQ(selectedIds(selection.windows[0]), std::vector<std::string>{"whole"});
  EXPECT_NEAR(selection.windows[0].expected_clear, 0.75, 1e-9);
}

TEST(Select, AnEmptyWindowIsReportedNotAnError) {
  ScratchFile file("select_empty.gpkg");
  test::writeItems(file.path(), {boxItem("june", 9.9, 39.9, 11.1, 41.1, 10.0, kDay1)});
  SelectOptions options = optionsFor(file.path(), "10,40,11,41");
  options.last_day = *stac::parseUtcDay("2025-07-31");
  options.every = stac::parseSliceLength("1m");
  const Selection selection = runSelection(options);
  ASSERT_EQ(selection.windows.size(), 2u);
  EXPECT_EQ(selection.windows[0].picks.size(), 1u);
  EXPECT_TRUE(selection.windows[1].candidates.empty());
  EXPECT_EQ(selection.windows[1].coverage, 0.0);
  EXPECT_EQ(selection.windows[1].expected_clear, 0.0);
}

}  // namespace
}  // namespace stac2h3::select
