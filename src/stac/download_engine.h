/** @file download_engine.h
 * @brief `stac2h3 download`'s work: every item of a query over a span of days, fetched slice
 * by slice in parallel, page by page with retries, into an ItemSink that records finished
 * slices so a rerun resumes.
 *
 * A slice is finished only when its paging is trusted: a page that repeats a page or a next
 * link is fetched again (with backoff, kLoopAttempts times) before it counts as a loop, and a
 * slice (or piece of one) that loops, or ends with fewer distinct items than the server's
 * last numberMatched (or context.matched), or with a count at the server's cap, is searched
 * again in halves (see slice_piece.h), recursively. What still cannot be completed stays
 * unfinished, is named in DownloadSummary::incomplete, and is fetched again by a rerun.
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
/** Some servers stop counting matches here (numberMatched 10000 means "at least 10000"). */
inline constexpr int64_t kDefaultCountCap = 10'000;
/** Fetches of a page that repeats a page or a next link, the first included, before the
 * paging counts as a loop. */
inline constexpr int kLoopAttempts = 3;
/** A slice is searched in at most this many pieces (itself included): a server whose counts
 * never add up is not asked forever. */
inline constexpr int kDefaultMaxPiecesPerSlice = 1024;

struct DownloadOptions {
  SearchQuery query;
  UtcDay first_day = 0;  ///< --start
  UtcDay last_day = 0;   ///< --end (inclusive)
  SliceLength slice_length;
  int jobs = 4;   ///< slices fetched at once (>= 1)
  int limit = 0;  ///< page size; 0 picks kDefaultLimitWith(out)Fields
  RetryPolicy retry;
  HttpOptions http;
  /** A numberMatched at or above this is a lower bound, not a count. */
  int64_t count_cap = kDefaultCountCap;
  int max_pieces_per_slice = kDefaultMaxPiecesPerSlice;
};

struct DownloadSummary {
  int64_t items = 0;      ///< distinct items stored (each slice's own items, once)
  int64_t new_items = 0;  ///< of which not already in the sink
  /** The server's numberMatched over the slices finished by this run that carried counts,
   * less the items their queries shared (a second at each border, halves of split areas)
   * and the items that are not the slices' own: comparable with `items`. */
  int64_t matched = 0;
  int64_t pages = 0;
  int64_t retries = 0;
  int64_t loop_retries = 0;      ///< pages fetched again because they repeated a page or link
  int64_t splits = 0;            ///< slices or pieces searched again in halves
  int64_t skipped_features = 0;  ///< features the parser could not use (see warnings)
  int slices = 0;                ///< slices of the span
  int slices_resumed = 0;        ///< already finished by an earlier run, not fetched again
  int slices_counted = 0;        ///< slices finished by this run whose every query carried a count
  bool fields = false;           ///< whether the server was asked with the Fields extension
  double seconds = 0;
  /** One line each: the first skipped features. */
  std::vector<std::string> warnings;
  /** One line per slice left unfinished, "slice <key>: <piece>: <why>", in slice order. */
  std::vector<std::string> incomplete;

  /** Slices finished by this run. */
  int slicesFinished() const {
    return slices - slices_resumed - static_cast<int>(incomplete.size());
  }
  /** "download: 240 items (240 new), the server matched 240 in the 10 finished slices; 40
   * pages, 2 retries, 0 loops retried, 0 splits; 10 slices (0 done before, 0 unfinished),
   * 0 features skipped, 3.2 s". */
  std::string line() const;
};

/** The query as canonical JSON (API, collections, area, span, slice length, extra
 * properties): stored in the sink's metadata and compared on resume. */
std::string describeQuery(const DownloadOptions& options);

/**
 * Runs the download.
 * @param options  what and how.
 * @param sink     where items and finished slices go.
 * @return the counts; slices that could not be completed are listed in `incomplete` (the
 *         others are finished and every item fetched is kept).
 * @throws stac2h3::InputError when the sink holds another query's download.
 * @throws stac2h3::Error (one line naming the slice and URL) when a page keeps failing after
 *         the bounded retries, or answers with a fatal status; every page stored before
 *         stays in the sink and the rerun resumes.
 */
DownloadSummary runDownload(const DownloadOptions& options, ItemSink& sink);

}  // namespace stac2h3::stac
