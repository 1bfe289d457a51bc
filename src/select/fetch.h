/** @file fetch.h
 * @brief `--fetch`: the full STAC items (assets included) of the selected ids, from the API
 * the items file was downloaded from: POST {api}/search with `collections` and `ids`, pages
 * followed, transient faults retried as `download` retries them.
 */
#pragma once

#include <map>
#include <string>
#include <vector>

#include "stac/http_client.h"
#include "stac/retry_policy.h"

namespace stac2h3::select {

/** An item to fetch. */
struct ItemRef {
  std::string collection;
  std::string id;
};

/**
 * Fetches the items.
 * @param api    the API root (the items file's `source_api`), http(s)://...
 * @param items  what to fetch.
 * @return "collection/id" -> the item as compact JSON, for every item asked for.
 * @throws stac2h3::Error (one line) when `api` is not an http(s) URL, the API cannot be
 *         reached or keeps failing after the retries, or an item is not in its answers.
 */
std::map<std::string, std::string> fetchFullItems(const std::string& api,
                                                  const std::vector<ItemRef>& items,
                                                  const stac::RetryPolicy& retry,
                                                  const stac::HttpOptions& http);

}  // namespace stac2h3::select
