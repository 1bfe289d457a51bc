/** @file aoi_grid.cpp
 * @brief AOI cell pieces, the default resolution, areas given as cells and R-tree search
 * boxes (see aoi_grid.h).
 */
#include "select/aoi_grid.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>

#include "geo/antimeridian.h"
#include "geo/cell_polygon.h"
#include "geo/cover.h"
#include "geo/point_in_polygon.h"
#include "geo/sphere_coords.h"
#include "util/error.h"

namespace stac2h3::select {
namespace {

// Points per edge where the geodesic's latitude is sampled for the search boxes: an edge
// bulges poleward between its vertices (a 500 km east-west edge at 45° by ~0.2°); at 32
// samples the bulge missed between two of them is below 1e-3 of it.
constexpr int kEdgeSamples = 32;

void widenByRing(const geo::Ring& ring, std::array<double, 4>& box) {
  for (size_t i = 0; i < ring.size(); ++i) {
    const geo::LonLat& a = ring[i];
    const geo::LonLat& b = ring[(i + 1) % ring.size()];
    box[0] = std::min(box[0], a.lon);
    box[2] = std::max(box[2], a.lon);
    const geo::Vec3 va = geo::toVec3(a);
    const geo::Vec3 vb = geo::toVec3(b);
    for (int k = 0; k <= kEdgeSamples; ++k) {
      const double t = static_cast<double>(k) / kEdgeSamples;
      const geo::Vec3 v = (1.0 - t) * va + t * vb;
      if (geo::dot(v, v) < 1e-24) continue;  // antipodal ends: no single geodesic
      const double lat = geo::toLonLat(v).lat;
      box[1] = std::min(box[1], lat);
      box[3] = std::max(box[3], lat);
    }
  }
}

// Sample points two resolutions below the piece's cell: 49 a hexagon (64 bits hold them).
constexpr int kSampleDepth = 2;

}  // namespace

uint64_t samplesInside(std::span<const geo::Vec3> points,
                       const std::vector<geo::SphericalPolygon>& area) {
  uint64_t mask = 0;
  for (size_t k = 0; k < points.size(); ++k) {
    for (const geo::SphericalPolygon& polygon : area) {
      if (geo::polygonContains(polygon, points[k])) {
        mask |= uint64_t{1} << k;
        break;
      }
    }
  }
  return mask;
}

int AoiGrid::pieceOf(h3::Cell cell) const {
  const auto found = std::lower_bound(cells.begin(), cells.end(), cell);
  return found != cells.end() && *found == cell ? static_cast<int>(found - cells.begin()) : -1;
}

double meanCellAreaKm2(int res) {
  const double sphere_km2 = 4.0 * M_PI * h3::kEarthRadiusKm * h3::kEarthRadiusKm;
  return sphere_km2 / (2.0 + 120.0 * std::pow(7.0, res));  // 12 pentagons, the rest hexagons
}

int defaultResolution(double area_km2) {
  for (int res = 0; res < 15; ++res) {
    if (area_km2 / meanCellAreaKm2(res) >= kMinDefaultCells) return res;
  }
  return 15;
}

AoiGrid makeAoiGrid(const geo::MultiPolygon& area, std::optional<int> res) {
  AoiGrid grid;
  grid.area = geo::splitAntimeridian(area);
  const double area_km2 = geo::areaKm2(grid.area);
  if (!(area_km2 > 0.0)) throw InputError("the area of interest has no area");
  grid.res = res.value_or(defaultResolution(area_km2));
  if (grid.res < 0 || grid.res > 15) {
    throw InputError("bad --res " + std::to_string(grid.res) + ": expected 0..15");
  }
  const std::vector<geo::SphericalPolygon> spherical = geo::toSpherical(grid.area);
  const int sample_res = std::min(15, grid.res + kSampleDepth);
  std::vector<h3::Cell> children;
  grid.sample_start.push_back(0);
  for (const geo::CellOverlap& overlap : geo::cellOverlaps(grid.area, grid.res)) {
    grid.cells.push_back(overlap.cell);
    grid.piece_km2.push_back(overlap.area_km2);
    grid.area_km2 += overlap.area_km2;
    children.clear();
    h3::cellToChildren(overlap.cell, sample_res, children);
    for (const h3::Cell child : children)
      grid.samples.push_back(geo::toVec3(h3::cellToLatLng(child)));
    grid.sample_start.push_back(static_cast<uint32_t>(grid.samples.size()));
    const size_t piece = grid.cells.size() - 1;
    const uint64_t all =
        children.size() == 64 ? ~uint64_t{0} : (uint64_t{1} << children.size()) - 1;
    uint64_t inside = overlap.whole ? all : samplesInside(grid.samplesOf(piece), spherical);
    if (inside == 0) inside = all;
    grid.inside.push_back(inside);
    grid.sample_km2.push_back(overlap.area_km2 / std::popcount(inside));
  }
  return grid;
}

geo::MultiPolygon cellsArea(std::span<const h3::Cell> cells) {
  geo::MultiPolygon area;
  std::vector<h3::Cell> unique(cells.begin(), cells.end());
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  for (const h3::Cell cell : unique) {
    if (!h3::isValidCell(cell)) throw InputError("bad cell " + h3::cellToString(cell));
    if (h3::getResolution(cell) != h3::getResolution(unique.front())) {
      throw InputError("cells " + h3::cellToString(unique.front()) + " and " +
                       h3::cellToString(cell) + " differ in resolution: give cells of one");
    }
    area.polygons.push_back(geo::cellPolygon(cell));
  }
  return area;
}

std::vector<std::array<double, 4>> searchBoxes(const geo::MultiPolygon& area,
                                               double margin_degrees) {
  std::vector<std::array<double, 4>> boxes;
  for (const geo::Polygon& part : geo::splitAntimeridian(area).polygons) {
    std::array<double, 4> box = {180.0, 90.0, -180.0, -90.0};
    widenByRing(part.outer, box);
    box[0] = std::max(-180.0, box[0] - margin_degrees);
    box[1] = std::max(-90.0, box[1] - margin_degrees);
    box[2] = std::min(180.0, box[2] + margin_degrees);
    box[3] = std::min(90.0, box[3] + margin_degrees);
    boxes.push_back(box);
  }
  return boxes;
}

}  // namespace stac2h3::select
