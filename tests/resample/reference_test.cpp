/** @file reference_test.cpp
 * @brief stac2h3's cube on the real items of ../shared/data against an independent
 * computation (reference_resample.py: shapely in equal-area projections, cells from h3-js)
 * to 1e-3 relative.
 */
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>

#include "resample/exact_cell_areas.h"
#include "resample/resampler.h"
#include "stac/item_parser.h"
#include "support/shared_data.h"

namespace stac2h3::resample {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kItemFiles = {"sentinel2-stac/items/earthsearch-v1.ndjson",
                                             "sentinel2-stac/items/planetary-computer.ndjson"};

void compareWithReference(int res) {
  std::string files;
  for (const auto& file : kItemFiles) {
    STAC2H3_REQUIRE_SHARED(test::sharedData(file));
    files += " " + test::sharedData(file).string();
  }
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

  const fs::path ours =
      fs::temp_directory_path() / ("stac2h3_reference_" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(ours);
    out.precision(9);
    resampler.run([&](const store::CubeBlock& block) {
      for (int32_t d = 0; d < block.num_days; ++d) {
        for (size_t c = 0; c < cube.cells.size(); ++c) {
          const size_t at = static_cast<size_t>(d) * cube.cells.size() + c;
          if (block.n_items[at] == 0) continue;
          out << h3::cellToString(cube.cells[c]) << ' ' << block.first_day + d << ' '
              << block.floats[0][at] << ' ' << block.floats[6][at] << ' ' << block.n_items[at]
              << '\n';
        }
      }
    });
  }
  const std::string command =
      "/usr/bin/python3 " + test::sourceFile("tests/resample/reference_resample.py").string() +
      " " + std::to_string(res) + " " + ours.string() + " " + STAC2H3_NODE_MODULES + files;
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  fs::remove(ours);
}

TEST(ReferenceResample, RealItemsAtRes3) {
  compareWithReference(3);
}
TEST(ReferenceResample, RealItemsAtRes5) {
  compareWithReference(5);
}

}  // namespace
}  // namespace stac2h3::resample
