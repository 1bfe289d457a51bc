/** @file fetch.cpp
 * @brief Fetching full items by id (see fetch.h).
 */
#include "select/fetch.h"

#include <simdjson.h>

#include <algorithm>

#include "stac/item_parser.h"
#include "stac/json_object.h"
#include "stac/pager.h"
#include "util/error.h"

namespace stac2h3::select {
namespace {

// Ids per search: a short body, and one page at the servers' usual page limits.
constexpr size_t kIdsPerSearch = 100;

/** The response to `request`, retried on transient faults; throws on a final failure. */
std::string fetchBody(stac::HttpClient& client, const stac::HttpRequest& request,
                      const stac::RetryPolicy& retry) {
  stac::Retrier retrier(retry, /*seed=*/1);
  for (;;) {
    const stac::HttpResponse response = client.send(request);
    const stac::Outcome outcome = stac::classify(response);
    if (outcome == stac::Outcome::kSuccess) return response.body;
    if (outcome == stac::Outcome::kFatal || !retrier.waitBeforeRetry(response)) {
      throw Error("--fetch: " + request.method + " " + request.url + ": " +
                  stac::describeFailure(response) + " (after " +
                  std::to_string(retrier.attempts()) + " attempts)");
    }
  }
}

/** Adds each feature of the page `body` to `found` by "collection/id" (`collection` for
 * features that name none). */
void collectFeatures(const std::string& body, const std::string& source,
                     const std::string& collection_asked,
                     std::map<std::string, std::string>& found) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::dom::array features;
  if (parser.parse(body).get(root) || root["features"].get_array().get(features)) {
    throw Error("--fetch: " + source + ": not a FeatureCollection");
  }
  for (simdjson::dom::element feature : features) {
    std::string_view id;
    std::string_view collection;
    if (feature["id"].get_string().get(id)) continue;
    if (feature["collection"].get_string().get(collection)) collection = collection_asked;
    found[std::string(collection) + '/' + std::string(id)] = simdjson::minify(feature);
  }
}

}  // namespace

std::map<std::string, std::string> fetchFullItems(const std::string& api,
                                                  const std::vector<ItemRef>& items,
                                                  const stac::RetryPolicy& retry,
                                                  const stac::HttpOptions& http) {
  if (api.rfind("http://", 0) != 0 && api.rfind("https://", 0) != 0) {
    throw InputError("--fetch: the items file records no STAC API to fetch from (source_api '" +
                     api + "')");
  }
  std::string root = api;
  while (!root.empty() && root.back() == '/') root.pop_back();
  std::map<std::string, std::vector<std::string>> ids_by_collection;
  for (const ItemRef& item : items) ids_by_collection[item.collection].push_back(item.id);

  stac::HttpClient client(http);
  stac::ItemParser parser;
  std::map<std::string, std::string> found;
  for (const auto& [collection, ids] : ids_by_collection) {
    for (size_t start = 0; start < ids.size(); start += kIdsPerSearch) {
      const std::vector<std::string> chunk(
          ids.begin() + static_cast<std::ptrdiff_t>(start),
          ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + kIdsPerSearch)));
      stac::JsonObject query;
      if (!collection.empty()) query.set("collections", stac::jsonStringArray({collection}));
      query.set("ids", stac::jsonStringArray(chunk));
      query.set("limit", std::to_string(chunk.size()));
      stac::Pager pager(root + "/search", query);
      for (;;) {
        const std::string body = fetchBody(client, pager.request(), retry);
        collectFeatures(body, pager.request().url, collection, found);
        if (pager.advance(parser.parsePage(body, pager.request().url)) !=
            stac::Pager::Step::kNext) {
          break;
        }
      }
    }
  }
  std::vector<std::string> missing;
  for (const ItemRef& item : items) {
    if (!found.contains(item.collection + '/' + item.id)) missing.push_back(item.id);
  }
  if (!missing.empty()) {
    throw Error("--fetch: " + std::to_string(missing.size()) + " selected items are not in " +
                root + "'s answers (first: " + missing.front() + ")");
  }
  return found;
}

}  // namespace stac2h3::select
