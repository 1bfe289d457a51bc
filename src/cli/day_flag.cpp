/** @file day_flag.cpp
 * @brief Day flags (see day_flag.h).
 */
#include "cli/day_flag.h"

#include "util/error.h"

namespace stac2h3::cli {

stac::UtcDay parseDayFlag(const std::string& flag, const std::string& text) {
  const auto day = stac::parseUtcDay(text);
  if (!day) throw InputError("bad " + flag + " '" + text + "': expected YYYY-MM-DD");
  return *day;
}

}  // namespace stac2h3::cli
