/** @file footprint_registry_test.cpp
 * @brief FootprintRegistry: equal footprints share an id, others get their own, whether
 * recognised among the candidates, by the table, or decoded anew.
 */
#include "resample/footprint_registry.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "geo/test_footprints.h"

namespace stac2h3::resample {
namespace {

/** A square of ~100 km centred at (lon, 0). */
geo::MultiPolygon square(double lon) {
  return test::squareFootprint(lon, 0.0, 50.0, 0.0);
}

/** Bytes that stand for square(lon) (the registry does not look inside them). */
std::vector<uint8_t> bytesOf(double lon) {
  const std::string text = "square at " + std::to_string(lon);
  return {text.begin(), text.end()};
}

/** Interns bytesOf(lon), counting the decodes. */
uint32_t intern(FootprintRegistry& registry, double lon, std::span<const uint32_t> candidates,
                int& decodes) {
  const std::vector<uint8_t> bytes = bytesOf(lon);
  return registry.intern(bytes, candidates, [&](std::span<const uint8_t>, geo::MultiPolygon& out) {
    ++decodes;
    out = square(lon);
  });
}

TEST(FootprintRegistry, EqualBytesShareAnIdAndAreDecodedOnce) {
  FootprintRegistry registry;
  int decodes = 0;
  const uint32_t a = intern(registry, 0.0, {}, decodes);
  const uint32_t b = intern(registry, 5.0, {}, decodes);
  EXPECT_NE(a, b);
  EXPECT_EQ(decodes, 2);
  // Found by the table (no candidates), among the candidates, and past candidates that are
  // other footprints or ids not interned yet.
  EXPECT_EQ(intern(registry, 0.0, {}, decodes), a);
  const std::vector<uint32_t> candidates = {b, 99, a};
  EXPECT_EQ(intern(registry, 0.0, candidates, decodes), a);
  const std::vector<uint32_t> others = {b, 99};
  EXPECT_EQ(intern(registry, 0.0, others, decodes), a);
  EXPECT_EQ(decodes, 2);
  EXPECT_EQ(registry.size(), 2u);
  EXPECT_EQ(registry.footprint(b), square(5.0));
  // New bytes are decoded even when candidates are given.
  const uint32_t c = intern(registry, 9.0, candidates, decodes);
  EXPECT_EQ(decodes, 3);
  EXPECT_NE(c, a);
  EXPECT_NE(c, b);
  EXPECT_EQ(registry.footprint(c), square(9.0));
}

TEST(FootprintRegistry, DecodedFootprintsAreRecognisedByTheirCoordinates) {
  FootprintRegistry registry;
  const uint32_t a = registry.intern(square(0.0));
  EXPECT_EQ(registry.intern(square(0.0)), a);
  EXPECT_NE(registry.intern(square(1e-9)), a);  // one coordinate's last digits differ
  EXPECT_EQ(registry.size(), 2u);
}

TEST(FootprintRegistry, AFailedDecodeRegistersNothing) {
  FootprintRegistry registry;
  const std::vector<uint8_t> bytes = bytesOf(3.0);
  EXPECT_THROW(
      registry.intern(bytes, [](std::span<const uint8_t>,
                                geo::MultiPolygon&) { throw std::runtime_error("bad geometry"); }),
      std::runtime_error);
  EXPECT_EQ(registry.size(), 0u);
  int decodes = 0;
  EXPECT_EQ(intern(registry, 3.0, {}, decodes), 0u);
  EXPECT_EQ(decodes, 1);
}

}  // namespace
}  // namespace stac2h3::resample
