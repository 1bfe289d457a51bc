/** @file item_features.h
 * @brief Selected items as STAC features: a stored row back to a STAC item (Earth Search v1
 * property names, which `import` reads), and the selection's own properties added to any
 * feature (a stored row or a full item fetched with --fetch).
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "select/windows.h"
#include "stac/item.h"

namespace stac2h3::select {

/**
 * A stored row as a STAC item (compact JSON): type, stac_version, id, collection, bbox,
 * geometry (the stored footprint), properties (datetime, platform, grid:code,
 * s2:processing_baseline, eo:cloud_cover, s2:*_percentage for the non-NULL values, then
 * each extra column under its column name, as JSON when its text is JSON, else as a string)
 * and the `self` link when one is stored.
 * @param extra_columns  the names of item.extra's columns.
 */
std::string storedItemJson(const stac::Item& item, const std::vector<std::string>& extra_columns);

/** The selection's place of an item. */
struct SelectionMark {
  int rank = 0;       ///< 1, 2, ... within its window
  Window window;      ///< its window
  double gain = 0.0;  ///< E added, a fraction of the AOI
};

/**
 * `feature_json` (a STAC item) with `stac2h3:rank`, `stac2h3:window` ([first day, last
 * day]) and `stac2h3:gain` set in its properties, as compact JSON.
 * @throws stac2h3::Error naming `source` when the text is not a JSON object.
 */
std::string withSelectionMark(std::string_view feature_json, const SelectionMark& mark,
                              const std::string& source);

}  // namespace stac2h3::select
