/** @file test_cell_area.cpp
 * @brief cellAreaRads2 / cellAreaKm2 against the reference, to 1e-8 relative.
 */
#include <gtest/gtest.h>

#include <cmath>

#include "h3/area.h"
#include "h3/h3.h"
#include "oracle.h"

namespace stac2h3::h3 {
namespace {

TEST(CellArea, KnownCells) {
  EXPECT_NEAR(cellAreaKm2(0x85283473fffffffULL), 265.0925581282818, 265.0925581282818 * 1e-12);
  EXPECT_NEAR(cellAreaKm2(0x8001fffffffffffULL), 4106166.3344638464, 4106166.3344638464 * 1e-12);
  EXPECT_DOUBLE_EQ(cellAreaKm2(0x8001fffffffffffULL),
                   cellAreaRads2(0x8001fffffffffffULL) * kEarthRadiusKm * kEarthRadiusKm);
}

/** The reference's boundary of `cell` (degrees in the oracle file), in radians. */
CellBoundary referenceBoundary(const std::vector<std::string_view>& row) {
  CellBoundary b;
  b.count = static_cast<int>((row.size() - 1) / 2);
  for (int v = 0; v < b.count; ++v) {
    b.verts[v] = {test::toRadians(test::toDouble(row[1 + 2 * v])),
                  test::toRadians(test::toDouble(row[2 + 2 * v]))};
  }
  return b;
}

// Areas agree to 1e-8 relative. The one principled exception: for the smallest cells the
// area is ill-conditioned (edge terms of ~1e-7 cancel to ~1e-14), so the last-bit libm
// differences in the reference JS build's vertices move its area by more. Such a cell is
// accepted only when the same formula, fed the reference's own vertices, gives the
// reference's area: the difference is then in the vertices (checked to 1e-9 elsewhere),
// not in the area computation.
TEST(CellArea, MatchesReferenceOracle) {
  const auto oracle = test::readOracle("cell_area.txt");
  const auto boundaries = test::readOracle("cell_to_boundary.txt");
  ASSERT_EQ(oracle.rows.size(), boundaries.rows.size());
  int explained_by_vertices = 0;
  for (size_t i = 0; i < oracle.rows.size(); ++i) {
    const auto& row = oracle.rows[i];
    ASSERT_EQ(row[0], boundaries.rows[i][0]);
    const Cell cell = test::toCell(row[0]);
    const double rads2 = test::toDouble(row[1]);
    const double km2 = test::toDouble(row[2]);
    const double mine = cellAreaRads2(cell);
    if (std::fabs(mine - rads2) > rads2 * 1e-8) {
      const double from_reference_vertices =
          detail::loopAreaRads2(referenceBoundary(boundaries.rows[i]));
      EXPECT_NEAR(from_reference_vertices, rads2, rads2 * 1e-9) << row[0];
      EXPECT_GE(getResolution(cell), 13) << row[0];
      ++explained_by_vertices;
      continue;
    }
    EXPECT_NEAR(cellAreaKm2(cell), km2, km2 * 1e-8) << row[0];
  }
  std::printf("  %zu areas, %d differing by more than 1e-8 through the vertices' last bits\n",
              oracle.rows.size(), explained_by_vertices);
}

}  // namespace
}  // namespace stac2h3::h3
