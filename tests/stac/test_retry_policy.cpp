/** @file test_retry_policy.cpp
 * @brief Which responses are retried, Retry-After parsing, the backoff's growth, jitter and
 * bounds, and the bounded Retrier.
 */
#include <gtest/gtest.h>

#include <chrono>

#include "stac/retry_policy.h"

namespace stac2h3::stac {
namespace {

HttpResponse status(long code, std::string body = "") {
  HttpResponse response;
  response.status = code;
  response.body = std::move(body);
  return response;
}

TEST(RetryPolicy, ClassifiesResponses) {
  EXPECT_EQ(classify(status(200)), Outcome::kSuccess);
  for (long code : {429L, 500L, 502L, 503L, 504L}) {
    EXPECT_EQ(classify(status(code)), Outcome::kTransient) << code;
  }
  for (long code : {400L, 401L, 404L, 422L}) EXPECT_EQ(classify(status(code)), Outcome::kFatal);
  HttpResponse cut;
  cut.transport_error = "transfer closed with 100 bytes remaining to read";
  EXPECT_EQ(classify(cut), Outcome::kTransient);
}

TEST(RetryPolicy, Only403ThrottlingIsRetried) {
  EXPECT_EQ(classify(status(403, "{\"message\":\"Forbidden\"}")), Outcome::kTransient);
  EXPECT_EQ(classify(status(403, "{ \"message\": \"Forbidden\" }\n")), Outcome::kTransient);
  EXPECT_EQ(classify(status(403, "{\"message\":\"Missing Authentication Token\"}")),
            Outcome::kFatal);
  EXPECT_EQ(classify(status(403, "")), Outcome::kFatal);
}

TEST(RetryPolicy, ParsesRetryAfter) {
  const std::time_t now = 1445412480;  // Wed, 21 Oct 2015 07:28:00 GMT
  EXPECT_EQ(parseRetryAfter("120", now), 120.0);
  EXPECT_EQ(parseRetryAfter("0", now), 0.0);
  EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now), 30.0);
  EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now), 0.0);  // past: no wait
  EXPECT_FALSE(parseRetryAfter("", now));
  EXPECT_FALSE(parseRetryAfter("soon", now));
  EXPECT_FALSE(parseRetryAfter("-5", now));
}

TEST(RetryPolicy, BackoffGrowsWithJitterUpToTheCap) {
  RetryPolicy policy;
  policy.base_delay_seconds = 1;
  policy.max_delay_seconds = 8;
  std::mt19937_64 random(42);
  for (int retry = 1; retry <= 6; ++retry) {
    const double ceiling = std::min(8.0, std::ldexp(1.0, retry - 1));
    double low = 1e9, high = 0;
    for (int i = 0; i < 2000; ++i) {
      const double delay = backoffSeconds(policy, retry, std::nullopt, random);
      ASSERT_GE(delay, 0.0);
      ASSERT_LE(delay, ceiling);
      low = std::min(low, delay);
      high = std::max(high, delay);
    }
    EXPECT_LT(low, 0.05 * ceiling) << "full jitter reaches near 0";
    EXPECT_GT(high, 0.95 * ceiling) << "and near the ceiling";
  }
}

TEST(RetryPolicy, RetryAfterIsAFloorButCapped) {
  RetryPolicy policy;
  policy.base_delay_seconds = 0.001;
  policy.max_retry_after_seconds = 30;
  std::mt19937_64 random(1);
  EXPECT_GE(backoffSeconds(policy, 1, 5.0, random), 5.0);
  EXPECT_EQ(backoffSeconds(policy, 1, 3600.0, random), 30.0);
}

TEST(RetryPolicy, RetrierIsBounded) {
  RetryPolicy policy;
  policy.max_attempts = 3;
  policy.base_delay_seconds = 0.001;
  Retrier retrier(policy, 7);
  const HttpResponse failed = status(503);
  EXPECT_TRUE(retrier.waitBeforeRetry(failed));
  EXPECT_TRUE(retrier.waitBeforeRetry(failed));
  EXPECT_FALSE(retrier.waitBeforeRetry(failed));
  EXPECT_EQ(retrier.attempts(), 3);
}

TEST(RetryPolicy, RetrierHonoursRetryAfterAndCancel) {
  RetryPolicy policy;
  policy.base_delay_seconds = 0.001;
  HttpResponse throttled = status(429);
  throttled.retry_after = "1";
  Retrier retrier(policy, 7);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(retrier.waitBeforeRetry(throttled));
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(990));

  std::atomic<bool> cancel{true};
  Retrier cancelled(policy, 7, &cancel);
  EXPECT_FALSE(cancelled.waitBeforeRetry(throttled));
}

}  // namespace
}  // namespace stac2h3::stac
