/** @file cell_polygon.h
 * @brief An H3 cell as a lon/lat polygon (the vertices of h3::cellToBoundary), for GIS
 * outputs and for areas given as cells.
 */
#pragma once

#include "geo/geometry.h"
#include "h3/h3.h"

namespace stac2h3::geo {

/**
 * The cell's boundary as one ring in degrees, counter-clockwise, not split at ±180° (the
 * spherical code reads its edges as geodesics; splitAntimeridian makes it drawable in GIS).
 * @param cell  a valid H3 cell.
 */
Polygon cellPolygon(h3::Cell cell);

}  // namespace stac2h3::geo
