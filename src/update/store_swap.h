/** @file store_swap.h
 * @brief Putting an updated store in place of the old one so that a kill at any moment
 * leaves a readable cube: the new store is written beside the old, then the two directories
 * are exchanged in one step, then the old one is removed.
 */
#pragma once

#include <filesystem>

namespace stac2h3::update {

/** Where the new store of `store` is written: `<store>.update-tmp`. */
std::filesystem::path stagingPath(const std::filesystem::path& store);

/**
 * Undoes what a killed update left: a staging directory (a partial new store, or the old
 * store after the exchange) is removed, and a store that the fallback rename left at
 * `<store>.update-old` (killed between its two renames) is put back first.
 * @throws stac2h3::Error when the file system refuses.
 */
void recoverInterruptedUpdate(const std::filesystem::path& store);

/**
 * Exchanges `staged` (the complete new store) with `store` atomically (Linux renameat2
 * RENAME_EXCHANGE), then removes the old store, now at `staged`. On a file system without
 * the exchange: `store` is renamed to `<store>.update-old`, `staged` to `store`, and the old
 * one removed (recoverInterruptedUpdate() repairs a kill between the renames).
 * @throws stac2h3::Error when the file system refuses.
 */
void swapInStore(const std::filesystem::path& staged, const std::filesystem::path& store);

}  // namespace stac2h3::update
