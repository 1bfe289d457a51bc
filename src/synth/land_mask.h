/** @file land_mask.h
 * @brief Natural Earth land polygons (npm package world-atlas, TopoJSON) read with GDAL/OGR
 * into lon/lat polygons: the land mask of `synth`, reusable for coastlines.
 */
#pragma once

#include <filesystem>

#include "geo/geometry.h"

namespace stac2h3::synth {

/** The land file synth uses by default: world-atlas's land-50m.json in the project's
 * node_modules (installed by scripts/setup.sh). */
std::filesystem::path defaultLandPath();

/**
 * Reads every polygon of a vector file that OGR opens (world-atlas TopoJSON, GeoJSON,
 * GeoPackage...), all layers, in lon/lat degrees, rings open.
 * @param path  e.g. node_modules/world-atlas/land-50m.json.
 * @return the polygons (outer rings and holes), repaired where they self-intersect.
 * @throws stac2h3::InputError when the file is missing, unreadable or holds no polygon.
 */
geo::MultiPolygon readLandPolygons(const std::filesystem::path& path);

}  // namespace stac2h3::synth
