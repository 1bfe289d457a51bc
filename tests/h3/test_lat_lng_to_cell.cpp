/** @file test_lat_lng_to_cell.cpp
 * @brief latLngToCell: known ids, bad input, a point the libm decides, and every oracle point
 * (random points at every resolution plus pentagons, icosahedron edges, poles, the
 * antimeridian, cell vertices), each exactly h3-js's cell.
 */
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>

#include "h3/h3.h"
#include "oracle.h"

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

// A point on an icosahedron edge and a res 2 cell edge (issue 10): the face-centre azimuth
// rounds to one side or the other of the cell edge depending on the libm. h3-js's answers,
// which glibc's atan2 (one ulp away) does not give.
TEST(LatLngToCell, PointOnAnEdgeDecidedByTheLastBit) {
  const double lat = -10.410683770602716;
  const double lng = -79.036843809169341;
  EXPECT_EQ(cellToString(cellAt(lat, lng, 2)), "828e77fffffffff");
  EXPECT_EQ(cellToString(cellAt(lat, lng, 4)), "848e74dffffffff");
  EXPECT_EQ(cellToString(cellAt(lat, lng, 6)), "868e74d37ffffff");
  EXPECT_EQ(cellToString(cellAt(lat, lng, 14)), "8e8e74d34d34d37");
}

// Every point, at every resolution, gets exactly h3-js's cell: random points, pentagons,
// icosahedron edges (as chords and as exact great circles, on them and 1e-12° to 1e-3°
// beside them), poles, the antimeridian and cell vertices. No tie is excused: the
// projection follows the reference's arithmetic and libm (see src/h3/fdlibm.h).
TEST(LatLngToCell, MatchesReferenceOracleExactly) {
  const auto oracle = test::readOracle("lat_lng_to_cell.txt");
  std::map<std::string, std::pair<int, int>> cases_and_mismatches;
  int mismatches = 0;
  for (const auto& row : oracle.rows) {
    const LatLng p{toRadians(test::toDouble(row[1])), toRadians(test::toDouble(row[2]))};
    const int res = test::toInt(row[3]);
    const Cell expected = test::toCell(row[4]);
    Cell got = 0;
    ASSERT_EQ(latLngToCell(p, res, got), Error::kSuccess);
    auto& [cases, wrong] = cases_and_mismatches[std::string(row[0])];
    ++cases;
    if (got == expected) continue;
    ++wrong;
    if (++mismatches <= 20) {
      ADD_FAILURE() << row[0] << " point " << row[1] << "," << row[2] << " res " << res << ": got "
                    << cellToString(got) << ", reference " << row[4];
    }
  }
  EXPECT_EQ(mismatches, 0);
  EXPECT_GE(cases_and_mismatches["random"].first, 100000);
  EXPECT_GE(cases_and_mismatches["great_circle"].first, 50000);
  EXPECT_GE(cases_and_mismatches["beside_edge"].first, 100000);
  EXPECT_EQ(cases_and_mismatches["issue"].first, 16);
  for (const auto& [tag, counts] : cases_and_mismatches) {
    std::printf("  %-13s %7d cases, %d exact, %d mismatches\n", tag.c_str(), counts.first,
                counts.first - counts.second, counts.second);
  }
}

}  // namespace
}  // namespace stac2h3::h3
