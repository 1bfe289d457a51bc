/** @file download_engine.h
 * @brief `stac2h3 download`'s work: every item of a query over a span of days, fetched slice
 * by slice in parallel, page by page with retries, into an ItemSink that records finished
 * slices so a rerun resumes.
 */
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stac/date_slices.h"
#include "stac/http_client.h"
#include "stac/item_sink.h"
#include "stac/retry_policy.h"
#include "stac/search_request.h"

namespace stac2h3::stac {

/** Page sizes when --limit is not given: Earth Search answers 502 above ~6 MB per page;
 * Fields-trimmed Sentinel-2 items are ~1-3 kB, full ones ~20-30 kB. */
inline constexpr int kDefaultLimitWithFields = 1000;
inline constexpr int kDefaultLimitWithoutFields = 100;

struct DownloadOptions {
  SearchQuery query;
  UtcDay first_day = 0;  ///< --start
  UtcDay last_day = 0;   ///< --end (inclusive)
  SliceLength slice_length;
  int jobs = 4;   ///< slices fetched at once (>= 1)
  int limit = 0;  ///< page size; 0 picks kDefaultLimitWith(out)Fields
  RetryPolicy retry;
  HttpOptions http;
};

struct DownloadSummary {
  int64_t items = 0;      ///< items stored (each page's items inside its slice)
  int64_t new_items = 0;  ///< of which not already in the sink
  int64_t pages = 0;
  int64_t retries = 0;
  int64_t skipped_features = 0;  ///< features the parser could not use (see warnings)
  int slices = 0;                ///< slices of the span
  int slices_resumed = 0;        ///< already finished by an earlier run, not fetched again
  bool fields = false;           ///< whether the server was asked with the Fields extension
  double seconds = 0;
  /** One line each: repeated pages, the first skipped features. */
  std::vector<std::string> warnings;

  /** "download: 20000 items (20000 new) in 40 pages, 2 retries, 10/10 slices, 3.2 s". */
  std::string line() const;
};

/** The query as canonical JSON (API, collections, area, span, slice length, extra
 * properties): stored in the sink's metadata and compared on resume. */
std::string describeQuery(const DownloadOptions& options);

/**
 * Runs the download.
 * @param options  what and how.
 * @param sink     where items and finished slices go.
 * @return the counts.
 * @throws stac2h3::InputError when the sink holds another query's download.
 * @throws stac2h3::Error (one line naming the slice and URL) when a page keeps failing after
 *         the bounded retries, or answers with a fatal status; every page stored before
 *         stays in the sink and the rerun resumes.
 */
DownloadSummary runDownload(const DownloadOptions& options, ItemSink& sink);

}  // namespace stac2h3::stac
