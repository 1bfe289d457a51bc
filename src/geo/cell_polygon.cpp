/** @file cell_polygon.cpp
 * @brief H3 cell boundaries as lon/lat polygons (see cell_polygon.h).
 */
#include "geo/cell_polygon.h"

#include "geo/sphere_coords.h"

namespace stac2h3::geo {

Polygon cellPolygon(h3::Cell cell) {
  const h3::CellBoundary boundary = h3::cellToBoundary(cell);
  Polygon polygon;
  polygon.outer.reserve(static_cast<size_t>(boundary.count));
  for (int i = 0; i < boundary.count; ++i) polygon.outer.push_back(toLonLat(boundary.verts[i]));
  return polygon;
}

}  // namespace stac2h3::geo
