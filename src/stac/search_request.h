/** @file search_request.h
 * @brief The STAC API item search stac2h3 sends: POST {api}/search with collections, bbox or
 * intersects, one slice's datetime interval, limit, and the Fields extension's `include`
 * listing exactly what the items table stores.
 */
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "stac/json_object.h"

namespace stac2h3::stac {

/** What to search for, the same for every slice. */
struct SearchQuery {
  std::string api;                       ///< base URL without the trailing "/"
  std::vector<std::string> collections;  ///< e.g. {"sentinel-2-l2a"}
  /** West, south, east, north in degrees; nullopt with no intersects = the whole globe. */
  std::optional<std::array<double, 4>> bbox;
  /** The area of interest; takes the place of bbox when set. */
  std::optional<geo::MultiPolygon> intersects;
  /** Extra property keys stored as columns (the --properties flag). */
  std::vector<std::string> extra_properties;
};

/** The search endpoint: `api` + "/search". */
std::string searchUrl(const SearchQuery& query);

/** An item's URL in a STAC API (OGC API Features): `api`/collections/`collection`/items/`id`;
 * the `self` link of items whose response carried none (Fields responses leave links out). */
std::string itemUrl(const std::string& api, const std::string& collection, const std::string& id);

/**
 * The Fields extension `include` list: id, collection, geometry, datetime, every property
 * key the property profiles read (see item_parser.h) and the extra properties, as
 * "properties.<key>" paths.
 */
std::vector<std::string> storedFields(const std::vector<std::string>& extra_properties);

/**
 * The POST body of the first page of one slice or piece of a slice.
 * @param query        what to search for.
 * @param interval     the RFC 3339 datetime interval, e.g. DateSlice::requestInterval().
 * @param limit        the page size.
 * @param with_fields  add `fields.include` (only for servers that conform to Fields).
 */
JsonObject searchBody(const SearchQuery& query, const std::string& interval, int limit,
                      bool with_fields);

/** A MultiPolygon as a GeoJSON geometry (rings closed), e.g. for `intersects`. */
std::string geoJsonGeometry(const geo::MultiPolygon& area);

}  // namespace stac2h3::stac
