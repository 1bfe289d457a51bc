/** @file exact_resample_test.cpp
 * @brief The hand-computed cases on the real geometry (exactCellAreas): a footprint
 * equal to a cell, two footprints splitting a cell, a pentagon, the antimeridian, a pole;
 * and the property Σ a_i = area of the footprint, res 0-7.
 */
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "geo/cell_area.h"
#include "geo/cover.h"
#include "resample/exact_cell_areas.h"
#include "resample/resampler.h"

namespace stac2h3::resample {
namespace {

constexpr double kDeg = 180.0 / M_PI;
constexpr int kCloud = 0;
constexpr int kObs = 6;

geo::Ring cellRing(h3::Cell cell) {
  const h3::CellBoundary boundary = h3::cellToBoundary(cell);
  geo::Ring ring;
  for (int i = 0; i < boundary.count; ++i) {
    ring.push_back({boundary.verts[i].lng * kDeg, boundary.verts[i].lat * kDeg});
  }
  return ring;
}

h3::Cell cellAt(double lat, double lng, int res) {
  h3::Cell cell = 0;
  EXPECT_EQ(h3::latLngToCell({lat / kDeg, lng / kDeg}, res, cell), h3::Error::kSuccess);
  return cell;
}

geo::MultiPolygon polygon(geo::Ring ring) {
  geo::MultiPolygon shape;
  shape.polygons.push_back({std::move(ring), {}});
  return shape;
}

stac::Item item(geo::MultiPolygon footprint, double cloud) {
  stac::Item result;
  result.id = "x";
  result.datetime = "2024-03-01T10:00:00Z";
  result.values = {cloud, 0, 0, 0, 0, 0};
  result.footprint = std::move(footprint);
  return result;
}

/** Resamples one day of items; returns the description and its single block. */
std::pair<store::CubeDescription, store::CubeBlock> resampleDay(
    const std::vector<stac::Item>& items, int res) {
  ResampleOptions options;
  options.resolution = res;
  Resampler resampler(options, exactCellAreas());
  for (const auto& i : items) resampler.add(i);
  auto description = resampler.prepare();
  store::CubeBlock result;
  resampler.run([&](const store::CubeBlock& block) { result = block; });
  return {description, result};
}

/** Σ a_i over the footprint's cells, as the resampler gets them. */
double summedOverlaps(const geo::MultiPolygon& footprint, int res) {
  std::vector<CellArea> cells;
  std::string reason;
  EXPECT_TRUE(exactCellAreas()(footprint, res, cells, reason)) << reason;
  double sum = 0;
  for (const auto& c : cells) sum += c.area_km2;
  return sum;
}

TEST(ExactResample, FootprintEqualToACell) {
  const h3::Cell cell = cellAt(48.2, 16.4, 5);
  const auto [description, block] = resampleDay({item(polygon(cellRing(cell)), 37.5)}, 5);
  ASSERT_EQ(description.cells, std::vector<h3::Cell>{cell});
  EXPECT_FLOAT_EQ(block.floats[kCloud][0], 37.5f);
  EXPECT_EQ(block.floats[kObs][0], 1.0f);
  EXPECT_EQ(block.n_items[0], 1);
}

// obs_fraction divides by the cell's area from the same geometry as the overlaps, so a cell
// covered once, by one footprint or by pieces, is 1 to rounding (h3::cellAreaKm2, another
// formula, is off by up to ~1e-8).
TEST(ExactResample, AFullyCoveredCellHasObsFractionOne) {
  for (int res = 0; res <= 7; ++res) {
    for (const h3::Cell cell : {cellAt(48.2, 16.4, res), cellAt(-71.0, -120.5, res),
                                h3::pentagons(res)[static_cast<size_t>(res % 12)]}) {
      const geo::MultiPolygon footprint = polygon(cellRing(cell));
      EXPECT_NEAR(summedOverlaps(footprint, res) / geo::exactCellAreaKm2(cell), 1.0, 1e-12)
          << "res " << res << " cell " << h3::cellToString(cell);
      const auto [description, block] = resampleDay({item(footprint, 1)}, res);
      ASSERT_EQ(description.cells, std::vector<h3::Cell>{cell});
      EXPECT_EQ(block.floats[kObs][0], 1.0f) << "res " << res;
    }
  }
}

TEST(ExactResample, TwoFootprintsSplittingACell) {
  const h3::Cell cell = cellAt(-23.0, 133.0, 4);
  const geo::Ring ring = cellRing(cell);
  ASSERT_EQ(ring.size(), 6u);
  const auto half_a = polygon({ring[0], ring[1], ring[2], ring[3]});
  const auto half_b = polygon({ring[3], ring[4], ring[5], ring[0]});
  const double area_a = geo::areaKm2(half_a), area_b = geo::areaKm2(half_b);
  EXPECT_NEAR(area_a + area_b, h3::cellAreaKm2(cell), 1e-9 * h3::cellAreaKm2(cell));
  const auto [description, block] = resampleDay({item(half_a, 10), item(half_b, 40)}, 4);
  ASSERT_EQ(description.cells, std::vector<h3::Cell>{cell});
  EXPECT_NEAR(block.floats[kCloud][0], (10 * area_a + 40 * area_b) / (area_a + area_b), 1e-5);
  EXPECT_NEAR((summedOverlaps(half_a, 4) + summedOverlaps(half_b, 4)) / geo::exactCellAreaKm2(cell),
              1.0, 1e-12);
  EXPECT_EQ(block.floats[kObs][0], 1.0f);
  EXPECT_EQ(block.n_items[0], 2);
}

TEST(ExactResample, EachFootprintGetsItsOwnValidityAtEveryLevel) {
  // exactCellAreas remembers its thread's last validity answer (a pyramid asks for one
  // footprint at every level in turn): a footprint after another must get its own answer.
  const CellAreaFunction areas = exactCellAreas();
  const auto square = polygon({{10.0, 10.0}, {10.5, 10.0}, {10.5, 10.5}, {10.0, 10.5}});
  const auto bowtie = polygon({{10.0, 10.0}, {10.5, 10.5}, {10.5, 10.0}, {10.0, 10.5}});
  std::vector<CellArea> out;
  std::string reason;
  EXPECT_TRUE(areas(square, 5, out, reason));
  EXPECT_FALSE(out.empty());
  EXPECT_TRUE(reason.empty()) << reason;
  EXPECT_FALSE(areas(bowtie, 5, out, reason));
  EXPECT_TRUE(out.empty());
  const std::string bowtie_reason = reason;
  EXPECT_NE(bowtie_reason.find("intersect"), std::string::npos) << bowtie_reason;
  reason.clear();
  EXPECT_FALSE(areas(bowtie, 4, out, reason));
  EXPECT_EQ(reason, bowtie_reason);
  reason.clear();
  const geo::MultiPolygon square_copy = square;  // equal coordinates, another object
  EXPECT_TRUE(areas(square_copy, 4, out, reason));
  EXPECT_FALSE(out.empty());
  EXPECT_TRUE(reason.empty()) << reason;
}

TEST(ExactResample, APentagonCell) {
  const h3::Cell pentagon = h3::pentagons(2)[3];
  const auto [description, block] = resampleDay({item(polygon(cellRing(pentagon)), 5)}, 2);
  ASSERT_EQ(description.cells, std::vector<h3::Cell>{pentagon});
  EXPECT_NEAR(block.floats[kObs][0], 1.0, 1e-6);
  // A footprint over the pentagon at a finer resolution tiles its children exactly.
  EXPECT_NEAR(summedOverlaps(polygon(cellRing(pentagon)), 4), h3::cellAreaKm2(pentagon),
              1e-9 * h3::cellAreaKm2(pentagon));
}

/** Latitude where the geodesic between (lon, lat) and (-lon, lat) crosses ±180°. */
double antimeridianCrossingLat(double lon, double lat) {
  const double x = std::cos(lat / kDeg) * std::cos(lon / kDeg);
  const double z = std::sin(lat / kDeg);
  return std::atan2(z, std::abs(x)) * kDeg;  // the midpoint (a + b) / 2 has y = 0
}

TEST(ExactResample, TheAntimeridianSplitOrNot) {
  const auto unsplit = polygon({{179.5, 10.0}, {-179.5, 10.0}, {-179.5, 10.8}, {179.5, 10.8}});
  // The same shape split at ±180: the cut points lie on the geodesic edges.
  const double low = antimeridianCrossingLat(179.5, 10.0);
  const double high = antimeridianCrossingLat(179.5, 10.8);
  geo::MultiPolygon split;
  split.polygons.push_back({{{179.5, 10.0}, {180.0, low}, {180.0, high}, {179.5, 10.8}}, {}});
  split.polygons.push_back({{{-180.0, low}, {-179.5, 10.0}, {-179.5, 10.8}, {-180.0, high}}, {}});
  const auto [cells_a, block_a] = resampleDay({item(unsplit, 20)}, 5);
  const auto [cells_b, block_b] = resampleDay({item(split, 20)}, 5);
  ASSERT_EQ(cells_a.cells, cells_b.cells);
  double covered = 0;
  for (size_t c = 0; c < cells_a.cells.size(); ++c) {
    EXPECT_NEAR(block_a.floats[kObs][c], block_b.floats[kObs][c], 1e-6);
    EXPECT_FLOAT_EQ(block_a.floats[kCloud][c], 20.0f);
    covered += block_a.floats[kObs][c] * h3::cellAreaKm2(cells_a.cells[c]);
  }
  // ~ 1° x 0.8° at 10°N: 109.6 km x 88.5 km (planar estimate; geodesic edges differ slightly).
  EXPECT_NEAR(covered, 111.195 * std::cos(10.4 / kDeg) * 0.8 * 111.195, 60.0);
}

TEST(ExactResample, APolarFootprint) {
  geo::Ring ring;
  for (int k = 0; k < 72; ++k) ring.push_back({-180.0 + 5.0 * k, 88.0});
  const auto cap = polygon(ring);
  const double cap_area =
      2 * M_PI * h3::kEarthRadiusKm * h3::kEarthRadiusKm * (1 - std::sin(88.0 / kDeg));
  // Geodesic chords cut a little off the latitude circle: well within 1%.
  EXPECT_NEAR(summedOverlaps(cap, 3), cap_area, 0.01 * cap_area);
  const auto [description, block] = resampleDay({item(cap, 60)}, 3);
  const h3::Cell pole_cell = cellAt(90.0, 0.0, 3);
  const auto found = std::find(description.cells.begin(), description.cells.end(), pole_cell);
  ASSERT_NE(found, description.cells.end());
  const auto at = static_cast<size_t>(found - description.cells.begin());
  EXPECT_NEAR(block.floats[kObs][at], 1.0, 1e-6);  // the pole's cell lies wholly inside
  EXPECT_FLOAT_EQ(block.floats[kCloud][at], 60.0f);
}

TEST(ExactResample, OverlapsSumToTheFootprintArea) {
  // A large spherical triangle whose area L'Huilier's theorem gives from its sides: 60° on
  // the equator, 60° on the meridian, and c with cos c = cos²60° = 1/4.
  const auto triangle = polygon({{0.0, 0.0}, {60.0, 0.0}, {0.0, 60.0}});
  const double a = M_PI / 3, b = M_PI / 3, c = std::acos(0.25), s = (a + b + c) / 2;
  const double excess = 4 * std::atan(std::sqrt(std::tan(s / 2) * std::tan((s - a) / 2) *
                                                std::tan((s - b) / 2) * std::tan((s - c) / 2)));
  const double triangle_area = excess * h3::kEarthRadiusKm * h3::kEarthRadiusKm;
  for (int res = 0; res <= 3; ++res) {
    EXPECT_NEAR(summedOverlaps(triangle, res), triangle_area, 1e-9 * triangle_area)
        << "res " << res;
  }
  // Sentinel-2-sized quads (~110 km) in awkward places, res 0-7.
  const std::vector<geo::MultiPolygon> quads = {
      polygon({{10.0, 45.0}, {11.4, 45.0}, {11.4, 46.0}, {10.0, 46.0}}),
      polygon({{179.4, -16.5}, {-179.6, -16.5}, {-179.6, -15.5}, {179.4, -15.5}}),
      polygon({{-60.0, -79.0}, {-55.0, -79.2}, {-55.2, -78.2}, {-60.1, -78.0}}),
      polygon(cellRing(h3::pentagons(1)[5])),
  };
  for (const auto& quad : quads) {
    const double area = geo::areaKm2(quad);
    for (int res = 0; res <= 7; ++res) {
      EXPECT_NEAR(summedOverlaps(quad, res), area, 1e-9 * area) << "res " << res;
    }
  }
}

}  // namespace
}  // namespace stac2h3::resample
