/** @file zone_request.h
 * @brief The parameters of a zone-data request (OGC API - DGGS "zone data"), checked against
 * the served cube.
 */
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "plot/aggregate.h"
#include "plot/time_window.h"
#include "serve/cube_levels.h"

namespace stac2h3::serve {

/** The deepest zone-depth served: 7^5 = 16,807 cells per zone at most, so that a response
 * (and a median's [cell][day] buffer) stays bounded. */
inline constexpr int kMaxZoneDepth = 5;
/** The longest window served (days): bounds the work of one request. */
inline constexpr int32_t kMaxWindowDays = 366 * 5;

enum class Encoding { kJson, kBinary };

struct ZoneRequest {
  uint64_t zone = 0;             ///< the H3 cell whose descendants are returned
  int depth = 0;                 ///< levels below the zone's
  const Level* level = nullptr;  ///< the level res(zone) + depth, in the cube
  plot::DayWindow window;        ///< inclusive days
  std::vector<std::string> properties;
  plot::Aggregation aggregation = plot::Aggregation::kMean;
  Encoding encoding = Encoding::kJson;
};

/**
 * Checks and parses a zone-data request.
 * @param zone_id     the {zoneId} path segment (an H3 cell as hex).
 * @param parameters  the query parameters: zone-depth (default 0, 0..kMaxZoneDepth),
 *                    datetime (YYYY-MM-DD, A/B, ../B or A/.., default the cube's span;
 *                    at most kMaxWindowDays long), properties (comma-separated, default every
 *                    variable), agg (mean|median|min|max|count, default mean), f (json|bin).
 * @throws RequestError (400) naming the parameter and value for anything else: an invalid
 *         zone, a depth out of range or a level the store lacks, a bad date or a reversed
 *         window, an unknown property, agg or format, an unknown parameter.
 */
ZoneRequest parseZoneRequest(const CubeLevels& cube, const std::string& zone_id,
                             const std::multimap<std::string, std::string>& parameters);

}  // namespace stac2h3::serve
