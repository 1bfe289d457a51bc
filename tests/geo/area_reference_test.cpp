/** @file area_reference_test.cpp
 * @brief Footprint areas, exact cell areas and every cell's overlap area against an
 * independent reference: shapely intersections in a pyproj gnomonic projection, measured by
 * pyproj's geodesic area on the authalic sphere (overlap_reference.py, /usr/bin/python3).
 */
#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "geo/cell_area.h"
#include "geo/cover.h"
#include "support/shared_data.h"
#include "test_footprints.h"

namespace stac2h3::geo {
namespace {

using test::kRadToDeg;

struct Case {
  MultiPolygon footprint;
  LonLat center;
  int res;
};

void writeRing(std::ostream& out, const Ring& ring) {
  out << '[';
  for (size_t i = 0; i < ring.size(); ++i) {
    out << (i ? "," : "") << '[' << ring[i].lon << ',' << ring[i].lat << ']';
  }
  out << ']';
}

/** Runs the reference on every case; returns one parsed output line per case. */
std::vector<std::string> runReference(const std::vector<Case>& cases,
                                      const std::vector<std::vector<CellOverlap>>& overlaps) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("stac2h3_geo_ref_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream in(dir / "in.ndjson");
    in.precision(17);
    for (size_t c = 0; c < cases.size(); ++c) {
      in << "{\"center\":[" << cases[c].center.lon << ',' << cases[c].center.lat
         << "],\"footprint\":[";
      const auto& polygons = cases[c].footprint.polygons;
      for (size_t p = 0; p < polygons.size(); ++p) {
        in << (p ? "," : "") << '[';
        writeRing(in, polygons[p].outer);
        for (const Ring& hole : polygons[p].holes) {
          in << ',';
          writeRing(in, hole);
        }
        in << ']';
      }
      in << "],\"cells\":[";
      for (size_t i = 0; i < overlaps[c].size(); ++i) {
        in << (i ? "," : "");
        writeRing(in, test::cellRing(overlaps[c][i].cell));
      }
      in << "]}\n";
    }
  }
  const std::string command = "/usr/bin/python3 " +
                              test::sourceFile("tests/geo/overlap_reference.py").string() + " < " +
                              (dir / "in.ndjson").string() + " > " + (dir / "out.ndjson").string();
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream out(dir / "out.ndjson");
  std::vector<std::string> lines;
  for (std::string line; std::getline(out, line);) lines.push_back(line);
  std::filesystem::remove_all(dir);
  return lines;
}

TEST(AreaReference, FootprintsAndEveryOverlapMatchPyprojAndShapely) {
  std::vector<Case> cases;
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> lon(-180, 180), sin_lat(-0.9, 0.9), angle(0, 90);
  for (const int res : {2, 3, 5, 6}) {
    const LonLat c{lon(rng), std::asin(sin_lat(rng)) * kRadToDeg};
    cases.push_back({test::squareFootprint(c.lon, c.lat, 55, angle(rng)), c, res});
  }
  cases.push_back({test::squareFootprint(-179.95, -40, 55, 30), {-179.95, -40}, 4});
  cases.push_back({test::squareFootprint(70, 89.95, 55, 10), {70, 89.95}, 3});
  cases.push_back({test::squareFootprint(0, -90, 55, 10), {0, -90}, 5});
  MultiPolygon holed = test::squareFootprint(-3.7, 40.4, 55, 5);
  holed.polygons[0].holes.push_back(test::squareFootprint(-3.7, 40.4, 15, 25).polygons[0].outer);
  cases.push_back({holed, {-3.7, 40.4}, 5});
  cases.push_back({MultiPolygon{{test::lonLatBox(179.3, 60, 180, 60.8),
                                 test::lonLatBox(-180, 60, -179.3, 60.8)}},
                   {180, 60.4},
                   4});

  std::vector<std::vector<CellOverlap>> overlaps;
  for (const Case& c : cases) overlaps.push_back(cellOverlaps(c.footprint, c.res));
  const std::vector<std::string> lines = runReference(cases, overlaps);
  ASSERT_EQ(lines.size(), cases.size());

  simdjson::dom::parser parser;
  for (size_t c = 0; c < cases.size(); ++c) {
    const simdjson::dom::element result = parser.parse(lines[c]);
    const double footprint_km2 = result["footprint_km2"].get_double();
    EXPECT_NEAR(areaKm2(cases[c].footprint) / footprint_km2, 1.0, 1e-9) << "case " << c;
    const simdjson::dom::array cells = result["cells_km2"].get_array();
    ASSERT_EQ(cells.size(), overlaps[c].size());
    size_t i = 0;
    for (const simdjson::dom::element cell : cells) {
      const CellOverlap& o = overlaps[c][i++];
      EXPECT_NEAR(o.area_km2, cell.get_double().value(), 1e-9 * exactCellAreaKm2(o.cell))
          << "case " << c << " cell " << h3::cellToString(o.cell);
    }
  }
}

TEST(AreaReference, ExactCellAreasMatchPyproj) {
  // Footprints equal to cells of every resolution: the reference measures the cell.
  std::vector<Case> cases;
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> lon(-180, 180), sin_lat(-1, 1);
  for (int res = 0; res <= 15; res += 3) {
    const LonLat c{lon(rng), std::asin(sin_lat(rng)) * kRadToDeg};
    h3::Cell cell = 0;
    h3::latLngToCell({c.lat / kRadToDeg, c.lon / kRadToDeg}, res, cell);
    const h3::LatLng centre = h3::cellToLatLng(cell);
    cases.push_back({MultiPolygon{{Polygon{test::cellRing(cell), {}}}},
                     {centre.lng * kRadToDeg, centre.lat * kRadToDeg},
                     res});
  }
  std::vector<std::vector<CellOverlap>> no_cells(cases.size());
  const std::vector<std::string> lines = runReference(cases, no_cells);
  ASSERT_EQ(lines.size(), cases.size());
  simdjson::dom::parser parser;
  for (size_t c = 0; c < cases.size(); ++c) {
    const double reference = parser.parse(lines[c])["footprint_km2"].get_double();
    h3::Cell cell = 0;
    const LonLat& centre = cases[c].center;
    h3::latLngToCell({centre.lat / kRadToDeg, centre.lon / kRadToDeg}, cases[c].res, cell);
    EXPECT_NEAR(exactCellAreaKm2(cell) / reference, 1.0, 1e-9) << "res " << cases[c].res;
  }
}

}  // namespace
}  // namespace stac2h3::geo
