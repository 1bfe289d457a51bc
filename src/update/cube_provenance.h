/** @file cube_provenance.h
 * @brief What a cube records about what it was made from, so that `resample --update` can
 * tell what changed since: the items file's identity, the last row and the last logged
 * replacement it read, and the --start/--end it was given. Group attributes of the cube (of
 * every level of a pyramid, and of its root), as text.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/items_history.h"

namespace stac2h3::update {

inline constexpr std::string_view kItemsFileIdAttr = "items_file_id";
inline constexpr std::string_view kItemsLastFidAttr = "items_last_fid";
inline constexpr std::string_view kItemsLastReplacementAttr = "items_last_replacement";
inline constexpr std::string_view kStartDayAttr = "start_day";  ///< --start, when given
inline constexpr std::string_view kEndDayAttr = "end_day";      ///< --end, when given

/**
 * The text attributes of a cube made from `items` as it was at `version`: the items file's
 * metadata (source API, collection, query), the software version, and the provenance above.
 * @param first_day, last_day  the --start / --end given (days since 1970-01-01), if any.
 * @throws stac2h3::Error when the items file's metadata cannot be read.
 */
std::vector<std::pair<std::string, std::string>> cubeTextAttributes(
    const std::filesystem::path& items, const store::ItemsVersion& version,
    std::optional<int32_t> first_day, std::optional<int32_t> last_day);

}  // namespace stac2h3::update
