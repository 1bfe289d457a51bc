/** @file items_simplify.h
 * @brief Writing a smaller copy of an items GeoPackage: only the columns asked for.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace stac2h3::store {

/** Sizes and columns of a simplification. */
struct SimplifySummary {
  uintmax_t bytes_before = 0;
  uintmax_t bytes_after = 0;
  std::vector<std::string> dropped;  ///< columns removed, in table order
  std::vector<std::string> kept;     ///< columns left, in table order
};

/**
 * Copies `input` to `output` keeping fid, geom, id, collection, datetime and the columns in
 * `keep`, dropping every other column of `items` and the resume table, then compacting
 * (VACUUM). The result is read by ItemsReader (dropped fixed columns read as NULL) and by
 * any GeoPackage reader, but cannot be appended to.
 * @param input   an items GeoPackage (not modified).
 * @param output  the new file; must not exist.
 * @param keep    optional columns to keep (fixed or extra names, e.g. "cloud_cover",
 *                "s2_product_uri").
 * @return sizes before and after, and the columns.
 * @throws stac2h3::InputError when `output` exists or a `keep` column is not in the table;
 *         stac2h3::Error when `input` is not an items file or the copy fails (then `output`
 *         is removed).
 */
SimplifySummary simplifyItems(const std::filesystem::path& input,
                              const std::filesystem::path& output,
                              const std::vector<std::string>& keep);

}  // namespace stac2h3::store
