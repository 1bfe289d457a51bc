/** @file geojson_dom.cpp
 * @brief GeoJSON Polygon/MultiPolygon from a simdjson DOM element.
 */
#include "geo/geojson_dom.h"

#include <cmath>
#include <string_view>

namespace stac2h3::geo {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;

// Tolerance for coordinates written a hair outside the valid range (e.g. 180.0000000001).
constexpr double kRangeSlack = 1e-9;

bool readPosition(element position, LonLat& out, std::string& why) {
  array xy;
  if (position.get_array().get(xy) || xy.size() < 2) {
    why = "a position is not an array of two numbers";
    return false;
  }
  double lon = 0.0;
  double lat = 0.0;
  if (xy.at(0).get_double().get(lon) || xy.at(1).get_double().get(lat)) {
    why = "a coordinate is not a number";
    return false;
  }
  if (!std::isfinite(lon) || !std::isfinite(lat) || std::fabs(lon) > 180.0 + kRangeSlack ||
      std::fabs(lat) > 90.0 + kRangeSlack) {
    why = "coordinate out of range (" + std::to_string(lon) + ", " + std::to_string(lat) + ")";
    return false;
  }
  out.lon = std::fmax(-180.0, std::fmin(180.0, lon));
  out.lat = std::fmax(-90.0, std::fmin(90.0, lat));
  return true;
}

bool readRing(element coordinates, bool require_closed, Ring& ring, std::string& why) {
  array positions;
  if (coordinates.get_array().get(positions)) {
    why = "a ring is not an array of positions";
    return false;
  }
  ring.clear();
  for (element position : positions) {
    LonLat vertex;
    if (!readPosition(position, vertex, why)) return false;
    if (ring.empty() || !(ring.back() == vertex)) ring.push_back(vertex);
  }
  if (require_closed && ring.size() > 1 && !(ring.front() == ring.back())) {
    why = "a ring is not closed (its last position must repeat the first)";
    return false;
  }
  if (ring.size() > 1 && ring.front() == ring.back()) ring.pop_back();
  if (ring.size() < 3) {
    why = "a ring has fewer than 3 distinct vertices";
    return false;
  }
  return true;
}

bool readPolygon(element coordinates, bool require_closed, Polygon& polygon, std::string& why) {
  array rings;
  if (coordinates.get_array().get(rings) || rings.size() == 0) {
    why = "polygon coordinates are not an array of rings";
    return false;
  }
  bool outer = true;
  for (element ring : rings) {
    if (outer) {
      if (!readRing(ring, require_closed, polygon.outer, why)) return false;
      outer = false;
    } else {
      polygon.holes.emplace_back();
      if (!readRing(ring, require_closed, polygon.holes.back(), why)) return false;
    }
  }
  return true;
}

}  // namespace

bool appendGeoJsonPolygons(element geometry, bool allow_collections, bool require_closed_rings,
                           MultiPolygon& out, std::string& why) {
  std::string_view type;
  if (geometry.type() != simdjson::dom::element_type::OBJECT ||
      geometry["type"].get_string().get(type)) {
    why = "geometry is not a GeoJSON object";
    return false;
  }
  if (allow_collections && type == "GeometryCollection") {
    array members;
    if (geometry["geometries"].get_array().get(members)) {
      why = "GeometryCollection without geometries";
      return false;
    }
    for (element member : members) {
      if (!appendGeoJsonPolygons(member, allow_collections, require_closed_rings, out, why))
        return false;
    }
    return true;
  }
  element coordinates;
  if (geometry["coordinates"].get(coordinates)) {
    why = std::string(type) + " without coordinates";
    return false;
  }
  if (type == "Polygon") {
    out.polygons.emplace_back();
    return readPolygon(coordinates, require_closed_rings, out.polygons.back(), why);
  }
  if (type == "MultiPolygon") {
    array polygons;
    if (coordinates.get_array().get(polygons)) {
      why = "MultiPolygon coordinates are not an array";
      return false;
    }
    for (element polygon : polygons) {
      out.polygons.emplace_back();
      if (!readPolygon(polygon, require_closed_rings, out.polygons.back(), why)) return false;
    }
    return true;
  }
  why = "geometry type " + std::string(type) + " is not a Polygon or MultiPolygon";
  return false;
}

}  // namespace stac2h3::geo
