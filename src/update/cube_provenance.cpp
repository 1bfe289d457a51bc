/** @file cube_provenance.cpp
 * @brief A cube's record of its items (see cube_provenance.h).
 */
#include "update/cube_provenance.h"

#include "stac/utc_time.h"
#include "store/items_gpkg.h"

namespace stac2h3::update {

std::vector<std::pair<std::string, std::string>> cubeTextAttributes(
    const std::filesystem::path& items, const store::ItemsVersion& version,
    std::optional<int32_t> first_day, std::optional<int32_t> last_day) {
  std::vector<std::pair<std::string, std::string>> attributes;
  for (const auto& [key, value] : store::readMetadata(items)) {
    // The cube's own software version and identity of its items follow.
    if (key != store::kMetaSoftware && key != store::kMetaItemsFileId) {
      attributes.emplace_back(key, value);
    }
  }
  attributes.emplace_back(std::string(store::kMetaSoftware), "stac2h3 " STAC2H3_VERSION);
  attributes.emplace_back(std::string(kItemsFileIdAttr), version.file_id);
  attributes.emplace_back(std::string(kItemsLastFidAttr), std::to_string(version.last_fid));
  attributes.emplace_back(std::string(kItemsLastReplacementAttr),
                          std::to_string(version.last_replacement));
  if (first_day)
    attributes.emplace_back(std::string(kStartDayAttr), stac::formatUtcDay(*first_day));
  if (last_day) attributes.emplace_back(std::string(kEndDayAttr), stac::formatUtcDay(*last_day));
  return attributes;
}

}  // namespace stac2h3::update
