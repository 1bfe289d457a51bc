/** @file cells_output.h
 * @brief `--cells-out`: for each window and each cell of the AOI, the selected items
 * covering it (ids in rank order), its coverage and its expected clear fraction ("which
 * tiles cover this hexagon"), as CSV or as a GeoPackage of cell polygons.
 *
 * Columns: window_start, window_end (days, inclusive), cell (hex id), area_km2 (of the
 * AOI's part of the cell), coverage, expected_clear (fractions of that part), items (ids
 * separated by spaces, rank order). The GeoPackage table is `selection_cells`, its geometry
 * the whole cell (split at ±180°).
 */
#pragma once

#include <filesystem>

#include "select/selection.h"

namespace stac2h3::select {

enum class CellsFormat { kCsv, kGpkg };

/** The format of `path` by its extension (.csv or .gpkg).
 * @throws stac2h3::InputError naming the file for another extension. */
CellsFormat cellsFormatOf(const std::filesystem::path& path);

/** Writes the cells of every window, replacing the file.
 * @throws stac2h3::Error when it cannot be written. */
void writeSelectionCells(const std::filesystem::path& path, const Selection& selection);

}  // namespace stac2h3::select
