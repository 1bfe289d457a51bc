/** @file test_gpkg_geometry.cpp
 * @brief GeoPackage geometry blobs: round trip, envelope, big-endian WKB, bad blobs.
 */
#include <gtest/gtest.h>

#include <cstring>

#include "store/gpkg_geometry.h"
#include "store/items_gpkg.h"
#include "util/error.h"

namespace stac2h3::store {
namespace {

geo::MultiPolygon twoParts() {
  return {{geo::Polygon{{{179, 0}, {180, 0}, {180, 1}, {179, 1}},
                        {{{179.2, 0.2}, {179.2, 0.4}, {179.4, 0.4}}}},
           geo::Polygon{{{-180, 0}, {-179, 0}, {-179, 1.5}}, {}}}};
}

TEST(GpkgGeometry, RoundTripsAndHasTheEnvelope) {
  std::vector<uint8_t> blob;
  encodeGpkgGeometry(twoParts(), blob);
  ASSERT_GT(blob.size(), 40u);
  EXPECT_EQ(blob[0], 'G');
  EXPECT_EQ(blob[1], 'P');
  geo::MultiPolygon back;
  decodeGpkgGeometry(blob, back);
  EXPECT_EQ(back, twoParts());
  const Envelope e = gpkgEnvelope(blob);
  EXPECT_FALSE(e.empty);
  EXPECT_EQ(e.min_x, -180.0);
  EXPECT_EQ(e.max_x, 180.0);
  EXPECT_EQ(e.min_y, 0.0);
  EXPECT_EQ(e.max_y, 1.5);
}

TEST(GpkgGeometry, ReadsBigEndianPolygonWithoutEnvelope) {
  // 'GP', version 0, flags 0 (big-endian header, no envelope), srs 4326, then a big-endian
  // WKB Polygon with one closed ring of 4 points: (0 0, 1 0, 0 1, 0 0).
  std::vector<uint8_t> blob = {'G', 'P', 0, 0, 0, 0, 0x10, 0xE6, 0, 0, 0,
                               0,   3,   0, 0, 0, 1, 0,    0,    0, 4};
  auto put = [&](double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, 8);
    for (int i = 7; i >= 0; --i) blob.push_back(static_cast<uint8_t>(bits >> (8 * i)));
  };
  for (double d : {0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0}) put(d);
  geo::MultiPolygon back;
  decodeGpkgGeometry(blob, back);
  ASSERT_EQ(back.polygons.size(), 1u);
  EXPECT_EQ(back.polygons[0].outer, (geo::Ring{{0, 0}, {1, 0}, {0, 1}}));
  const Envelope e = gpkgEnvelope(blob);  // computed from the WKB
  EXPECT_EQ(e.max_x, 1.0);
  EXPECT_EQ(e.max_y, 1.0);
}

TEST(GpkgGeometry, EveryTruncationThrows) {
  std::vector<uint8_t> blob;
  encodeGpkgGeometry(twoParts(), blob);
  geo::MultiPolygon out;
  for (size_t length = 0; length < blob.size(); ++length) {
    EXPECT_THROW(decodeGpkgGeometry(std::span(blob.data(), length), out), Error) << length;
  }
}

TEST(GpkgGeometry, HugeCountsDoNotAllocate) {
  std::vector<uint8_t> blob = {'G', 'P', 0, 1, 0xE6, 0x10, 0,    0,   1,
                               6,   0,   0, 0, 0xff, 0xff, 0xff, 0x7f};
  geo::MultiPolygon out;
  EXPECT_THROW(decodeGpkgGeometry(blob, out), Error);
}

}  // namespace
}  // namespace stac2h3::store
