/** @file test_lat_lng_to_cell.cpp
 * @brief latLngToCell: known ids, bad input, and every oracle point (random points at every
 * resolution plus pentagons, icosahedron edges, poles, the antimeridian, cell vertices).
 */
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>

#include "h3/h3.h"
#include "oracle.h"
#include "tie_rule.h"

namespace stac2h3::h3 {
namespace {

using test::toRadians;

Cell cellAt(double lat_deg, double lng_deg, int res) {
  Cell cell = 0;
  EXPECT_EQ(latLngToCell({toRadians(lat_deg), toRadians(lng_deg)}, res, cell), Error::kSuccess);
  return cell;
}

TEST(LatLngToCell, KnownIds) {
  // The H3 documentation's example point (Sunnyvale).
  EXPECT_EQ(cellToString(cellAt(37.3615593, -122.0553238, 5)), "85283473fffffff");
  // Both poles fall in the polar pentagons' descendants at res 0.
  EXPECT_EQ(getBaseCellNumber(cellAt(90.0, 0.0, 0)), 0);
  EXPECT_EQ(getBaseCellNumber(cellAt(-90.0, 0.0, 0)), 121);
}

TEST(LatLngToCell, RejectsBadInput) {
  Cell cell = 0;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(latLngToCell({nan, 0.0}, 5, cell), Error::kLatLngDomain);
  EXPECT_EQ(latLngToCell({0.0, inf}, 5, cell), Error::kLatLngDomain);
  EXPECT_EQ(latLngToCell({0.0, 0.0}, -1, cell), Error::kResDomain);
  EXPECT_EQ(latLngToCell({0.0, 0.0}, 16, cell), Error::kResDomain);
}

TEST(LatLngToCell, AnglesBeyondTheUsualRangeWrap) {
  EXPECT_EQ(cellAt(10.0, 190.0, 7), cellAt(10.0, -170.0, 7));
  EXPECT_EQ(cellAt(10.0, 0.0, 7), cellAt(10.0, 720.0, 7));
}

// Every point must get the reference's cell, except a tie scored by the rule in tie_rule.h
// (on the shared boundary of both cells, or on an icosahedron edge where the other face's
// grid gives the reference's cell).
TEST(LatLngToCell, MatchesReferenceOracle) {
  const auto oracle = test::readOracle("lat_lng_to_cell.txt");
  struct Counts {
    int points = 0;
    int boundary_ties = 0;
    int face_edge_ties = 0;
  };
  std::map<std::string, Counts> counts;
  int mismatches = 0;
  for (const auto& row : oracle.rows) {
    const LatLng p{toRadians(test::toDouble(row[1])), toRadians(test::toDouble(row[2]))};
    const int res = test::toInt(row[3]);
    const Cell expected = test::toCell(row[4]);
    Cell got = 0;
    ASSERT_EQ(latLngToCell(p, res, got), Error::kSuccess);
    Counts& tally = counts[std::string(row[0])];
    ++tally.points;
    if (got == expected) continue;
    switch (test::classifyTie(p, res, got, expected)) {
      case test::Tie::kSharedBoundary:
        ++tally.boundary_ties;
        continue;
      case test::Tie::kFaceEdge:
        ++tally.face_edge_ties;
        continue;
      case test::Tie::kNone:
        break;
    }
    if (++mismatches <= 20) {
      ADD_FAILURE() << row[0] << " point " << row[1] << "," << row[2] << " res " << res << ": got "
                    << cellToString(got) << ", reference " << row[4];
    }
  }
  EXPECT_EQ(mismatches, 0);
  EXPECT_GE(counts["random"].points, 100000);
  for (const auto& [tag, c] : counts) {
    std::printf("  %-13s %7d points; ties: %d on a shared boundary, %d on a face edge\n",
                tag.c_str(), c.points, c.boundary_ties, c.face_edge_ties);
  }
}

}  // namespace
}  // namespace stac2h3::h3
