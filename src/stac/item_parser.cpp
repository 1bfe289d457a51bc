/** @file item_parser.cpp
 * @brief FeatureCollection pages and single items (simdjson DOM) to stac::Item.
 *
 * The DOM parser (not On Demand) because items arrive with keys in any order and we look
 * at most of them; it parses a trimmed item in about a microsecond and reuses its buffers.
 */
#include "stac/item_parser.h"

#include <simdjson.h>

#include <cctype>

#include "geo/antimeridian.h"
#include "geo/geojson_dom.h"
#include "stac/property_profiles.h"
#include "util/error.h"

namespace stac2h3::stac {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

std::optional<int64_t> integerAt(object parent, std::string_view key) {
  int64_t n = 0;
  if (parent[key].get_int64().get(n)) return std::nullopt;
  return n;
}

std::optional<NextLink> findNextLink(object root) {
  array links;
  if (root["links"].get_array().get(links)) return std::nullopt;
  for (element link_element : links) {
    object link;
    std::string_view rel;
    std::string_view href;
    if (link_element.get_object().get(link) || link["rel"].get_string().get(rel) || rel != "next" ||
        link["href"].get_string().get(href)) {
      continue;
    }
    NextLink next;
    next.href = std::string(href);
    std::string_view method;
    if (!link["method"].get_string().get(method)) {
      next.method.clear();
      for (char c : method)
        next.method += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    element body;
    if (!link["body"].get(body) && !body.is_null()) next.body = simdjson::minify(body);
    bool merge = false;
    if (!link["merge"].get_bool().get(merge)) next.merge = merge;
    object headers;
    if (!link["headers"].get_object().get(headers)) {
      for (auto header : headers) {
        std::string_view value;
        next.headers.emplace_back(std::string(header.key), header.value.get_string().get(value)
                                                               ? simdjson::minify(header.value)
                                                               : std::string(value));
      }
    }
    return next;
  }
  return std::nullopt;
}

/** The href of the item's `self` link, "" when it has none. */
std::string_view selfHref(object item_object) {
  array links;
  if (item_object["links"].get_array().get(links)) return {};
  for (element link : links) {
    std::string_view rel;
    std::string_view href;
    if (!link["rel"].get_string().get(rel) && rel == "self" &&
        !link["href"].get_string().get(href)) {
      return href;
    }
  }
  return {};
}

}  // namespace

struct ItemParser::Impl {
  explicit Impl(ParseOptions opts) : options(std::move(opts)), profiles(options.extra_properties) {}

  /** Parses `json` into the reusable DOM; throws Error naming `source` on bad JSON. */
  element parseJson(std::string_view json, const std::string& source) {
    if (buffer.size() < json.size() + simdjson::SIMDJSON_PADDING) {
      buffer.resize(json.size() + simdjson::SIMDJSON_PADDING);
    }
    std::copy(json.begin(), json.end(), buffer.begin());
    element root;
    if (auto error = parser.parse(buffer.data(), json.size(), false).get(root)) {
      throw Error(source + ": malformed JSON (" + simdjson::error_message(error) + ")");
    }
    return root;
  }

  /** Reads a FeatureCollection root: items, next link, counts. */
  Page pageOf(element root, const std::string& source);

