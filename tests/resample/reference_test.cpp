/** @file reference_test.cpp
 * @brief stac2h3's cube on the real items of ../shared/data against an independent
 * computation (reference_resample.py: shapely in equal-area projections, cells from h3-js)
 * to 1e-3 relative; also an extra property imported into an items GeoPackage (a REAL
 * column) and resampled from it.
 */
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>

#include "resample/exact_cell_areas.h"
#include "resample/items_input.h"
#include "resample/resampler.h"
#include "stac/item_parser.h"
#include "store/items_import.h"
#include "support/shared_data.h"

namespace stac2h3::resample {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kItemFiles = {"sentinel2-stac/items/earthsearch-v1.ndjson",
                                             "sentinel2-stac/items/planetary-computer.ndjson"};

/** Writes the observed cell-days of `resampler`'s cube, one line each: cell, day, the first
 * value variable, obs_fraction, n_items (what reference_resample.py compares). */
void writeObserved(Resampler& resampler, const store::CubeDescription& cube,
                   const fs::path& out_path) {
  std::ofstream out(out_path);
  out.precision(9);
  resampler.run([&](const store::CubeBlock& block) {
    for (int32_t d = 0; d < block.num_days; ++d) {
      for (size_t c = 0; c < cube.cells.size(); ++c) {
        const size_t at = static_cast<size_t>(d) * cube.cells.size() + c;
        if (block.n_items[at] == 0) continue;
        out << h3::cellToString(cube.cells[c]) << ' ' << block.first_day + d << ' '
            << block.floats[0][at] << ' ' << block.obsFraction()[at] << ' ' << block.n_items[at]
            << '\n';
      }
    }
  });
}

/** Runs reference_resample.py on `ours` against the item files; 0 when they agree. */
int runReference(int res, const fs::path& ours, const std::string& value_key,
                 const std::vector<std::string>& item_files) {
  std::string files;
  for (const auto& file : item_files) files += " " + test::sharedData(file).string();
  const std::string command = "/usr/bin/python3 " +
                              test::sourceFile("tests/resample/reference_resample.py").string() +
                              " --value-key " + value_key + " " + std::to_string(res) + " " +
                              ours.string() + " " + STAC2H3_NODE_MODULES + files;
  return std::system(command.c_str());
}

fs::path scratch(const std::string& name) {
  return fs::temp_directory_path() /
         ("stac2h3_reference_" + name + "_" + std::to_string(::getpid()));
}

void compareWithReference(int res) {
  for (const auto& file : kItemFiles) STAC2H3_REQUIRE_SHARED(test::sharedData(file));
  ResampleOptions options;
  options.resolution = res;
  Resampler resampler(options, exactCellAreas());
  stac::ItemParser parser;
  for (const auto& file : kItemFiles) {
    std::ifstream in(test::sharedData(file));
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      if (line.empty()) continue;
      stac::Page page;
      parser.parseItem(line, file + ":" + std::to_string(number), page);
      for (const auto& item : page.items) resampler.add(item);
    }
  }
  const store::CubeDescription cube = resampler.prepare();
  EXPECT_EQ(resampler.stats().unusable_footprints, 0);
  EXPECT_GT(resampler.stats().duplicates, 0);  // Earth Search serves pairs across collections

  const fs::path ours = scratch("cloud.txt");
  writeObserved(resampler, cube, ours);
  EXPECT_EQ(runReference(res, ours, "eo:cloud_cover", kItemFiles), 0);
  fs::remove(ours);
}

TEST(ReferenceResample, RealItemsAtRes3) {
  compareWithReference(3);
}
TEST(ReferenceResample, RealItemsAtRes5) {
  compareWithReference(5);
}

// An extra property stored by import (a REAL column) and resampled from the GeoPackage.
TEST(ReferenceResample, ExtraPropertyFromTheItemsFileAtRes3) {
  // Earth Search's items alone (pairs across two collections: duplicates to drop).
  const std::vector<std::string> files = {kItemFiles[0]};
  STAC2H3_REQUIRE_SHARED(test::sharedData(files[0]));
  const fs::path items = scratch("items.gpkg");
  fs::remove(items);
  const std::vector<std::string> keys = {"s2:cloud_shadow_percentage"};
  {
    store::ItemsWriter writer(items, keys);
    std::vector<fs::path> inputs;
    for (const auto& file : files) inputs.push_back(test::sharedData(file));
    store::importItems(inputs, {keys, {}}, writer, {});
  }
  ResampleOptions options;
  options.resolution = 3;
  options.variables = {"s2_cloud_shadow_percentage", "cloud_cover"};
  Resampler resampler(options, exactCellAreas());
  addItemsFromGpkg(items, resampler);
  const store::CubeDescription cube = resampler.prepare();
  EXPECT_GT(resampler.stats().duplicates, 0);
  const fs::path ours = scratch("shadow.txt");
  writeObserved(resampler, cube, ours);
  EXPECT_EQ(runReference(3, ours, "s2:cloud_shadow_percentage", files), 0);
  fs::remove(ours);
  fs::remove(items);
}

}  // namespace
}  // namespace stac2h3::resample
