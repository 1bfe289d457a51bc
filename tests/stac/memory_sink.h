/** @file memory_sink.h
 * @brief An ItemSink in memory for the download engine tests: keeps every write, so tests
 * can check that each item arrived exactly once and when slices were marked finished.
 */
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "stac/item_sink.h"

namespace stac2h3::test {

class MemorySink : public stac::ItemSink {
 public:
  std::string name() const override { return "memory"; }
  int64_t write(std::span<const stac::Item> items, const std::string& finished_slice) override {
    int64_t fresh = 0;
    for (const auto& item : items) {
      ++writes[item.collection + '/' + item.id];
      fresh += stored.insert_or_assign(item.collection + '/' + item.id, item).second ? 1 : 0;
    }
    if (!finished_slice.empty()) done.insert(finished_slice);
    return fresh;
  }
  std::set<std::string> doneSlices() const override { return done; }
  std::map<std::string, std::string> metadata() const override { return meta; }
  void setMetadata(const std::string& key, const std::string& value) override { meta[key] = value; }

  /** Items by "collection/id". */
  std::map<std::string, stac::Item> stored;
  /** How many times each "collection/id" was written. */
  std::map<std::string, int> writes;
  std::set<std::string> done;
  std::map<std::string, std::string> meta;
};

}  // namespace stac2h3::test
