/** @file item_parser.h
 * @brief STAC JSON to stac::Item: one FeatureCollection page (an API /search response or an
 * ItemCollection file) or one item (an NDJSON line), with every property profile applied.
 *
 * Profiles (see the README's "items table"): Earth Search v1 (`s2:*`, `grid:code`,
 * `mgrs:*`), Earth Search v0/legacy (`sentinel:*`, `sentinel2:*`), Planetary Computer
 * (`s2:mgrs_tile`, capitalised platform), Copernicus Data Space (`statistics{}`,
 * `eo:snow_cover`) and stactools outputs all map onto the same Item fields. Footprints are
 * repaired at the antimeridian (geo/antimeridian.h).
 *
 * Errors: JSON that is malformed or truncated throws stac2h3::Error naming `source`. A
 * well-formed feature that cannot become an item (not a Feature, no id, no/empty/invalid
 * geometry, another collection than asked for) is not an error: it is skipped and its
 * one-line reason recorded.
 */
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stac/item.h"

namespace stac2h3::stac {

/** What the parser copies besides the fixed columns. */
struct ParseOptions {
  /** Extra property keys (e.g. "s2:product_uri", "view:sun_elevation") copied into
   * Item::extra in this order; nested keys are not supported, a key is looked up in
   * `properties` first and then at the top level of the item. */
  std::vector<std::string> extra_properties;
  /** When not empty, features whose `collection` is not in this list are skipped. */
  std::vector<std::string> collections;
};

/** A page's `rel=next` link, as the server sent it. */
struct NextLink {
  std::string href;
  std::string method = "GET";  ///< "GET" or "POST" (upper case; "GET" when absent)
  /** The link's `body` as raw JSON text (an object), empty when absent. Earth Search may send
   * a body holding only `next`: treat it as an update of your own query. */
  std::string body;
  bool merge = false;  ///< the link's `merge` flag
  /** The link's `headers` object, as name/value pairs (values that are not strings are kept
   * as their JSON text). */
  std::vector<std::pair<std::string, std::string>> headers;
};

/** The outcome of parsing a page (or, accumulated, several items). */
struct Page {
  std::vector<Item> items;
  /** The `rel=next` link; nullopt when the page has none. */
  std::optional<NextLink> next;
  /** `numberMatched` / `numberReturned` (or `context.matched` / `context.returned`) when the
   * page has them. */
  std::optional<int64_t> number_matched;
  std::optional<int64_t> number_returned;
  /** Features seen (items + skipped). */
  int64_t features = 0;
  /** One line per skipped feature: "<source>: feature <n> (<id>): <reason>". */
  std::vector<std::string> skipped;
};

/**
 * A reusable parser: keeps its simdjson buffers between calls, so one instance per thread
 * parses any number of pages without allocating per call. Not thread-safe; use one
 * instance per thread.
 */
class ItemParser {
 public:
  explicit ItemParser(ParseOptions options = {});
  ~ItemParser();
  ItemParser(ItemParser&&) noexcept;
  ItemParser& operator=(ItemParser&&) noexcept;

  const ParseOptions& options() const;

  /**
   * Parses one FeatureCollection (a /search response or an ItemCollection file).
   * @param json    the whole response body.
   * @param source  names the input in messages: a URL, or "file.json".
   * @return the items, the next link, the counts and the skipped features.
   * @throws stac2h3::Error when the text is not JSON (malformed, truncated) or not a
   *         FeatureCollection (no `features` array); the message starts with `source`.
   */
  Page parsePage(std::string_view json, const std::string& source);

  /**
   * Parses a whole JSON document that is either a FeatureCollection (as parsePage) or a
   * single Feature (one item file, as pystac or rustac save them).
   * @param json    the document.
   * @param source  names the input in messages, e.g. "items/S2A_x.json".
   * @return the page; for a single Feature, its item (or skip reason) and no next link.
   * @throws stac2h3::Error when the text is not JSON or is neither a FeatureCollection nor
   *         a Feature.
   */
  Page parseDocument(std::string_view json, const std::string& source);

  /**
   * Parses one item (e.g. an NDJSON line) and appends it to `out.items`, or its skip reason
   * to `out.skipped`; increments `out.features`.
   * @param json    one JSON object.
   * @param source  names the input in messages, e.g. "items.ndjson:12".
   * @param out     where the item or the reason goes; its other fields are untouched.
   * @return true when an item was appended.
   * @throws stac2h3::Error when the text is not a JSON object (malformed, truncated).
   */
  bool parseItem(std::string_view json, const std::string& source, Page& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/**
 * Normalises an MGRS tile code: drops a "MGRS-" or "T" prefix and zero-pads the UTM zone,
 * "5CNL" -> "05CNL", "MGRS-33UXP" -> "33UXP", "T01CCV" -> "01CCV".
 * @return the five-character code in upper case, or "" when `code` is not a tile code.
 */
std::string normalizeMgrsTile(std::string_view code);

}  // namespace stac2h3::stac
