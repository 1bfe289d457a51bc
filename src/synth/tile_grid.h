/** @file tile_grid.h
 * @brief The Sentinel-2 tiling grid: 109.8 km UTM squares on the MGRS 100 km grid, one per
 * 100 km square and latitude band of each grid zone.
 *
 * Rules (checked against ESA's grid in tests/synth): a tile of zone Z and band B exists for
 * every 100 km square whose centre lies in band B and which overlaps the zone's longitudes
 * (Norway and Svalbard exceptions included). Its north-west corner is the square's, moved
 * onto the 60 m raster grid: west edge = easting rounded down to a multiple of 60 m, north
 * edge = northing + 100 km rounded up to a multiple of 60 m from the equator; it extends
 * 109.8 km east and south, so neighbours overlap by ~9.8 km.
 */
#pragma once

#include <string>
#include <vector>

#include "synth/utm_projection.h"

namespace stac2h3::synth {

/** Side of a tile: 10,980 pixels of 10 m. */
inline constexpr double kTileSizeM = 109800.0;

/** One tile of the grid, placed in its UTM zone. */
struct TileSpec {
  std::string name;  ///< e.g. "33UWP"
  int zone = 0;      ///< UTM zone 1-60
  char band = 'C';   ///< latitude band letter
  bool south = false;
  double west_x = 0.0;   ///< easting of the west edge, m
  double north_y = 0.0;  ///< northing of the north edge, m (southern false northing included)
};

/**
 * The tiles of one UTM zone, band by band from south to north.
 * @param zone  1-60.
 * @return the zone's tiles (none for an invalid zone).
 * @throws stac2h3::Error when PROJ fails.
 */
std::vector<TileSpec> zoneTiles(int zone);

/**
 * The whole grid (zones 1-60, computed in parallel).
 * @return every tile, ordered by zone, then band, then position.
 */
std::vector<TileSpec> sentinel2Grid();

/**
 * A tile's outline in its UTM zone: counter-clockwise from the south-west corner, corners
 * included, with vertices at most `max_spacing_m` apart; open (first vertex not repeated).
 */
std::vector<UtmXY> tileOutline(const TileSpec& tile, double max_spacing_m);

}  // namespace stac2h3::synth
