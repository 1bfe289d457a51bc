/** @file http_client.h
 * @brief A blocking HTTP client over one libcurl easy handle: keep-alive between requests,
 * gzip/deflate/brotli compression, timeouts, and transport faults reported as values.
 */
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace stac2h3::stac {

struct HttpRequest {
  std::string method = "GET";  ///< "GET" or "POST"
  std::string url;
  std::string body;  ///< sent as application/json with POST
  std::vector<std::pair<std::string, std::string>> headers;
};

struct HttpResponse {
  /** The HTTP status, or 0 when no complete response arrived (see transport_error). */
  long status = 0;
  std::string body;
  /** The Retry-After header's value, "" when absent. */
  std::string retry_after;
  /** Why the exchange failed below HTTP (timeout, refused, cut body...), "" when it did not. */
  std::string transport_error;
  /** True when transport_error is a timeout. */
  bool timed_out = false;
};

struct HttpOptions {
  long connect_timeout_seconds = 20;
  /** A request whose transfer stays below 1 byte/s for this long is abandoned. */
  long stall_timeout_seconds = 60;
  /** Upper bound on a whole request (0: none). */
  long total_timeout_seconds = 300;
  std::string user_agent = "stac2h3/" STAC2H3_VERSION;
};

/**
 * One connection's worth of HTTP. Reuses its connection between requests (keep-alive) and
 * asks for compressed bodies. Not thread-safe: one client per thread.
 */
class HttpClient {
 public:
  /** @throws stac2h3::Error when libcurl cannot create a handle. */
  explicit HttpClient(HttpOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /**
   * Sends a request and waits for the whole response.
   * @return the response; transport faults (DNS, refused, reset, timeout, a body shorter than
   *         its Content-Length) are reported in HttpResponse::transport_error, never thrown.
   */
  HttpResponse send(const HttpRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace stac2h3::stac
