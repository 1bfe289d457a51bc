/** @file geojson_dom.h
 * @brief Reading a GeoJSON Polygon/MultiPolygon from an already parsed simdjson DOM element;
 * shared by the item parser (src/stac) and the AOI reader (geojson.h). Internal header.
 */
#pragma once

#include <simdjson.h>

#include <string>

#include "geo/geometry.h"

namespace stac2h3::geo {

/**
 * Appends the polygons of a GeoJSON geometry object to `out` (rings opened: a closing
 * vertex equal to the first is dropped; consecutive repeated vertices are dropped too).
 * @param geometry  a JSON object with `type` Polygon or MultiPolygon (GeometryCollection
 *                  when `allow_collections`) and `coordinates`.
 * @param require_closed_rings  reject a ring whose last position does not repeat its first
 *                  (as GeoJSON requires; AOI files are held to it, items from the wild not).
 * @param out       receives the polygons; on failure it may hold part of them.
 * @param why       receives a one-line reason on failure.
 * @return false when the object is not such a geometry, a coordinate is not a finite
 *         lon/lat in range, a ring has fewer than 3 distinct vertices, or (when asked) a
 *         ring is not closed.
 */
bool appendGeoJsonPolygons(simdjson::dom::element geometry, bool allow_collections,
                           bool require_closed_rings, MultiPolygon& out, std::string& why);

}  // namespace stac2h3::geo
