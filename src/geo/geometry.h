/** @file geometry.h
 * @brief Footprint geometry as stored and exchanged: lon/lat degrees (GeoJSON axis order),
 * polygons with holes, multipolygons.
 *
 * Rings are open (the closing vertex of GeoJSON is dropped on read and added on write).
 * Edges are read as geodesics (great-circle arcs) on the sphere by the spherical code in
 * src/geo; footprints are densified, so this differs from a planar reading by little.
 */
#pragma once

#include <vector>

namespace stac2h3::geo {

/** A vertex in decimal degrees; lon in [-180, 180], lat in [-90, 90]. */
struct LonLat {
  double lon = 0.0;
  double lat = 0.0;
  friend bool operator==(const LonLat&, const LonLat&) = default;
};

/** An open ring: the last vertex is not a repeat of the first. */
using Ring = std::vector<LonLat>;

struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
  friend bool operator==(const Polygon&, const Polygon&) = default;
};

struct MultiPolygon {
  std::vector<Polygon> polygons;
  bool empty() const { return polygons.empty(); }
  friend bool operator==(const MultiPolygon&, const MultiPolygon&) = default;
};

}  // namespace stac2h3::geo
