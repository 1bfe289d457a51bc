/** @file item_output.h
 * @brief The `-o` file of a selection, its type from the extension: `.json` a STAC
 * ItemCollection, `.ndjson` one item per line, `.txt` one id per line.
 */
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace stac2h3::select {

enum class ItemsFormat { kItemCollection, kNdjson, kIds };

/** The format of `path` by its extension.
 * @throws stac2h3::InputError naming the file for another extension. */
ItemsFormat itemsFormatOf(const std::filesystem::path& path);

/**
 * Writes the selected items in rank order (windows one after the other), replacing the file
 * (written under a temporary name, then renamed).
 * @param features  each item as compact JSON (for .json and .ndjson).
 * @param ids       each item's id (for .txt), in the same order.
 * @throws stac2h3::Error when the file cannot be written.
 */
void writeSelectedItems(const std::filesystem::path& path, const std::vector<std::string>& features,
                        const std::vector<std::string>& ids);

/** Writes `text` to `path` under a temporary name, then renames it into place.
 * @throws stac2h3::Error naming the file when it cannot be written. */
void writeTextFile(const std::filesystem::path& path, const std::string& text);

}  // namespace stac2h3::select
