/** @file test_cell_to_boundary.cpp
 * @brief cellToBoundary: vertex counts (with Class III distortion vertices), order and
 * positions equal to the reference's for all res 0 cells, all pentagons at every
 * resolution, and random cells at every resolution; cellToBoundaryVectors and cellToVector
 * the same points within rounding.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

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

/** The angle between a unit vector and the reference's lat/lng (degrees), from the chord. */
double radiansApart(const Vec3d& v, double lat_degrees, double lng_degrees) {
  const double lat = test::toRadians(lat_degrees);
  const double lng = test::toRadians(lng_degrees);
  const double dx = v.x - std::cos(lat) * std::cos(lng);
  const double dy = v.y - std::cos(lat) * std::sin(lng);
  const double dz = v.z - std::sin(lat);
  return 2.0 * std::asin(0.5 * std::sqrt(dx * dx + dy * dy + dz * dz));
}

// The trig-free vectors are the reference's points to within rounding (the lat/lng to
// vector conversion of the check itself rounds at ~1e-16): every vertex, distortion vertices
// included, of the oracle's cells (all res 0 cells, the pentagons, random cells at every
// resolution).
TEST(CellToBoundaryVectors, AreTheReferencesVerticesWithinRounding) {
  const auto oracle = test::readOracle("cell_to_boundary.txt");
  double worst = 0.0;
  for (const auto& row : oracle.rows) {
    const CellBoundaryVectors b = cellToBoundaryVectors(test::toCell(row[0]));
    ASSERT_EQ(static_cast<size_t>(b.count) * 2, row.size() - 1) << row[0];
    for (int v = 0; v < b.count; ++v) {
      const Vec3d& p = b.verts[v];
      EXPECT_NEAR(p.x * p.x + p.y * p.y + p.z * p.z, 1.0, 1e-15) << row[0];
      const double apart =
          radiansApart(p, test::toDouble(row[1 + 2 * v]), test::toDouble(row[2 + 2 * v]));
      EXPECT_LT(apart, 1e-14) << row[0] << " vertex " << v;
      worst = std::max(worst, apart);
    }
  }
  EXPECT_GT(worst, 0.0) << "not one vertex differs in its last bits: is this the same code?";
}

TEST(CellToVector, IsTheReferencesCentreWithinRounding) {
  const auto oracle = test::readOracle("cell_to_lat_lng.txt");
  for (const auto& row : oracle.rows) {
    const Vec3d centre = cellToVector(test::toCell(row[0]));
    EXPECT_LT(radiansApart(centre, test::toDouble(row[1]), test::toDouble(row[2])), 1e-14)
        << row[0];
  }
}

}  // namespace
}  // namespace stac2h3::h3
