/** @file pager.cpp
 * @brief Next-link following and repeat detection (see pager.h).
 */
#include "stac/pager.h"

#include <curl/curl.h>

#include <charconv>

namespace stac2h3::stac {

namespace {

/** A key identifying a request, for spotting a next link sent twice. */
std::string requestKey(const HttpRequest& request) {
  return request.method + ' ' + request.url + ' ' + request.body;
}

/** `url` with the value of its `limit` query parameter replaced, if it has one. */
std::string withLimitParameter(const std::string& url, int limit) {
  const size_t query = url.find('?');
  if (query == std::string::npos) return url;
  for (size_t pos = query; pos != std::string::npos; pos = url.find('&', pos + 1)) {
    if (url.compare(pos + 1, 6, "limit=") != 0) continue;
    const size_t value = pos + 7;
    const size_t end = url.find_first_of("&#", value);
    return url.substr(0, value) + std::to_string(limit) +
           (end == std::string::npos ? "" : url.substr(end));
  }
  return url;
}

int limitOf(const JsonObject& query) {
  const auto text = query.get("limit");
  int limit = 0;
  std::from_chars(text.data(), text.data() + text.size(), limit);
  return limit;
}

}  // namespace

std::string resolveUrl(const std::string& base, const std::string& href) {
  CURLU* url = curl_url();
  std::string resolved = href;
  if (url != nullptr && curl_url_set(url, CURLUPART_URL, base.c_str(), 0) == CURLUE_OK &&
      curl_url_set(url, CURLUPART_URL, href.c_str(), 0) == CURLUE_OK) {
    char* text = nullptr;
    if (curl_url_get(url, CURLUPART_URL, &text, 0) == CURLUE_OK) resolved = text;
    curl_free(text);
  }
  curl_url_cleanup(url);
  return resolved;
}

Pager::Pager(std::string search_url, JsonObject query)
    : search_url_(std::move(search_url)), query_(std::move(query)) {
  limit_ = limitOf(query_);
  request_.method = "POST";
  request_.url = search_url_;
  request_.body = query_.dump();
  requests_seen_.insert(requestKey(request_));
}

void Pager::setLimit(int limit) {
  limit_ = limit;
  query_.set("limit", std::to_string(limit));
  if (request_.method == "POST") {
    JsonObject body;
    body.overlay(request_.body, request_.url);
    body.set("limit", std::to_string(limit));
    request_.body = body.dump();
  } else {
    request_.url = withLimitParameter(request_.url, limit);
  }
}

Pager::Step Pager::advance(const Page& page) {
  if (page.features == 0 || !page.next) return Step::kDone;

  std::vector<std::string> ids;
  ids.reserve(page.items.size());
  for (const auto& item : page.items) ids.push_back(item.collection + '/' + item.id);
  if (!ids.empty() && ids == previous_ids_) {
    repeat_reason_ = "page " + std::to_string(page_number_) + " repeats the items of page " +
                     std::to_string(page_number_ - 1);
    return Step::kRepeated;
  }

  const NextLink& link = *page.next;
  HttpRequest next;
  next.url = link.href.empty() ? search_url_ : resolveUrl(request_.url, link.href);
  next.headers = link.headers;
  if (link.method == "POST") {
    next.method = "POST";
    JsonObject body = query_;
    if (!link.body.empty()) body.overlay(link.body, "the next link's body from " + request_.url);
    if (limit_ > 0) body.set("limit", std::to_string(limit_));
    next.body = body.dump();
  } else {
    next.method = "GET";
    if (limit_ > 0) next.url = withLimitParameter(next.url, limit_);
  }
  if (!requests_seen_.insert(requestKey(next)).second) {
    repeat_reason_ = "page " + std::to_string(page_number_) + " links to a page already fetched (" +
                     next.method + ' ' + next.url + ")";
    return Step::kRepeated;
  }
  // Only now: a page fetched again after a repeated link is compared with the page before it.
  previous_ids_ = std::move(ids);
  request_ = std::move(next);
  ++page_number_;
  return Step::kNext;
}

}  // namespace stac2h3::stac