  /** Turns one feature into an item in `out.items`, or records why not. */
  bool addFeature(element feature, const std::string& source, int64_t index, Page& out) {
    ++out.features;
    std::string id_text;
    auto skip = [&](const std::string& reason) {
      std::string line = source;
      if (index >= 0) line += ": feature " + std::to_string(index);
      if (!id_text.empty()) line += " (" + id_text + ")";
      out.skipped.push_back(line + ": " + reason);
      return false;
    };
    object item_object;
    std::string_view type;
    if (feature.get_object().get(item_object)) return skip("not a JSON object");
    if (item_object["type"].get_string().get(type) || type != "Feature") {
      return skip("not a Feature");
    }
    std::string_view id;
    if (item_object["id"].get_string().get(id) || id.empty()) return skip("no id");
    id_text = std::string(id);
    std::string_view collection;
    if (item_object["collection"].get_string().get(collection)) collection = {};
    if (!options.collections.empty() &&
        std::find(options.collections.begin(), options.collections.end(), collection) ==
            options.collections.end()) {
      return skip("collection '" + std::string(collection) + "' not asked for");
    }
    object properties;
    if (item_object["properties"].get_object().get(properties)) return skip("no properties");
    std::string_view datetime;
    if (properties[kDatetimeKeys[0]].get_string().get(datetime) &&
        properties[kDatetimeKeys[1]].get_string().get(datetime)) {
      return skip("no datetime");
    }
    element geometry;
    if (item_object["geometry"].get(geometry) || geometry.is_null()) return skip("no geometry");

    Item item;
    std::string why;
    if (!geo::appendGeoJsonPolygons(geometry, /*allow_collections=*/false,
                                    /*require_closed_rings=*/false, item.footprint, why)) {
      return skip("invalid geometry: " + why);
    }
    if (item.footprint.empty()) return skip("empty geometry");
    try {
      item.footprint = geo::splitAntimeridian(item.footprint);
    } catch (const Error& e) {
      return skip(std::string("invalid geometry: ") + e.what());
    }
    if (item.footprint.empty()) return skip("empty geometry after the antimeridian split");
    item.id = std::move(id_text);
    item.collection = std::string(collection);
    item.datetime = std::string(datetime);
    item.self_href = std::string(selfHref(item_object));
    profiles.apply(item_object, properties, item);
    out.items.push_back(std::move(item));
    return true;
  }

  ParseOptions options;
  PropertyProfiles profiles;
  simdjson::dom::parser parser;
  std::string buffer;
};

ItemParser::ItemParser(ParseOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
ItemParser::~ItemParser() = default;
ItemParser::ItemParser(ItemParser&&) noexcept = default;
ItemParser& ItemParser::operator=(ItemParser&&) noexcept = default;

const ParseOptions& ItemParser::options() const {
  return impl_->options;
}

Page ItemParser::parsePage(std::string_view json, const std::string& source) {
  return impl_->pageOf(impl_->parseJson(json, source), source);
}

Page ItemParser::parseDocument(std::string_view json, const std::string& source) {
  const element root = impl_->parseJson(json, source);
  std::string_view type;
  if (root["type"].get_string().get(type) == simdjson::SUCCESS && type == "Feature") {
    Page page;
    impl_->addFeature(root, source, -1, page);
    return page;
  }
  if (type != "FeatureCollection" && root["features"].error() != simdjson::SUCCESS) {
    throw Error(source + ": neither a FeatureCollection nor a Feature");
  }
  return impl_->pageOf(root, source);
}

Page ItemParser::Impl::pageOf(element root, const std::string& source) {
  object page_object;
  array features;
  if (root.get_object().get(page_object) || page_object["features"].get_array().get(features)) {
    throw Error(source + ": not a FeatureCollection (no \"features\" array)");
  }
  Page page;
  page.items.reserve(features.size());
  int64_t index = 0;
  for (element feature : features) addFeature(feature, source, index++, page);
  page.next = findNextLink(page_object);
  page.number_matched = integerAt(page_object, "numberMatched");
  page.number_returned = integerAt(page_object, "numberReturned");
  for (std::string_view context_key : {"context", "search:metadata"}) {
    object context;
    if (page_object[context_key].get_object().get(context)) continue;
    if (!page.number_matched) page.number_matched = integerAt(context, "matched");
    if (!page.number_returned) page.number_returned = integerAt(context, "returned");
  }
  return page;
}

bool ItemParser::parseItem(std::string_view json, const std::string& source, Page& out) {
  const element root = impl_->parseJson(json, source);
  return impl_->addFeature(root, source, -1, out);
}

}  // namespace stac2h3::stac
