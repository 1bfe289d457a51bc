/** @file http_client.cpp
 * @brief The libcurl easy-handle client (see http_client.h).
 */
#include "stac/http_client.h"

#include <curl/curl.h>

#include <cctype>
#include <mutex>
#include <string_view>

#include "util/error.h"

namespace stac2h3::stac {

namespace {

void initCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t appendBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

/** Keeps the Retry-After header of the final response. */
size_t readHeader(char* data, size_t size, size_t count, void* user) {
  const std::string_view line(data, size * count);
  auto* response = static_cast<HttpResponse*>(user);
  if (startsWithIgnoringCase(line, "HTTP/")) response->retry_after.clear();  // a new response
  constexpr std::string_view kName = "retry-after:";
  if (startsWithIgnoringCase(line, kName)) {
    std::string_view value = line.substr(kName.size());
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) {
      value.remove_prefix(1);
    }
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) {
      value.remove_suffix(1);
    }
    response->retry_after = std::string(value);
  }
  return size * count;
}

}  // namespace

struct HttpClient::Impl {
  CURL* handle = nullptr;
  HttpOptions options;
  char error_buffer[CURL_ERROR_SIZE] = {};
};

HttpClient::HttpClient(HttpOptions options) : impl_(std::make_unique<Impl>()) {
  initCurlOnce();
  impl_->handle = curl_easy_init();
  if (impl_->handle == nullptr) throw Error("cannot create a libcurl handle");
  impl_->options = std::move(options);
}

HttpClient::~HttpClient() {
  curl_easy_cleanup(impl_->handle);
}

HttpResponse HttpClient::send(const HttpRequest& request) {
  CURL* curl = impl_->handle;
  const HttpOptions& options = impl_->options;
  // Reset the per-request options but keep the handle, and with it the open connection.
  curl_easy_reset(curl);
  HttpResponse response;
  impl_->error_buffer[0] = '\0';
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, impl_->error_buffer);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);         // thread-safe timeouts
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl supports
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, options.stall_timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, options.total_timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, appendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, readHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);

  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Accept: application/geo+json, application/json");
  if (request.method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
    headers = curl_slist_append(headers, "Content-Type: application/json");
  } else if (request.method != "GET") {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  for (const auto& [name, value] : request.headers) {
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (code != CURLE_OK) {
    response.status = 0;
    response.timed_out = code == CURLE_OPERATION_TIMEDOUT;
    response.transport_error =
        impl_->error_buffer[0] != '\0' ? impl_->error_buffer : curl_easy_strerror(code);
    return response;
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

}  // namespace stac2h3::stac
