/** @file tile_catalog.cpp
 * @brief Selecting and shaping the tiles over land (see tile_catalog.h).
 */
#include "synth/tile_catalog.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <optional>

#include "geo/antimeridian.h"
#include "geo/sphere_coords.h"
#include "geo/vec3.h"
#include "synth/esa_tiles.h"
#include "synth/region.h"

namespace stac2h3::synth {
namespace {

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

/** Vertices closer than this to the geodesic between their neighbours add nothing: 1 cm on
 * the Earth, in radians (ten times the rounding of a coordinate to 1e-8°). */
constexpr double kStraightToleranceRad = 0.01 / 6371000.0;

/** Whether every vertex of `ring` strictly between indices `from` and `to` (cyclic) lies
 * within kStraightToleranceRad of the great circle through those two. */
bool straightBetween(const std::vector<geo::Vec3>& ring, size_t from, size_t to) {
  const geo::Vec3 normal = geo::normalized(geo::greatCircleNormal(ring[from], ring[to]));
  for (size_t i = (from + 1) % ring.size(); i != to; i = (i + 1) % ring.size()) {
    if (std::abs(geo::dot(normal, ring[i])) > kStraightToleranceRad) return false;
  }
  return true;
}

/** Drops the vertices of runs that are straight on the sphere. An edge densified along a
 * line that is already a geodesic (a tile edge beside a zone's central meridian, which is a
 * meridian) would otherwise keep vertices that, rounded, zigzag by a millimetre about one
 * great circle: nearly collinear edges that a self-intersection test cannot tell apart. */
geo::Ring withoutStraightVertices(const geo::Ring& ring) {
  const size_t n = ring.size();
  if (n < 4) return ring;
  std::vector<geo::Vec3> points(n);
  for (size_t i = 0; i < n; ++i) points[i] = geo::toVec3(ring[i]);
  geo::Ring kept{ring[0]};
  size_t anchor = 0;
  for (size_t i = 1; i < n; ++i) {
    const size_t next = (i + 1) % n;
    if (next != anchor && straightBetween(points, anchor, next)) continue;
    kept.push_back(ring[i]);
    anchor = i;
  }
  return kept;
}

/** The latitudes a ring's vertices span, widened by the rounding of footprintOf (areas are
 * tested in the lon/lat plane, where a polygon spans exactly its vertices' latitudes). */
struct LatitudeRange {
  double south = std::numeric_limits<double>::max();
  double north = std::numeric_limits<double>::lowest();
};

LatitudeRange latitudeRange(const geo::Ring& ring) {
  constexpr double kRoundingDeg = 1e-6;
  LatitudeRange range;
  for (const geo::LonLat& v : ring) {
    range.south = std::min(range.south, v.lat - kRoundingDeg);
    range.north = std::max(range.north, v.lat + kRoundingDeg);
  }
  return range;
}

LatitudeRange merged(const LatitudeRange& a, const LatitudeRange& b) {
  return {std::min(a.south, b.south), std::max(a.north, b.north)};
}

bool overlaps(const LatitudeRange& a, const LatitudeRange& b) {
  return a.south <= b.north && b.south <= a.north;
}

}  // namespace

geo::MultiPolygon footprintOf(geo::Ring ring) {
  // Dividing by an exact power of ten gives the double nearest to the decimal.
  constexpr double kScale = 1e8;
  for (geo::LonLat& v : ring) {
    v.lon = std::round(std::remainder(v.lon, 360.0) * kScale) / kScale;
    v.lat = std::round(v.lat * kScale) / kScale;
  }
  geo::Polygon polygon{withoutStraightVertices(ring), {}};
  if (geo::ringCrossesAntimeridian(polygon.outer)) return geo::splitAntimeridian(polygon);
  return geo::MultiPolygon{{std::move(polygon)}};
}

std::vector<CatalogTile> buildCatalog(const geo::MultiPolygon& land, const geo::MultiPolygon* aoi) {
  const std::vector<TileSpec> grid = sentinel2Grid();
  // A cheap first test for small areas: most tiles lie in other latitudes.
  LatitudeRange aoi_latitudes;
  if (aoi != nullptr) {
    for (const geo::Polygon& polygon : aoi->polygons) {
      aoi_latitudes = merged(aoi_latitudes, latitudeRange(polygon.outer));
    }
  }
  tbb::enumerable_thread_specific<Workspace> workspaces([&] {
    Workspace workspace{{}, Region(land), std::nullopt};
    if (aoi != nullptr) workspace.aoi.emplace(*aoi);
    return workspace;
  });
  std::vector<std::optional<CatalogTile>> kept(grid.size());
  tbb::parallel_for(size_t{0}, grid.size(), [&](size_t index) {
    Workspace& workspace = workspaces.local();
    const TileSpec& spec = grid[index];
    if (!isEsaTile(spec.name)) return;
    const UtmProjection& projection = workspace.projection(spec);
    std::vector<UtmXY> outline = tileOutline(spec, kFootprintSpacingM);
    geo::Ring outline_lonlat = toLonLat(projection, outline);
    if (aoi != nullptr && !overlaps(latitudeRange(outline_lonlat), aoi_latitudes)) return;
    geo::MultiPolygon footprint = footprintOf(outline_lonlat);
    if (workspace.aoi && !workspace.aoi->intersects(footprint)) return;
    if (!workspace.land.intersects(footprint)) return;
    CatalogTile tile;
    tile.spec = spec;
    tile.outline = std::move(outline);
    tile.outline_lonlat = std::move(outline_lonlat);
    tile.footprint = std::move(footprint);
    const geo::Ring centre =
        toLonLat(projection, {{spec.west_x + kTileSizeM / 2, spec.north_y - kTileSizeM / 2}});
    tile.centre = centre.front();
    tile.land_fraction = landFraction(spec, projection, workspace.land);
    kept[index] = std::move(tile);
  });
  std::vector<CatalogTile> tiles;
  for (auto& tile : kept) {
    if (tile) tiles.push_back(std::move(*tile));
  }
  return tiles;
}

}  // namespace stac2h3::synth
