/** @file item_sink.h
 * @brief Where a download puts its items and its resume state: an interface, so the
 * download engine (src/stac) does not depend on the GeoPackage writer (src/store) that the
 * CLI plugs in.
 */
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string>

#include "stac/item.h"

namespace stac2h3::stac {

/** Calls come from one thread at a time (the engine serialises them). */
class ItemSink {
 public:
  virtual ~ItemSink() = default;

  /** Names the destination in messages, e.g. the file path. */
  virtual std::string name() const = 0;
  /**
   * Stores one page's items durably in one step, and records `finished_slice` (unless "")
   * in that same step. Items are unique by (collection, id): a repeat replaces the copy.
   * @return how many items were new.
   * @throws stac2h3::Error when they cannot be stored (nothing of the step is then kept).
   */
  virtual int64_t write(std::span<const Item> items, const std::string& finished_slice) = 0;
  /** The keys of the slices recorded as finished. */
  virtual std::set<std::string> doneSlices() const = 0;
  /** The key/value metadata. */
  virtual std::map<std::string, std::string> metadata() const = 0;
  /** Sets one metadata entry. @throws stac2h3::Error on failure. */
  virtual void setMetadata(const std::string& key, const std::string& value) = 0;
};

}  // namespace stac2h3::stac
