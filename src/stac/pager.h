/** @file pager.h
 * @brief Following a search's `rel=next` links page after page, in the forms real servers
 * send (GET href with a token; POST with a body, merged or not), and stopping on the last
 * page, an empty page or a page that repeats (which the caller may fetch again).
 */
#pragma once

#include <set>
#include <string>
#include <vector>

#include "stac/http_client.h"
#include "stac/item_parser.h"
#include "stac/json_object.h"

namespace stac2h3::stac {

class Pager {
 public:
  /**
   * @param search_url  the search endpoint (POST).
   * @param query       the first page's body: the query every POST next link updates.
   */
  Pager(std::string search_url, JsonObject query);

  /** The request for the current page. */
  const HttpRequest& request() const { return request_; }
  /** Pages requested so far (1 before the first advance). */
  int pageNumber() const { return page_number_; }

  /** Changes the page size of the current and later requests (body `limit`, and a `limit`
   * parameter of a GET href). */
  void setLimit(int limit);

  enum class Step {
    kNext,      ///< request() is now the next page
    kDone,      ///< no next link, or an empty page
    kRepeated,  ///< the server repeated a page or a next link (see repeatReason()); request()
                ///< is still this page's, to be fetched again or given up
  };

  /**
   * Moves to the page after `page` (the response to request()).
   * - GET link: its href (resolved against the current URL), with the link's headers.
   * - POST link: our own query with the link's body overlaid, whatever `merge` says: Earth
   *   Search sends bodies holding only `next`, and a body that echoes the query changes
   *   nothing by the overlay.
   * @return see Step.
   * @throws stac2h3::Error when a POST link's body is not a JSON object.
   */
  Step advance(const Page& page);

  /** Why the last advance() returned kRepeated. */
  const std::string& repeatReason() const { return repeat_reason_; }

 private:
  std::string search_url_;
  JsonObject query_;
  HttpRequest request_;
  int limit_ = 0;
  int page_number_ = 1;
  std::set<std::string> requests_seen_;
  std::vector<std::string> previous_ids_;
  std::string repeat_reason_;
};

/** `href` resolved against `base` (relative links); `href` as is when it is absolute or
 * cannot be resolved. */
std::string resolveUrl(const std::string& base, const std::string& href);

}  // namespace stac2h3::stac
