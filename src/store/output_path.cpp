/** @file output_path.cpp
 * @brief Refusing or replacing an existing output (see output_path.h).
 */
#include "store/output_path.h"

#include <system_error>

#include "util/error.h"

namespace stac2h3::store {

void prepareOutputPath(const std::filesystem::path& path, bool overwrite) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return;
  if (!overwrite) {
    throw InputError(path.string() + ": already exists (pass --overwrite to replace it)");
  }
  std::filesystem::remove_all(path, error);
  if (error) throw Error(path.string() + ": cannot remove: " + error.message());
}

}  // namespace stac2h3::store
