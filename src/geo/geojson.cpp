/** @file geojson.cpp
 * @brief GeoJSON areas of interest (Geometry, Feature, FeatureCollection) to one MultiPolygon.
 */
#include "geo/geojson.h"

#include <simdjson.h>

#include <fstream>
#include <sstream>

#include "geo/antimeridian.h"
#include "geo/geojson_dom.h"
#include "util/error.h"

namespace stac2h3::geo {
namespace {

void appendArea(simdjson::dom::element node, const std::string& source, MultiPolygon& out) {
  std::string_view type;
  if (node.type() != simdjson::dom::element_type::OBJECT || node["type"].get_string().get(type)) {
    throw InputError(source + ": not a GeoJSON object (no \"type\")");
  }
  if (type == "FeatureCollection") {
    simdjson::dom::array features;
    if (node["features"].get_array().get(features)) {
      throw InputError(source + ": FeatureCollection without a \"features\" array");
    }
    for (simdjson::dom::element feature : features) appendArea(feature, source, out);
    return;
  }
  if (type == "Feature") {
    simdjson::dom::element geometry;
    if (node["geometry"].get(geometry) || geometry.is_null()) {
      throw InputError(source + ": a Feature has no geometry");
    }
    appendArea(geometry, source, out);
    return;
  }
  std::string why;
  if (!appendGeoJsonPolygons(node, /*allow_collections=*/true, /*require_closed_rings=*/true, out,
                             why)) {
    throw InputError(source + ": " + why);
  }
}

}  // namespace

MultiPolygon parseGeoJsonArea(std::string_view json, const std::string& source) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  if (auto error = parser.parse(padded).get(root)) {
    throw InputError(source + ": malformed JSON (" + simdjson::error_message(error) + ")");
  }
  MultiPolygon area;
  appendArea(root, source, area);
  if (area.empty()) throw InputError(source + ": no Polygon or MultiPolygon in the file");
  try {
    MultiPolygon split = splitAntimeridian(area);
    // Rings without area (all vertices on a line) leave nothing once split.
    if (split.empty()) throw InputError(source + ": the area is empty (its rings enclose nothing)");
    return split;
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    // A ring the split cannot clip (self-intersecting across ±180) is the file's fault.
    throw InputError(source + ": " + e.what());
  }
}

MultiPolygon readGeoJsonArea(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot open the file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError(path.string() + ": cannot read the file");
  return parseGeoJsonArea(text.str(), path.string());
}

}  // namespace stac2h3::geo
