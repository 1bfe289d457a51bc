/** @file request_error.h
 * @brief A request the server refuses: an HTTP status with the OGC API's
 * {"code", "description"} body.
 */
#pragma once

#include <stdexcept>
#include <string>

namespace stac2h3::serve {

class RequestError : public std::runtime_error {
 public:
  /**
   * @param status       the HTTP status (400 for a bad parameter, 404 for an unknown path).
   * @param code         a short machine-readable name ("InvalidParameterValue", ...).
   * @param description  one line for a human: the parameter, the value and what is expected.
   */
  RequestError(int status, std::string code, const std::string& description)
      : std::runtime_error(description), status_(status), code_(std::move(code)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

/** 400 InvalidParameterValue. */
inline RequestError badParameter(const std::string& description) {
  return RequestError(400, "InvalidParameterValue", description);
}

}  // namespace stac2h3::serve
