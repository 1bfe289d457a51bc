/** @file fuzz_api_page.cpp
 * @brief Fuzzes a STAC API /search response as `download` reads it: the page
 * (ItemParser::parsePage: items, next link, counts), then the pager's step to the next
 * request, which must be a well-formed request (a POST body that is a JSON object).
 */
#include "fuzz/fuzz_check.h"
#include "stac/pager.h"
#include "util/error.h"

namespace {

constexpr const char* kSearchUrl = "https://earth-search.example/v1/search";

stac2h3::stac::JsonObject firstQuery() {
  stac2h3::stac::JsonObject query;
  query.set("collections", R"(["sentinel-2-l2a"])");
  query.set("datetime", R"("2024-06-01T00:00:00Z/2024-06-02T00:00:00Z")");
  query.set("limit", "100");
  return query;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using stac2h3::stac::Pager;
  static stac2h3::stac::ItemParser parser;
  stac2h3::stac::Page page;
  try {
    page = parser.parsePage(stac2h3::fuzz::asText(data, size), kSearchUrl);
  } catch (const stac2h3::Error&) {
    return 0;  // not a FeatureCollection: the download reports the page's URL
  }
  stac2h3::fuzz::checkItems(page);
  Pager pager(kSearchUrl, firstQuery());
  try {
    if (pager.advance(page) == Pager::Step::kNext) {
      const auto& request = pager.request();
      FUZZ_CHECK(request.method == "GET" || request.method == "POST");
      FUZZ_CHECK(!request.url.empty());
      if (request.method == "POST") {
        stac2h3::stac::JsonObject body;
        body.overlay(request.body, "the next request");  // throws if we built bad JSON
        FUZZ_CHECK(body.get("limit") == "100");
      }
      // The same page again is a repeat or, for a relative link, a new URL: never a crash.
      (void)pager.advance(page);
    }
  } catch (const stac2h3::Error& e) {
    // Only a link body that is not a JSON object may be refused.
    FUZZ_CHECK(page.next && !page.next->body.empty());
  }
  return 0;
}
