/** @file cover_brute_force_test.cpp
 * @brief polygonCover against an independent brute force on Sentinel-2-sized squares (110 km)
 * at res 2-7: every cell of a generous disk, intersected with the footprint by GEOS in a
 * gnomonic projection (PROJ) centred on the footprint, where geodesics are straight lines.
 */
#include <geos_c.h>
#include <gtest/gtest.h>
#include <proj.h>

#include <cmath>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>

#include "geo/cover.h"
#include "geo/sphere_coords.h"
#include "test_footprints.h"

namespace stac2h3::geo {
namespace {

using test::kRadToDeg;

/** Average H3 edge length in km at resolutions 0-7 (H3's published table). */
constexpr double kEdgeKm[] = {1107.7, 418.7, 158.2, 59.8, 22.6, 8.54, 3.23, 1.22};

/** Cells of resolution res whose intersection with the footprint has a positive area in the
 * gnomonic plane (more than 1e-9 of the cell's), among all cells of a disk around `center`
 * wide enough to hold the footprint's cover. */
class BruteForce {
 public:
  explicit BruteForce(LonLat center) {
    geos_ = GEOS_init_r();
    proj_ctx_ = proj_context_create();
    std::ostringstream def;
    def.precision(17);
    def << "+proj=gnom +R=6371007.180918475 +lat_0=" << center.lat << " +lon_0=" << center.lon;
    gnomonic_ = proj_create(proj_ctx_, def.str().c_str());
    center_ = center;
  }
  ~BruteForce() {
    proj_destroy(gnomonic_);
    proj_context_destroy(proj_ctx_);
    GEOS_finish_r(geos_);
  }

  std::set<h3::Cell> cover(const MultiPolygon& footprint, double radius_km, int res) {
    std::vector<GEOSGeometry*> parts;
    for (const Polygon& polygon : footprint.polygons) parts.push_back(project(polygon.outer));
    std::vector<const GEOSPreparedGeometry*> prepared;
    for (GEOSGeometry* part : parts) prepared.push_back(GEOSPrepare_r(geos_, part));

    h3::Cell origin = 0;
    h3::latLngToCell({center_.lat / kRadToDeg, center_.lon / kRadToDeg}, res, origin);
    // Centre spacing is edge·√3 on average and above 0.7 of that anywhere; the check below
    // that no hit lies on the disk's rim proves the disk wide enough.
    const int k =
        static_cast<int>(std::ceil((radius_km + 2 * kEdgeKm[res]) / (1.2 * kEdgeKm[res]))) + 1;
    std::set<h3::Cell> hits;
    const std::vector<h3::Cell> disk = h3::gridDisk(origin, k);
    const std::vector<h3::Cell> inner_cells = h3::gridDisk(origin, k - 1);
    const std::unordered_set<h3::Cell> inner(inner_cells.begin(), inner_cells.end());
    const Vec3 centre = toVec3(center_);
    const double reach = (radius_km + 2 * kEdgeKm[res]) / h3::kEarthRadiusKm;
    for (const h3::Cell cell : disk) {
      // Cells whose centre lies beyond the footprint's radius plus two edges cannot meet it.
      if (angleBetween(centre, toVec3(h3::cellToLatLng(cell))) > reach) continue;
      GEOSGeometry* hexagon = project(test::cellRing(cell));
      double cell_area = 0.0;
      GEOSArea_r(geos_, hexagon, &cell_area);
      double overlap = 0.0;
      for (size_t p = 0; p < parts.size(); ++p) {
        if (!GEOSPreparedIntersects_r(geos_, prepared[p], hexagon)) continue;
        GEOSGeometry* piece = GEOSIntersection_r(geos_, parts[p], hexagon);
        double area = 0.0;
        GEOSArea_r(geos_, piece, &area);
        overlap += area;
        GEOSGeom_destroy_r(geos_, piece);
      }
      GEOSGeom_destroy_r(geos_, hexagon);
      if (overlap > 1e-9 * cell_area) hits.insert(cell);
    }
    for (const h3::Cell hit : hits) {
      EXPECT_TRUE(inner.contains(hit)) << "disk too small: a hit on its rim";
    }
    for (const GEOSPreparedGeometry* p : prepared) GEOSPreparedGeom_destroy_r(geos_, p);
    for (GEOSGeometry* part : parts) GEOSGeom_destroy_r(geos_, part);
    return hits;
  }

