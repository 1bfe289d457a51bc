/** @file page_geometry.h
 * @brief The interactive page's geometry, computed here rather than in the browser: cell
 * polygons and coastlines as flat lon/lat arrays that deck.gl draws without tessellating.
 */
#pragma once

#include <cstdint>
#include <vector>

namespace stac2h3::plot {

/** Polygons or polylines, back to back. */
struct FlatLonLat {
  std::vector<float> lonlat;     ///< lon0, lat0, lon1, lat1, ... in degrees
  std::vector<uint32_t> counts;  ///< points of each part, in order
  /** Height (m) above the sphere that lifts every part's straight chords (the globe draws
   * triangles and segments as chords under the surface) clear of the surface. */
  double lift_m = 0.0;
};

/**
 * The boundaries of `cells` (from the H3 core), one polygon each, vertices in H3's
 * counter-clockwise order; a fan from each polygon's first vertex covers the cell.
 * @param cells  valid H3 cell ids.
 * @throws Error from the H3 core for an invalid id.
 */
FlatLonLat cellPolygons(const std::vector<uint64_t>& cells);

/** The embedded Natural Earth 1:110m coastlines, one polyline per TopoJSON arc. */
FlatLonLat coastlinePolylines();

}  // namespace stac2h3::plot
