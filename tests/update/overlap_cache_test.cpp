/** @file overlap_cache_test.cpp
 * @brief OverlapCache: a saved cache answers the same footprints with the same bits without
 * computing; another footprint, resolution or software version is computed.
 */
#include "update/overlap_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

namespace stac2h3::update {
namespace {

geo::MultiPolygon square(double lon) {
  geo::MultiPolygon footprint;
  footprint.polygons.push_back({{{lon, 0}, {lon + 1, 0}, {lon + 1, 1}, {lon, 1}}, {}});
  return footprint;
}

/** A stand-in computation: one "cell" per call numbered by the calls so far, area 1/3; the
 * footprint at lon 9 is unusable. */
resample::CellAreaFunction counting(std::atomic<int>& calls) {
  return [&calls](const geo::MultiPolygon& footprint, int res, std::vector<resample::CellArea>& out,
                  std::string& reason) {
    out = {{static_cast<h3::Cell>(++calls * 100 + res), 1.0 / 3.0}};
    if (footprint.polygons[0].outer[0].lon == 9) {
      reason = "bad footprint";
      return false;
    }
    return true;
  };
}

class OverlapCacheTest : public testing::Test {
 protected:
  void SetUp() override {
    file_ =
        std::filesystem::temp_directory_path() / ("stac2h3_overlaps_" + std::to_string(::getpid()));
  }
  void TearDown() override { std::filesystem::remove(file_); }
  std::filesystem::path file_;
};

TEST_F(OverlapCacheTest, SavedOverlapsAreAnsweredBitForBitWithoutComputing) {
  std::atomic<int> calls{0};
  {
    OverlapCache cache;
    const auto areas = cache.cellAreas(counting(calls));
    std::vector<resample::CellArea> out;
    std::string reason;
    EXPECT_TRUE(areas(square(1), 5, out, reason));
    EXPECT_FALSE(areas(square(9), 5, out, reason));
    EXPECT_EQ(cache.misses(), 2);
    ASSERT_TRUE(cache.save(file_));
  }
  OverlapCache cache(file_);
  const auto areas = cache.cellAreas(counting(calls));
  std::vector<resample::CellArea> out;
  std::string reason;
  EXPECT_TRUE(areas(square(1), 5, out, reason));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].cell, 105u);  // the first call's answer
  EXPECT_EQ(out[0].area_km2, 1.0 / 3.0);
  EXPECT_FALSE(areas(square(9), 5, out, reason));
  EXPECT_EQ(reason, "bad footprint");
  EXPECT_EQ(calls.load(), 2);
  EXPECT_EQ(cache.hits(), 2);
  // Another resolution, another footprint: computed.
  EXPECT_TRUE(areas(square(1), 4, out, reason));
  EXPECT_TRUE(areas(square(1.5), 5, out, reason));
  EXPECT_EQ(calls.load(), 4);
  EXPECT_EQ(cache.misses(), 2);
}

TEST_F(OverlapCacheTest, AFileOfAnotherVersionOrTruncatedIsIgnored) {
  std::ofstream(file_) << "stac2h3 overlaps 0.0.0-other\n";
  std::atomic<int> calls{0};
  OverlapCache cache(file_);
  std::vector<resample::CellArea> out;
  std::string reason;
  EXPECT_TRUE(cache.cellAreas(counting(calls))(square(1), 5, out, reason));
  EXPECT_EQ(calls.load(), 1);
  {
    OverlapCache saved;
    saved.cellAreas(counting(calls))(square(2), 5, out, reason);
    ASSERT_TRUE(saved.save(file_));
  }
  std::filesystem::resize_file(file_, std::filesystem::file_size(file_) - 3);
  OverlapCache truncated(file_);
  truncated.cellAreas(counting(calls))(square(2), 5, out, reason);
  EXPECT_EQ(truncated.hits(), 0);
}

}  // namespace
}  // namespace stac2h3::update
