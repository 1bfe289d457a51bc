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

/** Which columns a simplified copy keeps besides fid, geom, id, collection and datetime:
 * the value columns (the six and every REAL extra column, what resample maps) and `keep`,
 * less `drop`. */
struct SimplifyColumns {
  std::vector<std::string> keep;  ///< more columns to keep, e.g. "mgrs_tile", "s2_product_uri"
  std::vector<std::string> drop;  ///< value columns to remove, e.g. "water"
};

/**
 * Copies `input` to `output` keeping the required columns and those `columns` selects,
 * dropping every other column of `items` and the resume table, then compacting (VACUUM).
 * The result is read by ItemsReader (dropped fixed columns read as NULL) and by any
 * GeoPackage reader, but cannot be appended to.
 * @param input    an items GeoPackage (not modified).
 * @param output   the new file; must not exist.
 * @param columns  what to keep and drop.
 * @return sizes before and after, and the columns.
 * @throws stac2h3::InputError when `output` exists, a named column is not in the table, a
 *         required column is dropped or a column is both kept and dropped;
 *         stac2h3::Error when `input` is not an items file or the copy fails (then `output`
 *         is removed).
 */
SimplifySummary simplifyItems(const std::filesystem::path& input,
                              const std::filesystem::path& output, const SimplifyColumns& columns);

}  // namespace stac2h3::store
