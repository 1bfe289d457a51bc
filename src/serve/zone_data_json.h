/** @file zone_data_json.h
 * @brief Zone data as JSON: {"zone", "level", "datetime", "agg", "cells", "values",
 * "n_items"}, cells as hex ids, a value array per property with null for no value.
 */
#pragma once

#include <string>

#include "serve/zone_data.h"

namespace stac2h3::serve {

/** The JSON document of `data` (the README's "Serving" section shows one). */
std::string zoneDataJson(const ZoneData& data);

}  // namespace stac2h3::serve
