/** @file test_descendant_range.cpp
 * @brief A zone's descendants are one contiguous run of sorted cell ids: the range found by
 * binary search equals the H3 core's cellToChildren, for every res-0 and res-1 zone, at
 * every depth up to 3, also in a sparse cube missing cells.
 */
#include <gtest/gtest.h>

#include <algorithm>

#include "h3/h3.h"
#include "serve/zone_data.h"

namespace stac2h3::serve {
namespace {

std::vector<uint64_t> allCells(int level) {
  std::vector<uint64_t> cells;
  for (const uint64_t base : h3::res0Cells()) {
    std::vector<uint64_t> children;
    EXPECT_EQ(h3::cellToChildren(base, level, children), h3::Error::kSuccess);
    cells.insert(cells.end(), children.begin(), children.end());
  }
  std::sort(cells.begin(), cells.end());
  return cells;
}

TEST(DescendantRange, EqualsChildrenAtEveryDepth) {
  for (int level = 0; level <= 3; ++level) {
    const auto cells = allCells(level);
    for (int zone_res = 0; zone_res <= std::min(level, 1); ++zone_res) {
      for (const uint64_t zone : allCells(zone_res)) {
        std::vector<uint64_t> children;
        ASSERT_EQ(h3::cellToChildren(zone, level, children), h3::Error::kSuccess);
        std::sort(children.begin(), children.end());
        const auto range = descendantRange(cells, zone, level);
        ASSERT_EQ(range.count, children.size()) << h3::cellToString(zone) << " level " << level;
        EXPECT_TRUE(std::equal(children.begin(), children.end(), cells.begin() + range.begin));
      }
    }
  }
}

TEST(DescendantRange, SparseCubeKeepsOnlyItsCells) {
  auto cells = allCells(2);
  // Keep every third cell, as a cube keeps only observed cells.
  std::vector<uint64_t> sparse;
  for (size_t i = 0; i < cells.size(); i += 3) sparse.push_back(cells[i]);
  for (const uint64_t zone : h3::res0Cells()) {
    std::vector<uint64_t> children;
    ASSERT_EQ(h3::cellToChildren(zone, 2, children), h3::Error::kSuccess);
    const size_t expected =
        static_cast<size_t>(std::count_if(sparse.begin(), sparse.end(), [&](uint64_t c) {
          return std::find(children.begin(), children.end(), c) != children.end();
        }));
    EXPECT_EQ(descendantRange(sparse, zone, 2).count, expected);
  }
  EXPECT_EQ(descendantRange({}, h3::res0Cells().front(), 2).count, 0u);
}

}  // namespace
}  // namespace stac2h3::serve
