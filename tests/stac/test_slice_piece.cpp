/** @file test_slice_piece.cpp
 * @brief Pieces of a slice: intervals and names, time halves down to the shortest span, area
 * halves of the globe, of a bbox across the antimeridian and of an AOI (hand-computed).
 */
#include <gtest/gtest.h>

#include "stac/slice_piece.h"

namespace stac2h3::stac {
namespace {

SlicePiece dayPiece() {
  const UtcDay day = *parseUtcDay("2024-01-01");
  return wholeSlice(DateSlice{day, day + 1}, SearchQuery{});
}

TEST(SlicePiece, WholeSliceAsksWhatTheSliceAsks) {
  const UtcDay day = *parseUtcDay("2024-01-01");
  EXPECT_EQ(dayPiece().requestInterval(), DateSlice({day, day + 1}).requestInterval());
  EXPECT_EQ(dayPiece().describe(), "2024-01-01T00:00:00Z/2024-01-02T00:00:00Z");
}

TEST(SlicePiece, TimeHalvesAtWholeSecondsDownToAMinute) {
  auto halves = splitByTime(dayPiece());
  ASSERT_EQ(halves.size(), 2u);
  EXPECT_EQ(halves[0].describe(), "2024-01-01T00:00:00Z/2024-01-01T12:00:00Z");
  EXPECT_EQ(halves[1].requestInterval(), "2024-01-01T11:59:59Z/2024-01-02T00:00:01Z");
  SlicePiece piece = dayPiece();
  int levels = 0;
  for (auto next = splitByTime(piece); !next.empty(); next = splitByTime(piece)) {
    EXPECT_EQ(next[0].end_micros, next[1].start_micros);
    EXPECT_EQ(next[0].end_micros % 1'000'000, 0);
    piece = next[1];
    ++levels;
  }
  // 86,400 s halved 11 times: 42 s, the first span of a minute or less.
  EXPECT_EQ(levels, 11);
  EXPECT_LE(piece.end_micros - piece.start_micros, kMinPieceSpanMicros);
  EXPECT_GT(2 * (piece.end_micros - piece.start_micros), kMinPieceSpanMicros);
}

TEST(SlicePiece, AreaHalvesOfTheGlobeThenOfTheirBoxes) {
  const auto halves = splitByArea(dayPiece());
  ASSERT_EQ(halves.size(), 2u);
  EXPECT_EQ(halves[0].query.bbox, (LonLatBox{-180, -90, 0, 90}));
  EXPECT_EQ(halves[1].query.bbox, (LonLatBox{0, -90, 180, 90}));
  EXPECT_EQ(halves[1].describe(), "2024-01-01T00:00:00Z/2024-01-02T00:00:00Z in [0,-90,180,90]");
  const auto quarters = splitByArea(halves[1]);  // 180 x 180: a square is cut at a meridian
  ASSERT_EQ(quarters.size(), 2u);
  EXPECT_EQ(quarters[0].query.bbox, (LonLatBox{0, -90, 90, 90}));
  EXPECT_EQ(splitByArea(quarters[0])[1].query.bbox, (LonLatBox{0, 0, 90, 90}));
  SlicePiece small = dayPiece();
  small.query.bbox = LonLatBox{10, 10, 11, 10.5};
  EXPECT_TRUE(splitByArea(small).empty());
}

TEST(SlicePiece, AreaHalvesAcrossTheAntimeridian) {
  SlicePiece piece = dayPiece();
  piece.query.bbox = LonLatBox{170, -10, -170, 10};  // 20 degrees wide
  const auto halves = splitByArea(piece);
  ASSERT_EQ(halves.size(), 2u);
  EXPECT_EQ(halves[0].query.bbox, (LonLatBox{170, -10, 180, 10}));
  EXPECT_EQ(halves[1].query.bbox, (LonLatBox{180, -10, -170, 10}));
}

TEST(SlicePiece, AoiHalvesAreTheAoiCutByHalfBoxes) {
  // A right triangle (0,0) (4,0) (0,2): its box is 4 x 2, cut at lon 2.
  SlicePiece piece = dayPiece();
  geo::MultiPolygon aoi;
  aoi.polygons.push_back({{{0, 0}, {4, 0}, {0, 2}}, {}});
  piece.query.intersects = aoi;
  const auto halves = splitByArea(piece);
  ASSERT_EQ(halves.size(), 2u);
  EXPECT_FALSE(halves[0].query.bbox);
  EXPECT_EQ(halves[0].query.intersects->polygons[0].outer,
            (geo::Ring{{0, 0}, {2, 0}, {2, 1}, {0, 2}}));
  EXPECT_EQ(halves[1].query.intersects->polygons[0].outer, (geo::Ring{{2, 0}, {4, 0}, {2, 1}}));
  // Cut again: the right half's box is 2 x 1, cut at lon 3.
  const auto quarters = splitByArea(halves[1]);
  ASSERT_EQ(quarters.size(), 2u);
  EXPECT_EQ(quarters[1].query.intersects->polygons[0].outer, (geo::Ring{{3, 0}, {4, 0}, {3, 0.5}}));
}

TEST(SlicePiece, AHalfHoldingNoneOfTheAoiIsLeftOut) {
  SlicePiece piece = dayPiece();
  geo::MultiPolygon aoi;
  aoi.polygons.push_back({{{0, 0}, {1, 0}, {1, 1}, {0, 1}}, {}});
  piece.query.intersects = aoi;
  piece.box = LonLatBox{0, 0, 4, 1};  // as an earlier split left it: cut at lon 2
  const auto halves = splitByArea(piece);
  ASSERT_EQ(halves.size(), 1u);
  EXPECT_EQ(halves[0].box, (LonLatBox{0, 0, 2, 1}));
  EXPECT_EQ(halves[0].query.intersects, aoi);
}

}  // namespace
}  // namespace stac2h3::stac
