/** @file tile_catalog.h
 * @brief The tiles synth acquires: the Sentinel-2 grid restricted to ESA's tiles on land and
 * coasts (and to an AOI), each with its geometry computed once: UTM outline, lon/lat footprint,
 * land share.
 */
#pragma once

#include <vector>

#include "geo/geometry.h"
#include "synth/tile_grid.h"
#include "synth/utm_projection.h"

namespace stac2h3::synth {

/** Spacing of footprint vertices along the tile edges: a third of a tile edge keeps the
 * geodesic edges between them within 1.5 m of the straight UTM edge (12 m for corners alone),
 * far below a 60 m pixel, with 12 vertices per full tile, as many as real footprints carry. */
inline constexpr double kFootprintSpacingM = kTileSizeM / 3;

/** A tile kept for synthesis. */
struct CatalogTile {
  TileSpec spec;
  /** Outline in UTM, counter-clockwise, vertices kFootprintSpacingM apart at most. */
  std::vector<UtmXY> outline;
  /** The same vertices in lon/lat degrees with continuous longitudes (they may pass ±180
   * for tiles on the antimeridian). */
  geo::Ring outline_lonlat;
  /** The footprint items carry: footprintOf(outline_lonlat). */
  geo::MultiPolygon footprint;
  /** The tile's centre in lon/lat degrees. */
  geo::LonLat centre;
  /** Share (0-1) of the tile on land, from a grid of sample points. */
  double land_fraction = 0.0;
};

/**
 * The footprint items carry for a ring of lon/lat vertices: longitudes brought into
 * [-180, 180], coordinates rounded to 1e-8° (~1 mm, so their shortest decimal form is short
 * and reads back to the same double), vertices within 1 cm of the geodesic between their
 * neighbours dropped, split at ±180 where the ring crosses it.
 * @param ring  lon/lat degrees, counter-clockwise; longitudes may run past ±180.
 * @throws stac2h3::Error when the split fails (geo::splitAntimeridian).
 */
geo::MultiPolygon footprintOf(geo::Ring ring);

/**
 * The grid tiles of ESA's grid (esa_tiles.h) that touch `land` (and `aoi`, when given), in
 * grid order.
 * @param land  land polygons (lon/lat), e.g. from readLandPolygons; valid ones are
 *              cheaper (invalid ones are repaired once per thread).
 * @param aoi   an area of interest, or nullptr for the whole globe.
 * @return the kept tiles with their geometry.
 * @throws stac2h3::Error when PROJ or GEOS fail.
 */
std::vector<CatalogTile> buildCatalog(const geo::MultiPolygon& land, const geo::MultiPolygon* aoi);

}  // namespace stac2h3::synth
