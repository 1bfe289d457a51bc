/** @file download_test_options.h
 * @brief Download options for the engine tests against the local test STAC server: daily
 * slices, small pages, short backoff.
 */
#pragma once

#include "server/test_server.h"
#include "stac/download_engine.h"

namespace stac2h3::test {

/** Days `start`..`end` of `server`'s sentinel-2-l2a items, 1d slices, 4 jobs, 7 items a page,
 * retries after 20 ms doubling to 200 ms, 10 s timeouts. */
inline stac::DownloadOptions downloadOptionsFor(const TestServer& server, const char* start,
                                                const char* end) {
  stac::DownloadOptions options;
  options.query.api = server.url();
  options.query.collections = {"sentinel-2-l2a"};
  options.first_day = *stac::parseUtcDay(start);
  options.last_day = *stac::parseUtcDay(end);
  options.slice_length = stac::parseSliceLength("1d");
  options.jobs = 4;
  options.limit = 7;
  options.retry.base_delay_seconds = 0.02;
  options.retry.max_delay_seconds = 0.2;
  options.http.total_timeout_seconds = 10;
  return options;
}

}  // namespace stac2h3::test
