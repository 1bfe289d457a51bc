/** @file store_swap.cpp
 * @brief Exchanging the updated store with the old one (see store_swap.h).
 */
#include "update/store_swap.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <stdio.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "util/error.h"

namespace stac2h3::update {

namespace {

std::filesystem::path oldPath(const std::filesystem::path& store) {
  return store.string() + ".update-old";
}

}  // namespace

std::filesystem::path stagingPath(const std::filesystem::path& store) {
  return store.string() + ".update-tmp";
}

void recoverInterruptedUpdate(const std::filesystem::path& store) {
  const std::filesystem::path old = oldPath(store);
  if (!std::filesystem::exists(store) && std::filesystem::exists(old)) {
    std::filesystem::rename(old, store);
  }
  std::filesystem::remove_all(old);
  std::filesystem::remove_all(stagingPath(store));
}

void swapInStore(const std::filesystem::path& staged, const std::filesystem::path& store) {
  if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, store.c_str(), RENAME_EXCHANGE) != 0) {
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
      throw Error(store.string() +
                  ": cannot put the updated store in place: " + std::strerror(errno));
    }
    // No atomic exchange here: two renames, which recoverInterruptedUpdate() completes.
    std::filesystem::rename(store, oldPath(store));
    std::filesystem::rename(staged, store);
    std::filesystem::remove_all(oldPath(store));
    return;
  }
  std::filesystem::remove_all(staged);
}

}  // namespace stac2h3::update
