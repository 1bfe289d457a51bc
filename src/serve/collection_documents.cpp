/** @file collection_documents.cpp
 * @brief Builds the description documents from the cube's own metadata (never from a fixed
 * list of variables).
 */
#include "serve/collection_documents.h"

#include "plot/time_window.h"
#include "serve/zone_request.h"
#include "stac/json_object.h"

namespace stac2h3::serve {

namespace {

using stac::jsonString;

constexpr std::string_view kZoneDataTemplate = "/collections/cube/dggs/H3/zones/{zoneId}/data";

std::string link(const std::string& href, const std::string& rel, const std::string& title) {
  stac::JsonObject object;
  object.set("href", jsonString(href));
  object.set("rel", jsonString(rel));
  object.set("title", jsonString(title));
  return object.dump();
}

std::string levelsJson(const CubeLevels& cube) {
  std::string json = "[";
  for (const auto& level : cube.levels()) {
    stac::JsonObject object;
    object.set("level", std::to_string(level.resolution));
    object.set("cells", std::to_string(level.cube->cells().size()));
    json += (json.size() > 1 ? "," : "") + object.dump();
  }
  return json + "]";
}

}  // namespace

std::string collectionJson(const CubeLevels& cube) {
  const auto& finest = *cube.finest().cube;
  stac::JsonObject collection;
  collection.set("id", jsonString("cube"));
  collection.set("title", jsonString(cube.path().filename().string()));
  std::string variables = "[";
  for (const auto& variable : cube.variables()) {
    stac::JsonObject object;
    object.set("name", jsonString(variable.name));
    object.set("units", jsonString(variable.units));
    object.set("long_name", jsonString(variable.long_name));
    variables += (variables.size() > 1 ? "," : "") + object.dump();
  }
  collection.set("variables", variables + "]");
  const auto& days = finest.days();
  const std::string interval = days.empty()
                                   ? "[null,null]"
                                   : "[" + jsonString(plot::formatDay(days.front())) + "," +
                                         jsonString(plot::formatDay(days.back())) + "]";
  collection.set("extent", "{\"temporal\":{\"interval\":[" + interval + "]}}");
  collection.set("days", std::to_string(days.size()));
  collection.set("levels", levelsJson(cube));
  stac::JsonObject source;
  for (const char* name : {"source_api", "collection", "query"}) {
    source.set(name, jsonString(finest.attribute("", name)));
  }
  collection.set("source", source.dump());
  collection.set("links",
                 "[" + link("/collections/cube/dggs", "dggrs-list", "DGGS of the cube") + "]");
  return collection.dump();
}

std::string dggsListJson() {
  stac::JsonObject h3;
  h3.set("id", jsonString("H3"));
  h3.set("title", jsonString("Uber H3 (aperture 7 hexagons)"));
  h3.set("uri", jsonString("https://h3geo.org"));
  h3.set("links", "[" + link("/collections/cube/dggs/H3", "self", "H3 and its levels") + "]");
  return "{\"dggrs\":[" + h3.dump() + "]}";
}

std::string h3DggsJson(const CubeLevels& cube) {
  stac::JsonObject dggs;
  dggs.set("id", jsonString("H3"));
  dggs.set("title", jsonString("Uber H3 (aperture 7 hexagons)"));
  dggs.set("levels", levelsJson(cube));
  dggs.set("maxRefinementLevel", std::to_string(cube.finest().resolution));
  dggs.set("maxZoneDepth", std::to_string(kMaxZoneDepth));
  dggs.set("maxWindowDays", std::to_string(kMaxWindowDays));
  dggs.set("aggregations", "[\"mean\",\"median\",\"min\",\"max\",\"count\"]");
  dggs.set("links", "[" +
                        link(std::string(kZoneDataTemplate), "[ogc-rel:dggrs-zone-data]",
                             "data of a zone's descendants: ?zone-depth&datetime&properties"
                             "&agg&f=json|bin") +
                        "]");
  return dggs.dump();
}

}  // namespace stac2h3::serve
