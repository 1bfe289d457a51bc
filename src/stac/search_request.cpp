/** @file search_request.cpp
 * @brief Building search bodies and the Fields include list (see search_request.h).
 */
#include "stac/search_request.h"

#include <algorithm>
#include <string_view>

#include "stac/property_profiles.h"

namespace stac2h3::stac {

namespace {

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

std::string itemUrl(const std::string& api, const std::string& collection, const std::string& id) {
  return api + "/collections/" + collection + "/items/" + id;
}

std::vector<std::string> storedFields(const std::vector<std::string>& extra_properties) {
  std::vector<std::string> fields = {"id", "collection", "geometry"};
  const auto add = [&](std::string_view key) {
    std::string path = "properties." + std::string(key);
    if (std::find(fields.begin(), fields.end(), path) == fields.end()) {
      fields.push_back(std::move(path));
    }
  };
  // Every key the parser's profiles read: asking for a key a server lacks costs nothing,
  // leaving one out would store NULL.
  for (const auto key : profilePropertyKeys()) add(key);
  for (const auto& key : extra_properties) add(key);
  return fields;
}

JsonObject searchBody(const SearchQuery& query, const std::string& interval, int limit,
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
  body.set("datetime", jsonString(interval));
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
