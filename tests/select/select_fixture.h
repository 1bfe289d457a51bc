/** @file select_fixture.h
 * @brief Hand-made items for the selection tests: boxes in lon/lat with a cloud cover and a
 * datetime, written to a scratch items GeoPackage.
 */
#pragma once

#include <string>
#include <vector>

#include "store/items_fixture.h"  // tests/store: ScratchFile
#include "store/items_gpkg.h"

namespace stac2h3::test {

/** An item whose footprint is the box [west, east] × [south, north] (degrees). */
inline stac::Item boxItem(const std::string& id, double west, double south, double east,
                          double north, double cloud, const std::string& datetime,
                          const std::string& tile = "32TMT") {
  stac::Item item;
  item.id = id;
  item.collection = "sentinel-2-l2a";
  item.datetime = datetime;
  item.platform = "sentinel-2a";
  item.mgrs_tile = tile;
  item.processing_baseline = "05.10";
  item.values[static_cast<int>(stac::Value::kCloudCover)] = cloud;
  item.values[static_cast<int>(stac::Value::kNodata)] = 0.0;
  item.self_href = "https://example.test/collections/sentinel-2-l2a/items/" + id;
  item.footprint.polygons.push_back(
      {{{west, south}, {east, south}, {east, north}, {west, north}}, {}});
  return item;
}

/** Writes `items` to a new items GeoPackage at `path`. */
inline void writeItems(const std::filesystem::path& path, const std::vector<stac::Item>& items,
                       const std::string& source_api = "https://example.test") {
  store::ItemsWriter writer(path);
  writer.setMetadata(std::string(store::kMetaSourceApi), source_api);
  writer.write(items);
}

}  // namespace stac2h3::test
