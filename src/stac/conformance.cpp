/** @file conformance.cpp
 * @brief Fetching conformance classes (see conformance.h).
 */
#include "stac/conformance.h"

#include <simdjson.h>

#include <optional>
#include <random>

#include "util/error.h"

namespace stac2h3::stac {

namespace {

/** GET `url` with retries. @return the 2xx response, or nullopt on a fatal status when
 * `optional` (the caller can do without). @throws stac2h3::Error otherwise. */
std::optional<HttpResponse> getWithRetries(HttpClient& client, const std::string& url,
                                           const RetryPolicy& policy, bool optional) {
  Retrier retrier(policy, std::random_device{}());
  HttpRequest request;
  request.url = url;
  for (;;) {
    HttpResponse response = client.send(request);
    const Outcome outcome = classify(response);
    if (outcome == Outcome::kSuccess) return response;
    if (outcome == Outcome::kFatal && optional) return std::nullopt;
    if (outcome == Outcome::kFatal || !retrier.waitBeforeRetry(response)) {
      throw Error(url + ": " + describeFailure(response) + " (after " +
                  std::to_string(retrier.attempts()) + " attempts)");
    }
  }
}

/** The `conformsTo` strings of a JSON document; nullopt when it has no such array. */
std::optional<std::vector<std::string>> conformsTo(const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::dom::array classes;
  if (parser.parse(json)["conformsTo"].get(classes) != simdjson::SUCCESS) return std::nullopt;
  std::vector<std::string> out;
  for (const auto value : classes) {
    std::string_view text;
    if (value.get(text) == simdjson::SUCCESS) out.emplace_back(text);
  }
  return out;
}

}  // namespace

bool conformsToFields(const std::vector<std::string>& conformance_classes) {
  for (const auto& uri : conformance_classes) {
    if (uri.ends_with("#fields")) return true;
  }
  return false;
}

std::vector<std::string> fetchConformance(HttpClient& client, const std::string& api,
                                          const RetryPolicy& policy) {
  const auto landing = getWithRetries(client, api + "/", policy, false);
  if (auto classes = conformsTo(landing->body)) return *classes;
  const auto document = getWithRetries(client, api + "/conformance", policy, true);
  if (!document) return {};
  return conformsTo(document->body).value_or(std::vector<std::string>{});
}

}  // namespace stac2h3::stac
