/** @file tile_catalog.cpp
 * @brief Selecting and shaping the tiles over land (see tile_catalog.h).
 */
#include "synth/tile_catalog.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <map>
#include <memory>
#include <optional>

#include "geo/antimeridian.h"
#include "synth/region.h"

namespace stac2h3::synth {
namespace {

/** A coarse outline is enough to decide land or sea; the dense one is built for kept tiles. */
constexpr double kCoarseSpacingM = kTileSizeM / 3;
/** Sample points per side for the land share of coastal tiles. */
constexpr int kLandSamples = 6;

/** Per-thread state: PROJ and GEOS objects are not shared between threads. */
struct Workspace {
  std::map<std::pair<int, bool>, std::unique_ptr<UtmProjection>> projections;
  Region land;
  std::optional<Region> aoi;

  const UtmProjection& projection(const TileSpec& tile) {
    auto& slot = projections[{tile.zone, tile.south}];
    if (!slot) slot = std::make_unique<UtmProjection>(tile.zone, tile.south);
    return *slot;
  }
};

/** Converts UTM points to lon/lat, longitudes unwrapped to be continuous along the ring. */
geo::Ring toLonLat(const UtmProjection& projection, const std::vector<UtmXY>& points) {
  std::vector<double> x(points.size()), y(points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    x[i] = points[i].x;
    y[i] = points[i].y;
  }
  projection.toLonLat(x, y);
  geo::Ring ring(points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    double lon = x[i];
    if (i > 0) lon += 360.0 * std::round((ring[i - 1].lon - lon) / 360.0);
    ring[i] = {lon, y[i]};
  }
  return ring;
}

double landFraction(const TileSpec& tile, const UtmProjection& projection, const Region& land) {
  std::vector<double> x, y;
  const double step = kTileSizeM / kLandSamples;
  for (int i = 0; i < kLandSamples; ++i) {
    for (int j = 0; j < kLandSamples; ++j) {
      x.push_back(tile.west_x + (i + 0.5) * step);
      y.push_back(tile.north_y - (j + 0.5) * step);
    }
  }
  projection.toLonLat(x, y);
  int inside = 0;
  for (size_t k = 0; k < x.size(); ++k) inside += land.contains(geo::LonLat{x[k], y[k]}) ? 1 : 0;
  return static_cast<double>(inside) / static_cast<double>(x.size());
}

}  // namespace

geo::MultiPolygon footprintOf(geo::Ring ring) {
  // Dividing by an exact power of ten gives the double nearest to the decimal.
  constexpr double kScale = 1e8;
  for (geo::LonLat& v : ring) {
    v.lon = std::round(std::remainder(v.lon, 360.0) * kScale) / kScale;
    v.lat = std::round(v.lat * kScale) / kScale;
  }
  geo::Polygon polygon{std::move(ring), {}};
  if (geo::ringCrossesAntimeridian(polygon.outer)) return geo::splitAntimeridian(polygon);
  return geo::MultiPolygon{{std::move(polygon)}};
}

std::vector<CatalogTile> buildCatalog(const geo::MultiPolygon& land, const geo::MultiPolygon* aoi) {
  const std::vector<TileSpec> grid = sentinel2Grid();
  tbb::enumerable_thread_specific<Workspace> workspaces([&] {
    Workspace workspace{{}, Region(land), std::nullopt};
    if (aoi != nullptr) workspace.aoi.emplace(*aoi);
    return workspace;
  });
  std::vector<std::optional<CatalogTile>> kept(grid.size());
  tbb::parallel_for(size_t{0}, grid.size(), [&](size_t index) {
    Workspace& workspace = workspaces.local();
    const TileSpec& spec = grid[index];
    const UtmProjection& projection = workspace.projection(spec);
    const geo::MultiPolygon coarse =
        footprintOf(toLonLat(projection, tileOutline(spec, kCoarseSpacingM)));
    if (workspace.aoi && !workspace.aoi->intersects(coarse)) return;
    if (!workspace.land.intersects(coarse)) return;
    CatalogTile tile;
    tile.spec = spec;
    tile.outline = tileOutline(spec, kFootprintSpacingM);
    tile.outline_lonlat = toLonLat(projection, tile.outline);
    tile.footprint = footprintOf(tile.outline_lonlat);
    const geo::Ring centre =
        toLonLat(projection, {{spec.west_x + kTileSizeM / 2, spec.north_y - kTileSizeM / 2}});
    tile.centre = centre.front();
    tile.land_fraction =
        workspace.land.contains(coarse) ? 1.0 : landFraction(spec, projection, workspace.land);
    kept[index] = std::move(tile);
  });
  std::vector<CatalogTile> tiles;
  for (auto& tile : kept) {
    if (tile) tiles.push_back(std::move(*tile));
  }
  return tiles;
}

}  // namespace stac2h3::synth
