/** @file cover_test.cpp
 * @brief cellOverlaps and polygonCover on hand cases (a cell as footprint, pentagons,
 * footprints smaller than a cell, poles, holes) and the area property: the overlaps of every
 * footprint sum to its area.
 */
#include "geo/cover.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

#include "geo/cell_area.h"
#include "geo/sphere_coords.h"
#include "test_footprints.h"
#include "util/error.h"

namespace stac2h3::geo {
namespace {

using test::kRadToDeg;

MultiPolygon cellFootprint(h3::Cell cell) {
  return {{Polygon{test::cellRing(cell), {}}}};
}

LonLat cellCenter(h3::Cell cell) {
  const h3::LatLng c = h3::cellToLatLng(cell);
  return {c.lng * kRadToDeg, c.lat * kRadToDeg};
}

h3::Cell cellAt(double lon, double lat, int res) {
  h3::Cell cell = 0;
  EXPECT_EQ(h3::latLngToCell({lat / kRadToDeg, lon / kRadToDeg}, res, cell), h3::Error::kSuccess);
  return cell;
}

double sumOfAreas(const std::vector<CellOverlap>& overlaps) {
  double sum = 0.0;
  for (const CellOverlap& o : overlaps) sum += o.area_km2;
  return sum;
}

/** The area property and the consistency of every entry; returns the overlaps. */
std::vector<CellOverlap> checkOverlaps(const MultiPolygon& footprint, int res,
                                       const std::string& what) {
  const std::vector<CellOverlap> overlaps = cellOverlaps(footprint, res);
  EXPECT_NEAR(sumOfAreas(overlaps) / areaKm2(footprint), 1.0, 1e-9) << what << " res " << res;
  std::vector<h3::Cell> cells;
  for (const CellOverlap& o : overlaps) {
    cells.push_back(o.cell);
    EXPECT_EQ(h3::getResolution(o.cell), res);
    const double cell_area = exactCellAreaKm2(o.cell);
    EXPECT_GT(o.area_km2, 0.0) << what;
    EXPECT_LE(o.area_km2, cell_area * (1 + 1e-9)) << what;
    if (o.whole) {
      EXPECT_EQ(o.area_km2, cell_area) << what;
    }
  }
  EXPECT_TRUE(std::is_sorted(cells.begin(), cells.end()));
  EXPECT_EQ(std::adjacent_find(cells.begin(), cells.end()), cells.end());
  EXPECT_EQ(polygonCover(footprint, res), cells) << what;
  return overlaps;
}

TEST(CellOverlaps, FootprintEqualToACellGivesThatCellAlone) {
  // Every res 0 cell, the pentagons of res 0-5, hexagons, and the Class III cells of res 1
  // whose edges bend on icosahedron edges (some are concave there): the neighbours that share
  // an edge with the footprint must not come out as overlapping.
  std::vector<h3::Cell> cells = h3::res0Cells();
  for (int res = 1; res <= 5; ++res) {
    for (const h3::Cell p : h3::pentagons(res)) cells.push_back(p);
  }
  cells.push_back(cellAt(10, 45, 5));
  cells.push_back(cellAt(-70, -30, 3));
  cells.push_back(cellAt(179.99, -16.9, 7));
  for (const h3::Cell res0 : h3::res0Cells()) {
    std::vector<h3::Cell> children;
    ASSERT_EQ(h3::cellToChildren(res0, 1, children), h3::Error::kSuccess);
    for (const h3::Cell child : children) {
      if (h3::cellToBoundary(child).count > 6) cells.push_back(child);
    }
  }
  for (const h3::Cell cell : cells) {
    const int res = h3::getResolution(cell);
    const std::vector<CellOverlap> overlaps = cellOverlaps(cellFootprint(cell), res);
    ASSERT_EQ(overlaps.size(), 1u) << h3::cellToString(cell);
    EXPECT_EQ(overlaps[0].cell, cell);
    EXPECT_NEAR(overlaps[0].area_km2 / exactCellAreaKm2(cell), 1.0, 1e-11)
        << h3::cellToString(cell);
    EXPECT_NEAR(overlaps[0].area_km2 / h3::cellAreaKm2(cell), 1.0, 1e-8);
  }
}

TEST(CellOverlaps, FootprintSmallerThanACell) {
  const h3::Cell cell = cellAt(8.5, 47.3, 3);
  const LonLat c = cellCenter(cell);
  const MultiPolygon tiny = test::squareFootprint(c.lon, c.lat, 0.25, 10);
  const std::vector<CellOverlap> inside = checkOverlaps(tiny, 3, "tiny");
  ASSERT_EQ(inside.size(), 1u);
  EXPECT_EQ(inside[0].cell, cell);
  EXPECT_FALSE(inside[0].whole);
  EXPECT_NEAR(inside[0].area_km2, areaKm2(tiny), 1e-12 * areaKm2(tiny));

  // Centred on the middle of an edge: the two cells sharing it, half each.
  const h3::CellBoundary boundary = h3::cellToBoundary(cell);
  const Vec3 mid = toVec3(boundary.verts[0]) + toVec3(boundary.verts[1]);
  const LonLat m = toLonLat(mid);
  const MultiPolygon straddling = test::squareFootprint(m.lon, m.lat, 0.25, 3);
  const std::vector<CellOverlap> two = checkOverlaps(straddling, 3, "straddling");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_TRUE(two[0].cell == cell || two[1].cell == cell);
  EXPECT_NEAR(two[0].area_km2 / two[1].area_km2, 1.0, 0.05);
}

TEST(CellOverlaps, PentagonInsideAFootprint) {
  for (const int res : {2, 4}) {
    const h3::Cell pentagon = h3::pentagons(res)[7];
    const LonLat c = cellCenter(pentagon);
    const std::vector<CellOverlap> overlaps = checkOverlaps(
        test::squareFootprint(c.lon, c.lat, res == 2 ? 300 : 110, 20), res, "pentagon");
    const auto it = std::find_if(overlaps.begin(), overlaps.end(),
                                 [&](const CellOverlap& o) { return o.cell == pentagon; });
    ASSERT_NE(it, overlaps.end());
    EXPECT_TRUE(it->whole);
    // The five neighbours are covered too.
    for (const h3::Cell n : h3::gridDisk(pentagon, 1)) {
      EXPECT_TRUE(std::any_of(overlaps.begin(), overlaps.end(),
                              [&](const CellOverlap& o) { return o.cell == n; }));
    }
  }
}

TEST(CellOverlaps, PoleHeldInLonLatFormOrAsASquare) {
  const MultiPolygon lonlat_cap{
      {Polygon{{{-180, 89}, {-90, 89}, {0, 89}, {90, 89}, {180, 89}, {180, 90}, {-180, 90}}, {}}}};
  const MultiPolygon square{{Polygon{{{-180, 89}, {-90, 89}, {0, 89}, {90, 89}}, {}}}};
  for (const int res : {0, 2, 4}) {
    const std::vector<CellOverlap> overlaps = checkOverlaps(lonlat_cap, res, "cap");
    EXPECT_EQ(polygonCover(square, res), polygonCover(lonlat_cap, res));
    EXPECT_TRUE(std::any_of(overlaps.begin(), overlaps.end(),
                            [&](const CellOverlap& o) { return o.cell == cellAt(0, 90, res); }));
  }
  // The south pole, from a square centred on it.
  checkOverlaps(test::squareFootprint(0, -90, 55, 0), 5, "south pole");
}

TEST(CellOverlaps, WholeCellsCarryTheirExactArea) {
  const std::vector<CellOverlap> overlaps =
      checkOverlaps(test::squareFootprint(13.4, 52.5, 55, 12), 6, "whole");
  const auto whole =
      std::count_if(overlaps.begin(), overlaps.end(), [](const CellOverlap& o) { return o.whole; });
  // About 12,100 km² of 36 km² cells: hundreds inside, a rim of crossing cells.
  EXPECT_GT(whole, 250);
  EXPECT_GT(static_cast<long>(overlaps.size()) - whole, 40);
}

TEST(CellOverlaps, HolesAndSeparateParts) {
  Polygon holed = test::squareFootprint(20, 10, 55, 0).polygons[0];
  holed.holes.push_back(test::squareFootprint(20, 10, 20, 30).polygons[0].outer);
  MultiPolygon two_parts = test::squareFootprint(-40, 30, 30, 5);
  two_parts.polygons.push_back(test::squareFootprint(-30, 31, 20, 5).polygons[0]);
  for (int res = 0; res <= 7; ++res) {
    const auto with_hole = checkOverlaps(MultiPolygon{{holed}}, res, "hole");
    if (res == 7) {
      // The hole's centre cell is not in the cover.
      const h3::Cell hole_cell = cellAt(20, 10, res);
      EXPECT_TRUE(std::none_of(with_hole.begin(), with_hole.end(),
                               [&](const CellOverlap& o) { return o.cell == hole_cell; }));
    }
    checkOverlaps(two_parts, res, "two parts");
  }
}

TEST(CellOverlaps, AntimeridianSplitAndUnsplit) {
  const MultiPolygon split{
      {test::lonLatBox(179.4, -17, 180, -16), test::lonLatBox(-180, -17, -179.4, -16)}};
  const MultiPolygon unsplit = test::squareFootprint(180, -16.5, 55, 17);
  for (int res = 0; res <= 7; ++res) {
    const auto split_overlaps = checkOverlaps(split, res, "split");
    checkOverlaps(unsplit, res, "unsplit");
    // Cells on the antimeridian get the area of both halves in one entry.
    const h3::Cell on_seam = cellAt(180, -16.5, res);
    EXPECT_TRUE(std::any_of(split_overlaps.begin(), split_overlaps.end(),
                            [&](const CellOverlap& o) { return o.cell == on_seam; }));
  }
}

TEST(CellOverlaps, AreasSumToTheFootprintAtEveryResolution) {
  // Sentinel-2-sized squares anywhere: mid latitudes, the antimeridian, both poles.
  std::mt19937_64 rng(20261123);
  std::uniform_real_distribution<double> lon(-180, 180), sin_lat(-1, 1), angle(0, 90);
  std::vector<MultiPolygon> footprints;
  for (int i = 0; i < 6; ++i) {
    footprints.push_back(
        test::squareFootprint(lon(rng), std::asin(sin_lat(rng)) * kRadToDeg, 55, angle(rng)));
  }
  footprints.push_back(test::squareFootprint(179.97, 64, 55, angle(rng)));
  footprints.push_back(test::squareFootprint(-60, 89.8, 55, angle(rng)));
  footprints.push_back(test::squareFootprint(100, -89.9, 55, angle(rng)));
  for (int res = 0; res <= 7; ++res) {
    for (const MultiPolygon& footprint : footprints) checkOverlaps(footprint, res, "random");
  }
}

TEST(CellOverlaps, EmptyFootprintAndBadResolution) {
  EXPECT_TRUE(cellOverlaps(MultiPolygon{}, 5).empty());
  EXPECT_EQ(areaKm2(MultiPolygon{}), 0.0);
  EXPECT_THROW(polygonCover(test::squareFootprint(0, 0, 10, 0), 16), InputError);
  EXPECT_THROW(cellOverlaps(test::squareFootprint(0, 0, 10, 0), -1), InputError);
  const MultiPolygon not_a_position{{Polygon{{{0, 0}, {1, 0}, {1, INFINITY}}, {}}}};
  EXPECT_THROW(polygonCover(not_a_position, 3), InputError);
  EXPECT_THROW(areaKm2(not_a_position), InputError);
}

}  // namespace
}  // namespace stac2h3::geo

