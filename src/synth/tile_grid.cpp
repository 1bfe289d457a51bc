/** @file tile_grid.cpp
 * @brief Enumerating the Sentinel-2 tiling grid with PROJ (see tile_grid.h).
 */
#include "synth/tile_grid.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "synth/mgrs.h"

namespace stac2h3::synth {
namespace {

constexpr double kSquareM = 100000.0;
/** Tiles snap to the 60 m pixels of the coarsest Sentinel-2 bands. */
constexpr double kRasterStepM = 60.0;
constexpr double kSouthFalseNorthing = 10'000'000.0;
/** The grid reaches past 80°S into band C. */
constexpr double kGridSouthLimit = -84.0;
/** Points per square side when measuring its longitude extent. */
constexpr int kEdgeSamples = 10;

/** Moves a longitude by whole turns so it lies within 180° of `reference`. */
double unwrapNear(double lon, double reference) {
  while (lon - reference > 180.0) lon -= 360.0;
  while (lon - reference < -180.0) lon += 360.0;
  return lon;
}

/** UTM bounding box (min x, min y, max x, max y) of a lon/lat box, from its outline. */
std::array<double, 4> utmBounds(const UtmProjection& projection, double west, double south,
                                double east, double north) {
  std::vector<double> x, y;
  constexpr int kSteps = 32;
  for (int k = 0; k <= kSteps; ++k) {
    const double f = static_cast<double>(k) / kSteps;
    const double lon = west + (east - west) * f;
    const double lat = south + (north - south) * f;
    x.insert(x.end(), {lon, lon, west, east});
    y.insert(y.end(), {south, north, lat, lat});
  }
  projection.toUtm(x, y);
  return {*std::min_element(x.begin(), x.end()), *std::min_element(y.begin(), y.end()),
          *std::max_element(x.begin(), x.end()), *std::max_element(y.begin(), y.end())};
}

/** Whether the square with south-west corner (x0, y0) belongs to this grid zone: its centre
 * in the band, its outline overlapping the zone's longitudes. */
bool squareInGridZone(const UtmProjection& projection, double x0, double y0, char band, double west,
                      double east) {
  std::vector<double> x{x0 + kSquareM / 2}, y{y0 + kSquareM / 2};
  projection.toLonLat(x, y);
  if (y[0] < kGridSouthLimit || latitudeBand(y[0]) != band) return false;
  const double middle = (west + east) / 2;
  // A centre inside the zone's longitudes settles it; only squares beside the zone need
  // their outline (most squares of the search box fail on the centre alone).
  const double centre_lon = unwrapNear(x[0], middle);
  if (centre_lon > west && centre_lon < east) return true;
  x.clear();
  y.clear();
  for (int k = 0; k < kEdgeSamples; ++k) {
    const double step = kSquareM * k / kEdgeSamples;
    x.insert(x.end(), {x0 + step, x0 + kSquareM, x0 + kSquareM - step, x0});
    y.insert(y.end(), {y0, y0 + step, y0 + kSquareM, y0 + kSquareM - step});
  }
  projection.toLonLat(x, y);
  double min_lon = std::numeric_limits<double>::max();
  double max_lon = std::numeric_limits<double>::lowest();
  for (const double lon : x) {
    min_lon = std::min(min_lon, unwrapNear(lon, middle));
    max_lon = std::max(max_lon, unwrapNear(lon, middle));
  }
  return min_lon < east && max_lon > west;
}

}  // namespace

std::vector<TileSpec> zoneTiles(int zone) {
  std::vector<TileSpec> tiles;
  if (zone < 1 || zone > 60) return tiles;
  const UtmProjection north_projection(zone, false);
  const UtmProjection south_projection(zone, true);
  for (const char band : kLatitudeBands) {
    const auto longitudes = zoneLongitudes(zone, band);
    if (!longitudes) continue;
    auto [south_lat, north_lat] = bandLatitudes(band);
    if (band == 'C') south_lat = kGridSouthLimit;
    const bool south = band < 'N';
    const UtmProjection& projection = south ? south_projection : north_projection;
    const auto [west, east] = *longitudes;
    const auto bounds = utmBounds(projection, west, south_lat, east, north_lat);
    const double first_x = std::max(kSquareM, std::floor(bounds[0] / kSquareM) * kSquareM);
    const double last_x = std::min(8 * kSquareM, bounds[2]);
    for (double x0 = first_x; x0 <= last_x; x0 += kSquareM) {
      for (double y0 = std::floor(bounds[1] / kSquareM) * kSquareM; y0 < bounds[3];
           y0 += kSquareM) {
        if (!squareInGridZone(projection, x0, y0, band, west, east)) continue;
        TileSpec tile;
        tile.name = tileName(zone, band, squareLetters(zone, x0, y0));
        tile.zone = zone;
        tile.band = band;
        tile.south = south;
        tile.west_x = std::floor(x0 / kRasterStepM) * kRasterStepM;
        // The raster is anchored at the equator, also under the southern false northing.
        const double false_northing = south ? kSouthFalseNorthing : 0.0;
        tile.north_y = std::ceil((y0 + kSquareM - false_northing) / kRasterStepM) * kRasterStepM +
                       false_northing;
        tiles.push_back(std::move(tile));
      }
    }
  }
  return tiles;
}

std::vector<TileSpec> sentinel2Grid() {
  std::vector<std::vector<TileSpec>> by_zone(60);
  tbb::parallel_for(0, 60, [&](int index) { by_zone[index] = zoneTiles(index + 1); });
  std::vector<TileSpec> tiles;
  for (auto& zone : by_zone) {
    tiles.insert(tiles.end(), std::make_move_iterator(zone.begin()),
                 std::make_move_iterator(zone.end()));
  }
  return tiles;
}

std::vector<UtmXY> tileOutline(const TileSpec& tile, double max_spacing_m) {
  const int steps = std::max(1, static_cast<int>(std::ceil(kTileSizeM / max_spacing_m)));
  const double x0 = tile.west_x;
  const double y0 = tile.north_y - kTileSizeM;
  std::vector<UtmXY> ring;
  ring.reserve(static_cast<size_t>(4 * steps));
  for (int side = 0; side < 4; ++side) {
    for (int k = 0; k < steps; ++k) {
      const double f = kTileSizeM * k / steps;
      switch (side) {
        case 0:
          ring.push_back({x0 + f, y0});
          break;
        case 1:
          ring.push_back({x0 + kTileSizeM, y0 + f});
          break;
        case 2:
          ring.push_back({x0 + kTileSizeM - f, y0 + kTileSizeM});
          break;
        default:
          ring.push_back({x0, y0 + kTileSizeM - f});
          break;
      }
    }
  }
  return ring;
}

}  // namespace stac2h3::synth
