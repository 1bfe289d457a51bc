/** @file retry_policy.h
 * @brief When to retry an HTTP exchange and how long to wait: exponential backoff with full
 * jitter, Retry-After honoured, a bounded number of attempts.
 */
#pragma once

#include <atomic>
#include <cstdint>
#include <ctime>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "stac/http_client.h"

namespace stac2h3::stac {

struct RetryPolicy {
  /** Attempts per request, the first included (>= 1). */
  int max_attempts = 8;
  /** The backoff before retry n (n = 1, 2, ...) is drawn from [0, base * 2^(n-1)], capped. */
  double base_delay_seconds = 1.0;
  double max_delay_seconds = 60.0;
  /** A Retry-After longer than this is cut to it (a server asking for hours is not obeyed). */
  double max_retry_after_seconds = 300.0;
};

/** What to do with a response. */
enum class Outcome {
  kSuccess,    ///< 2xx
  kTransient,  ///< worth retrying: timeout, connection fault, cut body, 429, 403 throttling,
               ///< 500/502/503/504
  kFatal,      ///< retrying will not help (400, 401, 404, other 403...)
};

/** Classifies a response (see Outcome). */
Outcome classify(const HttpResponse& response);

/** A one-line description of a failed response: "HTTP 502: <start of body>" or the transport
 * error. */
std::string describeFailure(const HttpResponse& response);

/**
 * Parses a Retry-After value: delay seconds ("120") or an HTTP date ("Wed, 21 Oct 2015
 * 07:28:00 GMT", relative to `now`).
 * @return seconds to wait (0 for a date in the past), or nullopt when unparseable.
 */
std::optional<double> parseRetryAfter(std::string_view value, std::time_t now);

/**
 * The wait before retry number `retry` (1 for the first retry).
 * @param policy       the bounds.
 * @param retry        1, 2, ...
 * @param retry_after  the server's Retry-After in seconds, if it sent one: the wait is then
 *                     at least that (capped by max_retry_after_seconds).
 * @param random       the jitter source.
 * @return seconds to wait.
 */
double backoffSeconds(const RetryPolicy& policy, int retry, std::optional<double> retry_after,
                      std::mt19937_64& random);

/**
 * The retry loop's state for one request: counts attempts and sleeps between them. Use:
 * send; on a transient failure call waitBeforeRetry(response) and send again while it
 * returns true.
 */
class Retrier {
 public:
  /**
   * @param policy  the bounds (copied).
   * @param seed    seeds the jitter.
   * @param cancel  when not null and set, waits end early and no retry follows.
   */
  Retrier(const RetryPolicy& policy, uint64_t seed, const std::atomic<bool>* cancel = nullptr);

  /**
   * Waits the backoff after the failed attempt `failed` (honouring its Retry-After).
   * @return false, without waiting, when the attempts are used up or the work was cancelled.
   */
  bool waitBeforeRetry(const HttpResponse& failed);
  /** Attempts made so far, counting the one in progress. */
  int attempts() const { return attempts_; }

 private:
  RetryPolicy policy_;
  std::mt19937_64 random_;
  const std::atomic<bool>* cancel_;
  int attempts_ = 1;
};

}  // namespace stac2h3::stac
