/** @file items_history.h
 * @brief What changed in an items file since a reader last saw it: its identity, the last row
 * and the last logged replacement, and the datetimes of the rows added or replaced since
 * (`resample --update` recomputes exactly the days those touch).
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace stac2h3::store {

/** How far an items file has got: a cube records it, an update compares. */
struct ItemsVersion {
  std::string file_id;           ///< the items_file_id metadata entry ("" in older files)
  int64_t last_fid = 0;          ///< the largest fid (0 when empty)
  int64_t last_replacement = 0;  ///< the largest stac2h3_replacements seq (0 when none)
};

/** @throws stac2h3::Error when `path` is not a readable items GeoPackage. */
ItemsVersion readItemsVersion(const std::filesystem::path& path);

/**
 * The datetimes (as stored) that changed between `since` and `now`: those of the rows with
 * since.last_fid < fid <= now.last_fid, and for each replacement with
 * since.last_replacement < seq <= now.last_replacement, the datetime its row had before and
 * the one it has now. NULL datetimes are left out.
 * @throws stac2h3::Error when unreadable.
 */
std::vector<std::string> changedDatetimes(const std::filesystem::path& path,
                                          const ItemsVersion& since, const ItemsVersion& now);

/** The first and last `datetime` text in text order, among those that parse as instants
 * (an index scan); nullopt when no row has one. @throws stac2h3::Error when unreadable. */
std::optional<std::pair<std::string, std::string>> datetimeExtent(
    const std::filesystem::path& path);

}  // namespace stac2h3::store
