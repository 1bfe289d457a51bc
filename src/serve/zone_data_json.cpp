/** @file zone_data_json.cpp
 * @brief Writes zone data as compact JSON, floats in their shortest round-trip form.
 */
#include "serve/zone_data_json.h"

#include <charconv>
#include <cmath>

#include "h3/h3.h"
#include "plot/time_window.h"
#include "stac/json_object.h"

namespace stac2h3::serve {

namespace {

void appendFloat(std::string& out, float value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  char text[32];
  const auto [end, error] = std::to_chars(text, text + sizeof text, value);
  out.append(text, error == std::errc{} ? end : text);
}

}  // namespace

std::string zoneDataJson(const ZoneData& data) {
  const ZoneRequest& request = *data.request;
  std::string json = "{\"zone\":\"" + h3::cellToString(request.zone) + "\"";
  json += ",\"level\":" + std::to_string(request.level->resolution);
  json += ",\"datetime\":\"" + plot::formatDay(request.window.first) + "/" +
          plot::formatDay(request.window.last) + "\"";
  json += ",\"agg\":\"" + std::string(plot::aggregationName(request.aggregation)) + "\"";
  json.reserve(json.size() + data.cells.size() * (20 + 10 * (data.values.size() + 1)));
  json += ",\"cells\":[";
  for (size_t c = 0; c < data.cells.size(); ++c) {
    json += c ? ",\"" : "\"";
    json += h3::cellToString(data.cells[c]);
    json += '"';
  }
  json += "],\"values\":{";
  for (size_t p = 0; p < data.values.size(); ++p) {
    json += (p ? "," : "") + stac::jsonString(request.properties[p]) + ":[";
    for (size_t c = 0; c < data.values[p].size(); ++c) {
      if (c) json += ',';
      appendFloat(json, data.values[p][c]);
    }
    json += ']';
  }
  json += "},\"n_items\":[";
  for (size_t c = 0; c < data.n_items.size(); ++c) {
    if (c) json += ',';
    json += std::to_string(data.n_items[c]);
  }
  return json + "]}";
}

}  // namespace stac2h3::serve
