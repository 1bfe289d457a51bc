/** @file conformance.h
 * @brief Asking a STAC API once which extensions it conforms to (the landing page's
 * `conformsTo`, else /conformance), to know whether it understands the Fields extension.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stac/http_client.h"
#include "stac/retry_policy.h"

namespace stac2h3::stac {

/** True when one of the conformance classes is the Fields extension ("...#fields"). */
bool conformsToFields(const std::vector<std::string>& conformance_classes);

/**
 * Reads the API's conformance classes: the landing page's `conformsTo`, or the
 * /conformance document when the landing page has none (or it is not JSON).
 * @param client  the connection to use.
 * @param api     the API's base URL, without the trailing "/".
 * @param policy  retries for transient faults.
 * @return the classes; empty when the API declares none.
 * @throws stac2h3::Error naming the URL when the landing page cannot be fetched (after
 *         retries) or answers with a fatal HTTP status.
 */
std::vector<std::string> fetchConformance(HttpClient& client, const std::string& api,
                                          const RetryPolicy& policy);

}  // namespace stac2h3::stac
