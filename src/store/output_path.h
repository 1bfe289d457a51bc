/** @file output_path.h
 * @brief The rule every writer of stac2h3 outputs follows: an existing output is replaced
 * only when the user asked for it (--overwrite).
 */
#pragma once

#include <filesystem>

namespace stac2h3::store {

/**
 * Makes `path` free for a new output.
 * @param path       a file or directory to be created.
 * @param overwrite  remove an existing `path` (file or directory tree) instead of refusing.
 * @throws stac2h3::InputError when `path` exists and `overwrite` is false;
 *         stac2h3::Error when it cannot be removed.
 */
void prepareOutputPath(const std::filesystem::path& path, bool overwrite);

}  // namespace stac2h3::store
