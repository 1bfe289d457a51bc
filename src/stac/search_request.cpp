/** @file search_request.cpp
 * @brief Building search bodies and the Fields include list (see search_request.h).
 */
#include "stac/search_request.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace stac2h3::stac {

namespace {

/** Every property the profiles of item_parser.h read (Earth Search v1 and legacy, Planetary
 * Computer, Copernicus Data Space, stactools): asking for a key a server lacks costs
 * nothing, leaving one out would store NULL. Keep in step with the parser's profiles. */
constexpr std::array<std::string_view, 27> kProfileProperties = {
    "datetime",
    "platform",
    "eo:cloud_cover",
    "s2:nodata_pixel_percentage",
    "s2:snow_ice_percentage",
    "s2:vegetation_percentage",
    "s2:not_vegetated_percentage",
    "s2:water_percentage",
    "s2:processing_baseline",
    "s2:mgrs_tile",
    "grid:code",
    "mgrs:utm_zone",
    "mgrs:latitude_band",
    "mgrs:grid_square",
    "processing:version",
    "statistics",
    "eo:snow_cover",
    "sentinel:utm_zone",
    "sentinel:latitude_band",
    "sentinel:grid_square",
    "sentinel2:nodata_pixel_percentage",
    "sentinel2:snow_ice_percentage",
    "sentinel2:vegetation_percentage",
    "sentinel2:not_vegetated_percentage",
    "sentinel2:water_percentage",
    "sentinel2:processing_baseline",
    "sentinel:product_id",
};

void appendRing(const geo::Ring& ring, std::string& out) {
  out += '[';
  for (const auto& vertex : ring) {
    out += '[' + jsonNumber(vertex.lon) + ',' + jsonNumber(vertex.lat) + "],";
  }
  // GeoJSON rings repeat their first vertex at the end.
  if (!ring.empty()) out += '[' + jsonNumber(ring[0].lon) + ',' + jsonNumber(ring[0].lat) + ']';
  out += ']';
}

}  // namespace

std::string searchUrl(const SearchQuery& query) {
  return query.api + "/search";
}

std::vector<std::string> storedFields(const std::vector<std::string>& extra_properties) {
  std::vector<std::string> fields = {"id", "collection", "geometry"};
  const auto add = [&](std::string_view key) {
    std::string path = "properties." + std::string(key);
    if (std::find(fields.begin(), fields.end(), path) == fields.end()) {
      fields.push_back(std::move(path));
    }
  };
  for (const auto key : kProfileProperties) add(key);
  for (const auto& key : extra_properties) add(key);
  return fields;
}

JsonObject searchBody(const SearchQuery& query, const DateSlice& slice, int limit,
                      bool with_fields) {
  JsonObject body;
  body.set("collections", jsonStringArray(query.collections));
  if (query.intersects) {
    body.set("intersects", geoJsonGeometry(*query.intersects));
  } else if (query.bbox) {
    const auto& box = *query.bbox;
    body.set("bbox", '[' + jsonNumber(box[0]) + ',' + jsonNumber(box[1]) + ',' +
                         jsonNumber(box[2]) + ',' + jsonNumber(box[3]) + ']');
  }
  body.set("datetime", jsonString(slice.requestInterval()));
  body.set("limit", std::to_string(limit));
  if (with_fields) {
    body.set("fields", "{\"include\":" + jsonStringArray(storedFields(query.extra_properties)) +
                           ",\"exclude\":[]}");
  }
  return body;
}

std::string geoJsonGeometry(const geo::MultiPolygon& area) {
  std::string out = "{\"type\":\"MultiPolygon\",\"coordinates\":[";
  for (size_t p = 0; p < area.polygons.size(); ++p) {
    if (p > 0) out += ',';
    const auto& polygon = area.polygons[p];
    out += '[';
    appendRing(polygon.outer, out);
    for (const auto& hole : polygon.holes) {
      out += ',';
      appendRing(hole, out);
    }
    out += ']';
  }
  return out + "]}";
}

}  // namespace stac2h3::stac
