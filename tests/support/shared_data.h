/** @file shared_data.h
 * @brief Locating the real STAC data beside the checkout (../shared/data) and the
 * project's npm packages; tests that need them skip cleanly where they are absent.
 */
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace stac2h3::test {

/** Path of a file under ../shared/data, e.g. "sentinel2-stac/items/cdse.ndjson". */
inline std::filesystem::path sharedData(const std::string& relative) {
  return std::filesystem::path(STAC2H3_SHARED_DATA) / relative;
}

/** Path of a file in the source tree. */
inline std::filesystem::path sourceFile(const std::string& relative) {
  return std::filesystem::path(STAC2H3_SOURCE_DIR) / relative;
}

/** Path of an installed npm package's file, e.g. "world-atlas/land-110m.json". */
inline std::filesystem::path nodeModule(const std::string& relative) {
  return std::filesystem::path(STAC2H3_NODE_MODULES) / relative;
}

}  // namespace stac2h3::test

/** Skips the current test when the shared file is not there. */
#define STAC2H3_REQUIRE_SHARED(path)                                         \
  do {                                                                       \
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "absent: " << (path); \
  } while (0)
