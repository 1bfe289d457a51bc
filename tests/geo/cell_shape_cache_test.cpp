/** @file cell_shape_cache_test.cpp
 * @brief CellShapeCache gives what makeCellShape and areaSteradians compute, bit for bit,
 * whether a cell is found in its slot or was pushed out by another (a one-slot cache).
 */
#include "geo/cell_shape_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace stac2h3::geo {
namespace {

void expectSameShape(const CellShape& cached, const CellShape& fresh, const std::string& what) {
  ASSERT_EQ(cached.cell, fresh.cell) << what;
  EXPECT_EQ(cached.center, fresh.center) << what;
  EXPECT_EQ(cached.radius, fresh.radius) << what;
  EXPECT_EQ(cached.cos_radius, fresh.cos_radius) << what;
  EXPECT_EQ(cached.sin_radius, fresh.sin_radius) << what;
  ASSERT_EQ(cached.vertex_count, fresh.vertex_count) << what;
  for (int i = 0; i < fresh.vertex_count; ++i) EXPECT_EQ(cached.vertices[i], fresh.vertices[i]);
  ASSERT_EQ(cached.pieces.size(), fresh.pieces.size()) << what;
  for (size_t p = 0; p < fresh.pieces.size(); ++p) {
    ASSERT_EQ(cached.pieces[p].size(), fresh.pieces[p].size()) << what;
    for (int i = 0; i < fresh.pieces[p].size(); ++i) {
      EXPECT_EQ(cached.pieces[p].vertex(i), fresh.pieces[p].vertex(i)) << what;
      EXPECT_EQ(cached.pieces[p].normal(i), fresh.pieces[p].normal(i)) << what;
    }
  }
}

/** Cells of several kinds: every res-0 cell (hexagons and pentagons), a line of descendants
 * down to res 15, and a cell cut into several convex pieces (concave at an icosahedron edge). */
std::vector<h3::Cell> testCells() {
  std::vector<h3::Cell> cells = h3::res0Cells();
  std::vector<h3::Cell> children;
  h3::Cell descendant = cells[1];
  for (int res = 1; res <= h3::kMaxResolution; ++res) {
    EXPECT_EQ(h3::cellToChildren(descendant, res, children), h3::Error::kSuccess);
    descendant = children.back();
    cells.push_back(descendant);
  }
  CellShape shape;
  for (const h3::Cell parent : h3::res0Cells()) {
    EXPECT_EQ(h3::cellToChildren(parent, 1, children), h3::Error::kSuccess);
    for (const h3::Cell child : children) {
      makeCellShape(child, shape);
      if (shape.pieces.size() > 1) {
        cells.push_back(child);
        return cells;
      }
    }
  }
  ADD_FAILURE() << "no res-1 cell in convex pieces";
  return cells;
}

void checkCache(size_t slots) {
  const std::vector<h3::Cell> cells = testCells();
  CellShapeCache cache(slots);
  CellShape fresh;
  // Twice over, each cell asked for its area before or after its shape: the second round
  // finds the cells that kept their slots.
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < cells.size(); ++i) {
      const std::string what = "cell " + std::to_string(i) + " round " + std::to_string(round);
      makeCellShape(cells[i], fresh);
      if (i % 2 == 0) {
        EXPECT_EQ(cache.areaSteradians(cells[i]), areaSteradians(fresh)) << what;
      }
      expectSameShape(cache.shape(cells[i]), fresh, what);
      EXPECT_EQ(cache.areaSteradians(cells[i]), areaSteradians(fresh)) << what;
    }
  }
}

TEST(CellShapeCache, OneSlotRecomputesEveryOtherCellExactly) {
  checkCache(1);
}

TEST(CellShapeCache, ManySlotsGiveTheSameShapesAndAreas) {
  checkCache(4096);
}

}  // namespace
}  // namespace stac2h3::geo
