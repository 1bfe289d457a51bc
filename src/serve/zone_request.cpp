/** @file zone_request.cpp
 * @brief Validates every parameter of a zone-data request before any data is read.
 */
#include "serve/zone_request.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "h3/h3.h"
#include "serve/request_error.h"
#include "util/error.h"

namespace stac2h3::serve {

namespace {

constexpr std::string_view kKnownParameters[] = {"zone-depth", "datetime", "properties", "agg",
                                                 "f"};
/** The open end of an OGC datetime interval. */
constexpr std::string_view kOpenEnd = "..";

/** The value of a parameter given at most once, or nullopt when absent. */
std::optional<std::string> single(const std::multimap<std::string, std::string>& parameters,
                                  const std::string& name) {
  const auto [begin, end] = parameters.equal_range(name);
  if (begin == end) return std::nullopt;
  if (std::next(begin) != end) throw badParameter("parameter '" + name + "' is given twice");
  return begin->second;
}

uint64_t parseZone(const std::string& zone_id) {
  const auto cell = h3::stringToCell(zone_id);
  if (!cell || !h3::isValidCell(*cell)) {
    throw badParameter("zone '" + zone_id + "' is not an H3 cell id (hex)");
  }
  return *cell;
}

int parseDepth(const std::string& text) {
  int depth = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), depth);
  if (error != std::errc{} || end != text.data() + text.size() || depth < 0 ||
      depth > kMaxZoneDepth) {
    throw badParameter("zone-depth '" + text + "' is not an integer in 0.." +
                       std::to_string(kMaxZoneDepth));
  }
  return depth;
}

int32_t parseDayParameter(std::string_view text, int32_t open_end, const std::string& whole) {
  if (text == kOpenEnd) return open_end;
  try {
    return plot::parseDay(text);
  } catch (const InputError&) {
    throw badParameter("datetime '" + whole + "': '" + std::string(text) +
                       "' is not a date YYYY-MM-DD or '..'");
  }
}

plot::DayWindow parseWindow(const std::optional<std::string>& given,
                            const std::vector<int32_t>& days) {
  const int32_t first = days.empty() ? 0 : days.front();
  const int32_t last = days.empty() ? 0 : days.back();
  if (!given) return {first, last};
  const std::string& text = *given;
  const size_t slash = text.find('/');
  plot::DayWindow window;
  if (slash == std::string::npos) {
    window.first = window.last = parseDayParameter(text, first, text);
  } else {
    window.first = parseDayParameter(std::string_view(text).substr(0, slash), first, text);
    window.last = parseDayParameter(std::string_view(text).substr(slash + 1), last, text);
  }
  if (window.last < window.first) {
    throw badParameter("datetime '" + text + "' ends before it starts");
  }
  if (static_cast<int64_t>(window.last) - window.first + 1 > kMaxWindowDays) {
    throw badParameter("datetime '" + text + "' is longer than " + std::to_string(kMaxWindowDays) +
                       " days");
  }
  return window;
}

std::vector<std::string> parseProperties(const CubeLevels& cube,
                                         const std::optional<std::string>& given) {
  std::vector<std::string> names;
  if (!given) {
    for (const auto& variable : cube.variables()) names.push_back(variable.name);
    return names;
  }
  const std::string& text = *given;
  size_t begin = 0;
  while (true) {
    const size_t comma = text.find(',', begin);
    const std::string name =
        text.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin);
    if (!cube.hasVariable(name)) {
      throw badParameter("properties: '" + name + "' is not a variable of the cube");
    }
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    if (comma == std::string::npos) break;
    begin = comma + 1;
  }
  return names;
}

plot::Aggregation parseAggregation(const std::string& text) {
  try {
    return plot::parseAggregation(text);
  } catch (const InputError&) {
    throw badParameter("agg '" + text + "' is not one of mean, median, min, max, count");
  }
}

Encoding parseEncoding(const std::string& text) {
  if (text == "json") return Encoding::kJson;
  if (text == "bin") return Encoding::kBinary;
  throw badParameter("f '" + text + "' is not json or bin");
}

}  // namespace

ZoneRequest parseZoneRequest(const CubeLevels& cube, const std::string& zone_id,
                             const std::multimap<std::string, std::string>& parameters) {
  for (const auto& [name, value] : parameters) {
    if (std::find(std::begin(kKnownParameters), std::end(kKnownParameters), name) ==
        std::end(kKnownParameters)) {
      throw badParameter("unknown parameter '" + name +
                         "' (known: zone-depth, datetime, properties, agg, f)");
    }
  }
  ZoneRequest request;
  request.zone = parseZone(zone_id);
  request.depth = parseDepth(single(parameters, "zone-depth").value_or("0"));
  const int resolution = h3::getResolution(request.zone) + request.depth;
  request.level = cube.find(resolution);
  if (!request.level) {
    std::string held;
    for (const auto& level : cube.levels()) {
      held += (held.empty() ? "" : ", ") + std::to_string(level.resolution);
    }
    throw badParameter("level " + std::to_string(resolution) + " (zone " + zone_id +
                       " at zone-depth " + std::to_string(request.depth) +
                       ") is not in the store (levels: " + held + ")");
  }
  request.window = parseWindow(single(parameters, "datetime"), cube.finest().cube->days());
  request.properties = parseProperties(cube, single(parameters, "properties"));
  request.aggregation = parseAggregation(single(parameters, "agg").value_or("mean"));
  request.encoding = parseEncoding(single(parameters, "f").value_or("json"));
  return request;
}

}  // namespace stac2h3::serve
