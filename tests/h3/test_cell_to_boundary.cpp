/** @file test_cell_to_boundary.cpp
 * @brief cellToBoundary: vertex counts (with Class III distortion vertices), order and
 * positions equal to the reference's for all res 0 cells, all pentagons at every
 * resolution, and random cells at every resolution.
 */
#include <gtest/gtest.h>

#include "h3/h3.h"
#include "oracle.h"

namespace stac2h3::h3 {
namespace {

TEST(CellToBoundary, KnownHexagon) {
  const CellBoundary b = cellToBoundary(*stringToCell("85283473fffffff"));
  ASSERT_EQ(b.count, 6);
  EXPECT_NEAR(test::toDegrees(b.verts[0].lat), 37.27135586673191, 1e-9);
  EXPECT_NEAR(test::toDegrees(b.verts[0].lng), -121.91508032705622, 1e-9);
  EXPECT_NEAR(test::toDegrees(b.verts[3].lat), 37.42012867767779, 1e-9);
  EXPECT_NEAR(test::toDegrees(b.verts[3].lng), -122.03773496427027, 1e-9);
}

TEST(CellToBoundary, PentagonsHaveFiveOrTenVertices) {
  for (int res = 0; res <= kMaxResolution; ++res) {
    for (const Cell p : pentagons(res)) {
      // Class III pentagon edges all cross icosahedron edges: one extra vertex each.
      EXPECT_EQ(cellToBoundary(p).count, res % 2 == 1 ? 10 : 5) << cellToString(p);
    }
  }
}

TEST(CellToBoundary, DistortionVerticesOnIcosahedronEdges) {
  // A res 1 hexagon straddling a face edge gains distortion vertices.
  EXPECT_EQ(cellToBoundary(*stringToCell("81083ffffffffff")).count, 10);
}

// Bit for bit: h3-js prints degrees as rad * 180 / PI, the oracle reads them back exactly.
TEST(CellToBoundary, MatchesReferenceOracleExactly) {
  const auto oracle = test::readOracle("cell_to_boundary.txt");
  for (const auto& row : oracle.rows) {
    const CellBoundary b = cellToBoundary(test::toCell(row[0]));
    ASSERT_EQ(static_cast<size_t>(b.count) * 2, row.size() - 1) << row[0];
    for (int v = 0; v < b.count; ++v) {
      EXPECT_EQ(test::toDegrees(b.verts[v].lat), test::toDouble(row[1 + 2 * v]))
          << row[0] << " vertex " << v;
      EXPECT_EQ(test::toDegrees(b.verts[v].lng), test::toDouble(row[2 + 2 * v]))
          << row[0] << " vertex " << v;
    }
  }
}

}  // namespace
}  // namespace stac2h3::h3