namespace stac2h3::geo {
namespace {

/** cellOverlapsAmong(footprint, cells) must be cellOverlaps(footprint) restricted to cells. */
void checkAmong(const MultiPolygon& footprint, const std::vector<h3::Cell>& cells,
                const std::string& what) {
  const int res = h3::getResolution(cells.front());
  std::vector<CellOverlap> expected;
  for (const CellOverlap& o : cellOverlaps(footprint, res)) {
    if (std::find(cells.begin(), cells.end(), o.cell) != cells.end()) expected.push_back(o);
  }
  const std::vector<CellOverlap> among = cellOverlapsAmong(footprint, cells);
  ASSERT_EQ(among.size(), expected.size()) << what;
  for (size_t i = 0; i < among.size(); ++i) {
    EXPECT_EQ(among[i].cell, expected[i].cell) << what;
    EXPECT_EQ(among[i].whole, expected[i].whole) << what;
    EXPECT_NEAR(among[i].area_km2, expected[i].area_km2, 1e-9 * exactCellAreaKm2(among[i].cell))
        << what;
  }
}

TEST(CellOverlapsAmong, TheGivenCellsOfTheFullCover) {
  const MultiPolygon tile = test::squareFootprint(10.5, 45.2, 55, 12);
  const MultiPolygon split{
      {test::lonLatBox(179.4, -17, 180, -16), test::lonLatBox(-180, -17, -179.4, -16)}};
  for (int res = 3; res <= 6; ++res) {
    // A disk over the tile's corner: cells inside, cut and outside, plus one far away.
    std::vector<h3::Cell> cells = h3::gridDisk(cellAt(10.5 + 0.7, 45.2 + 0.5, res), 4);
    cells.push_back(cellAt(-70, -30, res));
    checkAmong(tile, cells, "tile res " + std::to_string(res));
    std::vector<h3::Cell> seam = h3::gridDisk(cellAt(180, -16.5, res), 3);
    checkAmong(split, seam, "antimeridian res " + std::to_string(res));
  }
  EXPECT_TRUE(cellOverlapsAmong(tile, {}).empty());
}

}  // namespace
}  // namespace stac2h3::geo
