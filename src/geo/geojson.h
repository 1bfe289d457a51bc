/** @file geojson.h
 * @brief Reading GeoJSON areas of interest: a Geometry, Feature or FeatureCollection of
 * Polygons/MultiPolygons becomes one MultiPolygon (lon/lat degrees, rings open).
 */
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "geo/geometry.h"

namespace stac2h3::geo {

/**
 * Parses GeoJSON text into one MultiPolygon: every Polygon and MultiPolygon it holds
 * (GeometryCollections included), in order, then split at the antimeridian. Other geometry
 * types (points, lines) are rejected.
 * @param json    the GeoJSON text.
 * @param source  names the input in messages (a file name).
 * @return the polygons; never empty.
 * @throws stac2h3::InputError (one line, starting with `source`) on malformed JSON, an
 *         unknown or non-areal type, bad coordinates (not finite, out of range, rings of
 *         fewer than 3 distinct vertices, rings not closed), or no polygon at all.
 */
MultiPolygon parseGeoJsonArea(std::string_view json, const std::string& source);

/**
 * Reads an AOI file (see parseGeoJsonArea).
 * @throws stac2h3::InputError when the file cannot be read or parsed.
 */
MultiPolygon readGeoJsonArea(const std::filesystem::path& path);

}  // namespace stac2h3::geo
