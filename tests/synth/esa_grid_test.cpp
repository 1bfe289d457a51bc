/** @file esa_grid_test.cpp
 * @brief The generated tiling grid against ESA's (../shared/data/s2-tiling-grid): names
 * and corner positions; the embedded list of ESA's codes against the file.
 */
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <map>
#include <memory>
#include <numbers>

#include "support/shared_data.h"
#include "synth/esa_tiles.h"
#include "synth/tile_grid.h"

namespace stac2h3::synth {
namespace {

using Corners = std::vector<std::pair<double, double>>;

/** ESA's tiles with one part: name -> the 4 corners (lon, lat). */
std::map<std::string, Corners> readEsaGrid(const std::filesystem::path& path) {
  GDALAllRegister();
  const std::string vsi = "/vsigzip/" + path.string();
  std::unique_ptr<GDALDataset> dataset(GDALDataset::Open(vsi.c_str(), GDAL_OF_VECTOR));
  std::map<std::string, Corners> tiles;
  if (!dataset) return tiles;
  for (const auto& feature : *dataset->GetLayer(0)) {
    const std::string name = feature->GetFieldAsString("tile_id");
    const OGRGeometry* geometry = feature->GetGeometryRef();
    Corners corners;
    const OGRMultiPolygon* multi = geometry->toMultiPolygon();
    if (multi->getNumGeometries() == 1) {
      const OGRLinearRing* ring = multi->getGeometryRef(0)->getExteriorRing();
      for (int i = 0; i + 1 < ring->getNumPoints(); ++i) {
        corners.emplace_back(ring->getX(i), ring->getY(i));
      }
    }
    tiles[name] = corners;
  }
  return tiles;
}

double metresBetween(double lon1, double lat1, double lon2, double lat2) {
  constexpr double kDeg = std::numbers::pi / 180.0;
  const double a = std::pow(std::sin((lat2 - lat1) * kDeg / 2), 2) +
                   std::cos(lat1 * kDeg) * std::cos(lat2 * kDeg) *
                       std::pow(std::sin((lon2 - lon1) * kDeg / 2), 2);
  return 2 * 6371000.0 * std::asin(std::sqrt(a));
}

TEST(EsaGrid, NamesAndCornersMatch) {
  const auto path = test::sharedData("s2-tiling-grid/s2_tiles.geojson.gz");
  STAC2H3_REQUIRE_SHARED(path);
  const auto esa = readEsaGrid(path);
  ASSERT_EQ(esa.size(), 56686u);
  const std::vector<TileSpec> grid = sentinel2Grid();

  size_t matched = 0;
  size_t checked = 0;
  double worst = 0.0;
  size_t corners_checked = 0;
  size_t off_by_more_than_a_metre = 0;
  std::map<std::pair<int, bool>, std::unique_ptr<UtmProjection>> projections;
  for (size_t i = 0; i < grid.size(); ++i) {
    const auto found = esa.find(grid[i].name);
    if (found == esa.end()) continue;
    ++matched;
    // Corners of every 25th tile (all zones and bands), antimeridian-split ones excepted.
    if (i % 25 != 0 || found->second.size() != 4) continue;
    auto& projection = projections[{grid[i].zone, grid[i].south}];
    if (!projection) projection = std::make_unique<UtmProjection>(grid[i].zone, grid[i].south);
    std::vector<UtmXY> corners = tileOutline(grid[i], kTileSizeM);
    std::vector<double> x, y;
    for (const UtmXY& c : corners) {
      x.push_back(c.x);
      y.push_back(c.y);
    }
    projection->toLonLat(x, y);
    for (const auto& [lon, lat] : found->second) {
      double nearest = 1e12;
      for (size_t k = 0; k < x.size(); ++k) {
        nearest = std::min(nearest, metresBetween(lon, lat, x[k], y[k]));
      }
      worst = std::max(worst, nearest);
      ++corners_checked;
      off_by_more_than_a_metre += nearest > 1.0 ? 1 : 0;
    }
    ++checked;
  }
  EXPECT_GT(checked, 1500u);
  // Nearly all corners agree to the metre; a few differ by one step of the 60 m raster to
  // which tiles snap.
  EXPECT_LT(worst, 61.0) << "worst corner distance, m";
  EXPECT_LT(static_cast<double>(off_by_more_than_a_metre),
            0.05 * static_cast<double>(corners_checked));
  // Nearly every ESA tile is generated; extras (squares at zone edges that ESA leaves out)
  // stay a minority.
  EXPECT_GE(static_cast<double>(matched) / static_cast<double>(esa.size()), 0.999);
  EXPECT_LT(static_cast<double>(grid.size()) / static_cast<double>(esa.size()), 1.15);
  std::printf(
      "grid: %zu tiles, %zu of ESA's %zu (%.3f%%), worst corner %.2f m over %zu tiles, "
      "%zu of %zu corners off by > 1 m\n",
      grid.size(), matched, esa.size(),
      100.0 * static_cast<double>(matched) / static_cast<double>(esa.size()), worst, checked,
      off_by_more_than_a_metre, corners_checked);
}

TEST(EsaGrid, EmbeddedTileListIsEsasGrid) {
  const auto path = test::sharedData("s2-tiling-grid/s2_tiles.geojson.gz");
  STAC2H3_REQUIRE_SHARED(path);
  const auto esa = readEsaGrid(path);
  ASSERT_EQ(esa.size(), 56686u);
  for (const auto& [name, corners] : esa) EXPECT_TRUE(isEsaTile(name)) << name;
  EXPECT_EQ(esaTileCount(), esa.size());  // so nothing else is in the list either
  // The computed grid's extra squares (zone edges, polar bands) are what synth leaves out.
  size_t extra = 0;
  for (const TileSpec& tile : sentinel2Grid()) {
    const bool in_esa = esa.count(tile.name) == 1;
    EXPECT_EQ(isEsaTile(tile.name), in_esa) << tile.name;
    extra += in_esa ? 0 : 1;
  }
  EXPECT_GT(extra, 1000u);
}

}  // namespace
}  // namespace stac2h3::synth
