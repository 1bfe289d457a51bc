/** @file error.h
 * @brief The one exception type that carries a user-facing, one-line message.
 *
 * Library code throws `stac2h3::Error` for bad input (a file, item or line that cannot be
 * used) and for faults it gave up on; the CLI prints `what()` as a single line and exits
 * with `exitCode()`. The message names the file, item or line at fault.
 */
#pragma once

#include <stdexcept>
#include <string>

namespace stac2h3 {

/** Exit status for bad input or usage (a bad cell, file, coordinate or flag). */
inline constexpr int kExitBadInput = 2;
/** Exit status for a run that failed for another reason (network, disk). */
inline constexpr int kExitFailure = 1;
/** Exit status for a run that did all it could but left work unfinished or short of what was
 * asked: a download slice whose paging could not be completed (what it got is kept, a rerun
 * resumes the rest), a selection window covering less than --min-coverage (every output is
 * written). */
inline constexpr int kExitIncomplete = 3;

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, int exit_code = kExitFailure)
      : std::runtime_error(message), exit_code_(exit_code) {}
  int exitCode() const { return exit_code_; }

 private:
  int exit_code_;
};

/** Bad user input: exits with status 2. */
class InputError : public Error {
 public:
  explicit InputError(const std::string& message) : Error(message, kExitBadInput) {}
};

}  // namespace stac2h3
