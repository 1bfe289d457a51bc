/** @file basemap.cpp
 * @brief TopoJSON arc decoding with simdjson, and graticule lines.
 */
#include "plot/basemap.h"

#include <simdjson.h>

#include "plot/embedded_assets.h"
#include "util/error.h"

namespace stac2h3::plot {

namespace {

void require(bool ok, const char* what) {
  if (!ok) throw Error(std::string("TopoJSON: ") + what);
}

double number(simdjson::dom::element element) {
  double value = 0.0;
  if (element.is_int64()) return static_cast<double>(int64_t(element));
  require(element.get(value) == simdjson::SUCCESS, "expected a number");
  return value;
}

}  // namespace

std::vector<Polyline> topoJsonArcs(std::string_view topojson) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  require(parser.parse(topojson.data(), topojson.size()).get(root) == simdjson::SUCCESS,
          "not JSON");
  simdjson::dom::array arcs;
  require(root["arcs"].get_array().get(arcs) == simdjson::SUCCESS, "no arcs array");
  double scale[2] = {1.0, 1.0};
  double translate[2] = {0.0, 0.0};
  simdjson::dom::object transform;
  // Without a transform the positions are absolute (not quantised, not delta-encoded).
  const bool quantised = root["transform"].get_object().get(transform) == simdjson::SUCCESS;
  if (quantised) {
    for (int axis = 0; axis < 2; ++axis) {
      scale[axis] = number(transform["scale"].at(static_cast<size_t>(axis)));
      translate[axis] = number(transform["translate"].at(static_cast<size_t>(axis)));
    }
  }
  std::vector<Polyline> lines;
  lines.reserve(arcs.size());
  for (simdjson::dom::element arc : arcs) {
    simdjson::dom::array positions;
    require(arc.get_array().get(positions) == simdjson::SUCCESS, "an arc is not an array");
    Polyline line;
    line.reserve(positions.size());
    double x = 0.0;
    double y = 0.0;
    for (simdjson::dom::element position : positions) {
      const double px = number(position.at(0));
      const double py = number(position.at(1));
      x = quantised ? x + px : px;
      y = quantised ? y + py : py;
      line.push_back(toUnitVector({x * scale[0] + translate[0], y * scale[1] + translate[1]}));
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

const std::vector<Polyline>& coastlines() {
  static const std::vector<Polyline> lines = topoJsonArcs(landTopoJson());
  return lines;
}

std::vector<Polyline> graticule(double step_degrees) {
  constexpr double kSample = 2.0;
  std::vector<Polyline> lines;
  for (double lon = -180.0; lon < 180.0; lon += step_degrees) {
    Polyline meridian;
    for (double lat = -90.0; lat <= 90.0; lat += kSample)
      meridian.push_back(toUnitVector({lon, lat}));
    lines.push_back(std::move(meridian));
  }
  for (double lat = -90.0 + step_degrees; lat < 90.0; lat += step_degrees) {
    Polyline parallel;
    for (double lon = -180.0; lon <= 180.0; lon += kSample)
      parallel.push_back(toUnitVector({lon, lat}));
    lines.push_back(std::move(parallel));
  }
  return lines;
}

}  // namespace stac2h3::plot
