/** @file real_items.h
 * @brief The real STAC items of ../shared/data for the resample tests, and the Planetary
 * Computer file whose 14 split granules the acquisition rule is tested on.
 */
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include "stac/item.h"
#include "stac/item_parser.h"
#include "support/shared_data.h"

namespace stac2h3::test {

inline const std::string kPlanetaryComputerItems =
    "sentinel2-stac/items/planetary-computer-geoparquet-rustac.ndjson";

/** Every item of an NDJSON file under ../shared/data (callers check that it exists). */
inline std::vector<stac::Item> readSharedItems(const std::string& file) {
  std::vector<stac::Item> items;
  stac::ItemParser parser;
  std::ifstream in(sharedData(file));
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    stac::Page page;
    parser.parseItem(line, file + ":" + std::to_string(number), page);
    for (auto& item : page.items) items.push_back(std::move(item));
  }
  return items;
}

}  // namespace stac2h3::test
