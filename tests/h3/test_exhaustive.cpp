/** @file test_exhaustive.cpp
 * @brief Every cell of resolutions 0 to 2: valid, centre round-trips, parent/children
 * consistent, neighbours symmetric, areas summing to the sphere's.
 */
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "h3/h3.h"

namespace stac2h3::h3 {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::vector<Cell> allCells(int res) {
  std::vector<Cell> out, children;
  for (const Cell base : res0Cells()) {
    EXPECT_EQ(cellToChildren(base, res, children), Error::kSuccess);
    out.insert(out.end(), children.begin(), children.end());
  }
  return out;
}

class Exhaustive : public ::testing::TestWithParam<int> {};

TEST_P(Exhaustive, CellCountAndValidity) {
  const int res = GetParam();
  const auto cells = allCells(res);
  // 2 + 120 * 7^res cells at every resolution.
  int64_t expected = 120;
  for (int r = 0; r < res; ++r) expected *= 7;
  EXPECT_EQ(static_cast<int64_t>(cells.size()), expected + 2);
  EXPECT_EQ(std::set<Cell>(cells.begin(), cells.end()).size(), cells.size());
  for (const Cell c : cells) {
    EXPECT_TRUE(isValidCell(c)) << cellToString(c);
    EXPECT_EQ(getResolution(c), res);
  }
}

TEST_P(Exhaustive, CentresRoundTrip) {
  const int res = GetParam();
  for (const Cell c : allCells(res)) {
    Cell back = 0;
    ASSERT_EQ(latLngToCell(cellToLatLng(c), res, back), Error::kSuccess);
    EXPECT_EQ(back, c) << cellToString(c);
  }
}

TEST_P(Exhaustive, ParentsAndChildrenAgree) {
  const int res = GetParam();
  std::vector<Cell> children;
  for (const Cell c : allCells(res)) {
    ASSERT_EQ(cellToChildren(c, res + 1, children), Error::kSuccess);
    EXPECT_EQ(static_cast<int64_t>(children.size()), cellToChildrenSize(c, res + 1));
    EXPECT_EQ(children.size(), isPentagon(c) ? 6u : 7u);
    for (const Cell child : children) {
      Cell parent = 0;
      ASSERT_EQ(cellToParent(child, res, parent), Error::kSuccess);
      EXPECT_EQ(parent, c);
    }
  }
}

TEST_P(Exhaustive, NeighboursAreSymmetric) {
  const int res = GetParam();
  for (const Cell c : allCells(res)) {
    const auto disk = gridDisk(c, 1);
    EXPECT_EQ(disk.size(), isPentagon(c) ? 6u : 7u) << cellToString(c);
    for (const Cell n : disk) {
      if (n == c) continue;
      EXPECT_TRUE(areNeighborCells(c, n));
      EXPECT_TRUE(areNeighborCells(n, c));
    }
  }
}

TEST_P(Exhaustive, AreasSumToTheSphere) {
  const int res = GetParam();
  double total = 0.0;
  for (const Cell c : allCells(res)) {
    const double area = cellAreaRads2(c);
    EXPECT_GT(area, 0.0);
    total += area;
  }
  EXPECT_NEAR(total, 4.0 * kPi, 4.0 * kPi * 1e-12);
  const double earth = 4.0 * kPi * kEarthRadiusKm * kEarthRadiusKm;
  double total_km2 = 0.0;
  for (const Cell c : allCells(res)) total_km2 += cellAreaKm2(c);
  EXPECT_NEAR(total_km2, earth, earth * 1e-12);
}

INSTANTIATE_TEST_SUITE_P(Resolutions0To2, Exhaustive, ::testing::Values(0, 1, 2));

}  // namespace
}  // namespace stac2h3::h3
