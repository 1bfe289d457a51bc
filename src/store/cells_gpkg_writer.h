/** @file cells_gpkg_writer.h
 * @brief Writes cells.gpkg: H3 cells as polygons for GIS (`stac2h3 cells`).
 *
 * Table `cells`: `geom` MULTIPOLYGON (EPSG:4326, spatial index), `cell` TEXT (lowercase hex
 * id), `res` INTEGER, `area_km2` REAL (authalic sphere), `is_pentagon` BOOLEAN. A cell that
 * crosses the antimeridian is split at ±180° into a MultiPolygon, so it draws right in QGIS;
 * the cells holding a pole are closed along the pole.
 */
#pragma once

#include <filesystem>
#include <span>

#include "h3/h3.h"

namespace stac2h3::store {

/** The table name of cells.gpkg. */
inline constexpr const char* kCellsTable = "cells";

/**
 * Writes the cells (one transaction).
 * @param path       the .gpkg file to create.
 * @param cells      valid H3 cells (any order, any resolutions).
 * @param overwrite  replace an existing file.
 * @throws stac2h3::InputError when `path` exists and `overwrite` is false;
 *         stac2h3::Error when GDAL cannot write.
 */
void writeCellsGpkg(const std::filesystem::path& path, std::span<const h3::Cell> cells,
                    bool overwrite = false);

}  // namespace stac2h3::store
