/** @file property_profiles.h
 * @brief How each source API names the fields of stac::Item (Earth Search v1 and v0,
 * Planetary Computer, Copernicus Data Space, stactools), resolved in one pass over an
 * item's properties. Internal to src/stac.
 */
#pragma once

#include <simdjson.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "stac/item.h"

namespace stac2h3::stac {

/** The keys an item's datetime is read from, first present wins (`datetime`, else
 * `start_datetime` for items that only have a range). */
inline constexpr std::array<std::string_view, 2> kDatetimeKeys = {"datetime", "start_datetime"};

/**
 * Every `properties` key that PropertyProfiles reads, across all profiles, plus
 * kDatetimeKeys: what a Fields request must include (search_request.cpp builds its list
 * from this, so the two cannot drift apart).
 * @return the keys, each once: kDatetimeKeys, then the others sorted.
 */
std::vector<std::string_view> profilePropertyKeys();

/**
 * Resolves platform, MGRS tile, processing baseline, the six percentages and the extra
 * properties of one item. Reusable: one instance per parser, not thread-safe.
 */
class PropertyProfiles {
 public:
  /** @param extra_properties  keys copied into Item::extra, in this order. */
  explicit PropertyProfiles(const std::vector<std::string>& extra_properties);

  /**
   * Fills every field of `item` except id, collection, datetime and footprint.
   * @param item_object  the whole item (extras missing from `properties` are looked up here).
   * @param properties   its `properties` object (may be empty).
   * @param item         receives the values; `item.id` must be set (tile, platform and
   *                     baseline fall back to what the Sentinel-2 product id encodes).
   */
  void apply(simdjson::dom::object item_object, simdjson::dom::object properties, Item& item);

 private:
  std::vector<std::string> extra_keys_;
};

}  // namespace stac2h3::stac