 private:
  GEOSGeometry* project(const Ring& ring) {
    GEOSCoordSequence* seq =
        GEOSCoordSeq_create_r(geos_, static_cast<unsigned>(ring.size() + 1), 2);
    for (size_t i = 0; i <= ring.size(); ++i) {
      const LonLat& p = ring[i % ring.size()];
      const PJ_COORD xy =
          proj_trans(gnomonic_, PJ_FWD, proj_coord(proj_torad(p.lon), proj_torad(p.lat), 0, 0));
      GEOSCoordSeq_setXY_r(geos_, seq, static_cast<unsigned>(i), xy.xy.x, xy.xy.y);
    }
    GEOSGeometry* polygon =
        GEOSGeom_createPolygon_r(geos_, GEOSGeom_createLinearRing_r(geos_, seq), nullptr, 0);
    // Our rings may run either way; GEOS areas are unsigned, intersections need validity only.
    return polygon;
  }

  GEOSContextHandle_t geos_;
  PJ_CONTEXT* proj_ctx_;
  PJ* gnomonic_;
  LonLat center_;
};

void expectSameCover(const MultiPolygon& footprint, LonLat center, int res,
                     const std::string& what) {
  BruteForce brute(center);
  const std::set<h3::Cell> expected = brute.cover(footprint, 80.0, res);
  const std::vector<h3::Cell> cover = polygonCover(footprint, res);
  const std::set<h3::Cell> got(cover.begin(), cover.end());
  EXPECT_EQ(got.size(), cover.size());
  EXPECT_FALSE(expected.empty());
  EXPECT_EQ(got, expected) << what << " at res " << res << " (lon " << center.lon << ", lat "
                           << center.lat << ")";
}

TEST(PolygonCoverBruteForce, SentinelTwoSizedSquares) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> lon(-180, 180), sin_lat(-0.95, 0.95), angle(0, 90);
  for (int res = 2; res <= 7; ++res) {
    // Res 7 tests 2,500 cells per square: one random square there keeps the suite quick.
    for (int i = 0; i < (res < 7 ? 3 : 1); ++i) {
      const LonLat c{lon(rng), std::asin(sin_lat(rng)) * kRadToDeg};
      expectSameCover(test::squareFootprint(c.lon, c.lat, 55, angle(rng)), c, res, "random");
    }
    // Unsplit across the antimeridian, holding each pole, around a pentagon.
    const LonLat seam{179.9, 40 - 10.0 * res};
    expectSameCover(test::squareFootprint(seam.lon, seam.lat, 55, angle(rng)), seam, res, "seam");
    expectSameCover(test::squareFootprint(30, 89.9, 55, angle(rng)), {30, 89.9}, res, "north");
    expectSameCover(test::squareFootprint(-120, -89.7, 55, angle(rng)), {-120, -89.7}, res,
                    "south");
    const h3::LatLng p = h3::cellToLatLng(h3::pentagons(res)[res]);
    const LonLat pent{p.lng * kRadToDeg, p.lat * kRadToDeg};
    expectSameCover(test::squareFootprint(pent.lon, pent.lat, 55, angle(rng)), pent, res,
                    "pentagon");
  }
}

TEST(PolygonCoverBruteForce, SplitAtTheAntimeridian) {
  const MultiPolygon split{
      {test::lonLatBox(179.5, 50, 180, 50.9), test::lonLatBox(-180, 50, -179.5, 50.9)}};
  for (int res = 2; res <= 7; ++res) expectSameCover(split, {180, 50.45}, res, "split");
}

}  // namespace
}  // namespace stac2h3::geo
