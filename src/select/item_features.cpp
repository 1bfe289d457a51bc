/** @file item_features.cpp
 * @brief Stored rows as STAC items and the selection's properties (see item_features.h).
 */
#include "select/item_features.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <variant>

#include "geo/antimeridian.h"
#include "stac/json_object.h"
#include "stac/search_request.h"
#include "util/error.h"

namespace stac2h3::select {
namespace {

// Earth Search v1's names of the value columns, in stac::Value order.
constexpr std::array<std::string_view, stac::kNumValues> kValueKeys = {
    "eo:cloud_cover",           "s2:nodata_pixel_percentage",  "s2:snow_ice_percentage",
    "s2:vegetation_percentage", "s2:not_vegetated_percentage", "s2:water_percentage"};

/** The STAC bbox as JSON (west > east for a footprint split at ±180°). */
std::string bboxJson(const geo::MultiPolygon& footprint) {
  const auto [west, south, east, north] = geo::stacBbox(footprint);
  return '[' + stac::jsonNumber(west) + ',' + stac::jsonNumber(south) + ',' +
         stac::jsonNumber(east) + ',' + stac::jsonNumber(north) + ']';
}

/** An extra column's text as a JSON value: itself when it is JSON, else a string. */
std::string extraValueJson(const std::string& text, simdjson::dom::parser& parser) {
  simdjson::dom::element parsed;
  if (parser.parse(text).get(parsed) == simdjson::SUCCESS) return simdjson::minify(parsed);
  return stac::jsonString(text);
}

}  // namespace

std::string storedItemJson(const stac::Item& item, const std::vector<std::string>& extra_columns) {
  stac::JsonObject properties;
  properties.set("datetime", stac::jsonString(item.datetime));
  if (!item.platform.empty()) properties.set("platform", stac::jsonString(item.platform));
  if (!item.mgrs_tile.empty())
    properties.set("grid:code", stac::jsonString("MGRS-" + item.mgrs_tile));
  if (!item.processing_baseline.empty()) {
    properties.set("s2:processing_baseline", stac::jsonString(item.processing_baseline));
  }
  for (int v = 0; v < stac::kNumValues; ++v) {
    if (!std::isnan(item.values[v])) {
      properties.set(std::string(kValueKeys[v]), stac::jsonNumber(item.values[v]));
    }
  }
  simdjson::dom::parser parser;
  for (size_t e = 0; e < item.extra.size() && e < extra_columns.size(); ++e) {
    if (const double* number = std::get_if<double>(&item.extra[e])) {
      properties.set(extra_columns[e], stac::jsonNumber(*number));
    } else if (const std::string* text = std::get_if<std::string>(&item.extra[e])) {
      properties.set(extra_columns[e], extraValueJson(*text, parser));
    }
  }
  stac::JsonObject feature;
  feature.set("type", "\"Feature\"");
  feature.set("stac_version", "\"1.0.0\"");
  feature.set("id", stac::jsonString(item.id));
  feature.set("collection", stac::jsonString(item.collection));
  feature.set("bbox", bboxJson(item.footprint));
  feature.set("geometry", stac::geoJsonGeometry(item.footprint));
  feature.set("properties", properties.dump());
  std::string links = "[";
  if (!item.self_href.empty()) {
    links += "{\"rel\":\"self\",\"href\":" + stac::jsonString(item.self_href) +
             ",\"type\":\"application/geo+json\"}";
  }
  feature.set("links", links + ']');
  feature.set("assets", "{}");
  return feature.dump();
}

std::string withSelectionMark(std::string_view feature_json, const SelectionMark& mark,
                              const std::string& source) {
  stac::JsonObject feature;
  feature.overlay(feature_json, source);
  stac::JsonObject properties;
  const std::string_view stored = feature.get("properties");
  if (!stored.empty() && stored != "null") properties.overlay(stored, source + " properties");
  properties.set("stac2h3:rank", std::to_string(mark.rank));
  properties.set("stac2h3:window",
                 "[" + stac::jsonString(stac::formatUtcDay(mark.window.first)) + "," +
                     stac::jsonString(stac::formatUtcDay(mark.window.last)) + "]");
  properties.set("stac2h3:gain", stac::jsonNumber(mark.gain));
  feature.set("properties", properties.dump());
  return feature.dump();
}

}  // namespace stac2h3::select
