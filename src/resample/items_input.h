/** @file items_input.h
 * @brief Feeding an items GeoPackage to the engine (`resample`) and to the cover (`cells`),
 * reading it raw so that each distinct footprint is decoded once.
 */
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "h3/h3.h"
#include "resample/resampler.h"

namespace stac2h3::resample {

/**
 * Adds every item of an items GeoPackage to `resampler` (reading the columns of its value
 * variables), with a progress line.
 * @param filter  only the rows it selects (its datetime range or boxes; its value columns are
 *                the resampler's); default every row.
 * @return the number of rows read.
 * @throws stac2h3::Error when the file is missing, not an items GeoPackage, or holds an
 *         undecodable geometry (naming it); stac2h3::InputError when a value variable is not
 *         a numeric column of the file (missing, or TEXT).
 */
int64_t addItemsFromGpkg(const std::filesystem::path& items_gpkg, Resampler& resampler,
                         store::ItemsQuery filter = {});

/** The outcome of coverCells. */
struct CellCover {
  std::vector<h3::Cell> cells;  ///< sorted, unique
  int64_t items = 0;
  int64_t distinct_footprints = 0;
  int64_t unusable_footprints = 0;            ///< skipped (self-intersecting, degenerate)
  std::vector<std::string> unusable_reasons;  ///< the first few
};

/**
 * Every cell of resolution `res` that some footprint of the file overlaps (positive area),
 * computed once per distinct footprint, in parallel.
 * @throws stac2h3::InputError on a resolution outside 0..15; stac2h3::Error as above.
 */
CellCover coverCells(const std::filesystem::path& items_gpkg, int res);

}  // namespace stac2h3::resample
