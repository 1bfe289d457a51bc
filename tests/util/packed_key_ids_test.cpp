/** @file packed_key_ids_test.cpp
 * @brief The open-addressed key table: ids kept through growth, zero as a key, clear()
 * forgetting every key at once and the table growing again after it.
 */
#include "util/packed_key_ids.h"

#include <gtest/gtest.h>

#include <unordered_map>

namespace stac2h3 {
namespace {

TEST(PackedKeyIds, KeepsEachKeysIdThroughGrowth) {
  PackedKeyIds ids;
  std::unordered_map<uint64_t, uint32_t> expected;
  for (uint32_t i = 0; i < 50000; ++i) {
    const uint64_t key = 0x85283473fffffffULL + 7919ULL * i;
    uint32_t& id = ids[key];
    EXPECT_EQ(id, 0u);
    id = i + 1;
    expected[key] = i + 1;
  }
  for (const auto& [key, id] : expected) EXPECT_EQ(ids[key], id);
  uint32_t& zero = ids[0];  // zero is a key like any other
  EXPECT_EQ(zero, 0u);
  zero = 5;
  EXPECT_EQ(ids[0], 5u);
}

TEST(PackedKeyIds, ClearForgetsEveryKeyAndTheTableGrowsAgain) {
  PackedKeyIds ids;
  for (uint64_t key = 1; key <= 3000; ++key) ids[key] = 1;
  ids.clear();
  for (uint64_t key = 1; key <= 3000; ++key) EXPECT_EQ(ids[key], 0u) << key;
  ids.clear();
  // More keys than before the clear: the table grows, carrying only the current keys.
  for (uint64_t key = 10000; key < 20000; ++key) ids[key] = static_cast<uint32_t>(key);
  for (uint64_t key = 10000; key < 20000; ++key) EXPECT_EQ(ids[key], key);
  EXPECT_EQ(ids[1], 0u);
}

}  // namespace
}  // namespace stac2h3
