/** @file cell_area_cache_test.cpp
 * @brief CellAreaCache: saved areas come back bit for bit equal to geo::exactCellAreaKm2
 * without computing; new cells are computed and kept by the next save; a file of another
 * software version or a damaged one is ignored.
 */
#include "update/cell_area_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "geo/cell_area.h"

namespace stac2h3::update {
namespace {

// Cells at two resolutions (a pyramid's levels share the file): Paris at res 5 and res 3.
constexpr h3::Cell kParis5 = 0x851fb467fffffffULL;
constexpr h3::Cell kParis3 = 0x831fb4fffffffffULL;
constexpr h3::Cell kQuito5 = 0x8566d33bfffffffULL;

class CellAreaCacheTest : public testing::Test {
 protected:
  void SetUp() override {
    file_ = std::filesystem::temp_directory_path() /
            ("stac2h3_cell_areas_" + std::to_string(::getpid()));
  }
  void TearDown() override { std::filesystem::remove(file_); }
  std::filesystem::path file_;
};

TEST_F(CellAreaCacheTest, SavedAreasAreAnsweredBitForBitWithoutComputing) {
  {
    CellAreaCache cache;
    const auto areas = cache.areas();
    EXPECT_EQ(areas(kParis5), geo::exactCellAreaKm2(kParis5));
    EXPECT_EQ(areas(kParis3), geo::exactCellAreaKm2(kParis3));
    EXPECT_EQ(cache.misses(), 2);
    ASSERT_TRUE(cache.save(file_));
  }
  {
    CellAreaCache cache(file_);
    const auto areas = cache.areas();
    EXPECT_EQ(areas(kParis3), geo::exactCellAreaKm2(kParis3));
    EXPECT_EQ(areas(kParis5), geo::exactCellAreaKm2(kParis5));
    EXPECT_EQ(cache.misses(), 0);
    EXPECT_EQ(areas(kQuito5), geo::exactCellAreaKm2(kQuito5));
    EXPECT_EQ(cache.misses(), 1);
    ASSERT_TRUE(cache.save(file_));
  }
  CellAreaCache cache(file_);
  const auto areas = cache.areas();
  for (const h3::Cell cell : {kQuito5, kParis5, kParis3}) {
    EXPECT_EQ(areas(cell), geo::exactCellAreaKm2(cell));
  }
  EXPECT_EQ(cache.misses(), 0);
}

TEST_F(CellAreaCacheTest, AnotherVersionOrADamagedFileIsIgnored) {
  {
    CellAreaCache cache;
    cache.areas()(kParis5);
    ASSERT_TRUE(cache.save(file_));
  }
  const auto size = std::filesystem::file_size(file_);
  std::filesystem::resize_file(file_, size - 1);  // cut in the last area
  {
    CellAreaCache cache(file_);
    EXPECT_EQ(cache.areas()(kParis5), geo::exactCellAreaKm2(kParis5));
    EXPECT_EQ(cache.misses(), 1);
  }
  {
    std::ofstream(file_, std::ios::binary) << "stac2h3 cell areas 0.0.0-other\n";
    CellAreaCache cache(file_);
    cache.areas()(kParis5);
    EXPECT_EQ(cache.misses(), 1);
  }
}

}  // namespace
}  // namespace stac2h3::update
