/** @file items_read_ahead.h
 * @brief Reading an items GeoPackage on a background thread, handed over in batches, so
 * that SQLite's stepping and the caller's work on the rows share two cores.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "store/items_gpkg.h"

namespace stac2h3::resample {

/** Consecutive rows of the items table, copied out of SQLite. */
struct RawItemBatch {
  /** The rows, in fid order; their views point into `bytes`, valid until the batch is
   * refilled (after the consumer returns). */
  std::vector<store::RawItem> items;
  std::string bytes;
  std::vector<double> numbers;  ///< the rows' RawItem::numbers, one after the other
};

/**
 * Calls `consume` on the calling thread for each batch of rows of `items_gpkg`, in fid order,
 * while a background thread reads the next batches.
 * @param items_gpkg  an items GeoPackage.
 * @param query       what to read besides the fixed columns.
 * @param consume     receives each batch; it may throw (the reading stops, the error passes).
 * @return the number of rows read.
 * @throws stac2h3::Error when the file is missing or not an items GeoPackage (InputError for
 *         a bad value column), or whatever `consume` throws.
 */
int64_t readItemsAhead(const std::filesystem::path& items_gpkg, const store::ItemsQuery& query,
                       const std::function<void(const RawItemBatch&)>& consume);

}  // namespace stac2h3::resample
