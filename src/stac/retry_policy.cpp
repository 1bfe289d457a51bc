/** @file retry_policy.cpp
 * @brief Classifying responses and computing backoff delays (see retry_policy.h).
 */
#include "stac/retry_policy.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <thread>

namespace stac2h3::stac {

namespace {

/** AWS API Gateway throttles with 403 and this body (Earth Search does), unlike a real
 * permission error. */
bool isThrottling403(const HttpResponse& response) {
  std::string compact;
  for (const char c : response.body) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') compact += c;
  }
  return compact == "{\"message\":\"Forbidden\"}";
}

}  // namespace

Outcome classify(const HttpResponse& response) {
  if (!response.transport_error.empty() || response.status == 0) return Outcome::kTransient;
  if (response.status >= 200 && response.status < 300) return Outcome::kSuccess;
  switch (response.status) {
    case 408:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
      return Outcome::kTransient;
    case 403:
      return isThrottling403(response) ? Outcome::kTransient : Outcome::kFatal;
    default:
      return Outcome::kFatal;
  }
}

std::string describeFailure(const HttpResponse& response) {
  if (!response.transport_error.empty()) return response.transport_error;
  std::string text = "HTTP " + std::to_string(response.status);
  std::string snippet = response.body.substr(0, 200);
  std::replace_if(
      snippet.begin(), snippet.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  if (!snippet.empty()) text += ": " + snippet;
  return text;
}

std::optional<double> parseRetryAfter(std::string_view value, std::time_t now) {
  if (value.empty()) return std::nullopt;
  double seconds = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error == std::errc{} && end == value.data() + value.size()) {
    return seconds >= 0 && std::isfinite(seconds) ? std::optional(seconds) : std::nullopt;
  }
  // curl_getdate parses the RFC 7231 HTTP-date forms (and the obsolete ones).
  const std::string text(value);
  const std::time_t when = curl_getdate(text.c_str(), &now);
  if (when == -1) return std::nullopt;
  return std::max(0.0, std::difftime(when, now));
}

double backoffSeconds(const RetryPolicy& policy, int retry, std::optional<double> retry_after,
                      std::mt19937_64& random) {
  const double ceiling =
      std::min(policy.max_delay_seconds,
               policy.base_delay_seconds * std::ldexp(1.0, std::clamp(retry - 1, 0, 30)));
  // Full jitter: parallel clients that failed together spread out instead of retrying together.
  double delay = std::uniform_real_distribution<double>(0.0, std::max(ceiling, 0.0))(random);
  if (retry_after) delay = std::max(delay, std::min(*retry_after, policy.max_retry_after_seconds));
  return delay;
}

Retrier::Retrier(const RetryPolicy& policy, uint64_t seed, const std::atomic<bool>* cancel)
    : policy_(policy), random_(seed), cancel_(cancel) {}

bool Retrier::waitBeforeRetry(const HttpResponse& failed) {
  const auto cancelled = [&] { return cancel_ != nullptr && cancel_->load(); };
  if (attempts_ >= policy_.max_attempts || cancelled()) return false;
  const double delay = backoffSeconds(
      policy_, attempts_, parseRetryAfter(failed.retry_after, std::time(nullptr)), random_);
  // Sleep in short steps so a cancelled download stops promptly.
  using Clock = std::chrono::steady_clock;
  const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(delay));
  constexpr Clock::duration kStep = std::chrono::milliseconds(50);
  for (auto now = Clock::now(); now < until; now = Clock::now()) {
    if (cancelled()) return false;
    std::this_thread::sleep_for(std::min(until - now, kStep));
  }
  ++attempts_;
  return true;
}

}  // namespace stac2h3::stac
