/** @file chunk_row_patch_test.cpp
 * @brief patchChunkRow: a row of hand-written chunk files (two cell chunks, the last one
 * padded) patched with a recomputed day, a cleared day and kept days; every value of every
 * new chunk file, padding included, checked against the hand-computed row.
 */
#include "update/chunk_row_patch.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "store/zarr_chunk_file.h"

namespace stac2h3::update {
namespace {

namespace fs = std::filesystem;

constexpr store::ChunkShape kShape{4, 3};  // 4 days x 3 cells
constexpr int64_t kCells = 5;              // cell chunks 0 (cells 0-2) and 1 (3-4, padded)
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

template <typename T>
std::span<const uint8_t> bytesOf(const std::vector<T>& values) {
  return {reinterpret_cast<const uint8_t*>(values.data()), values.size() * sizeof(T)};
}

template <typename T>
std::vector<T> readChunk(const fs::path& file) {
  std::vector<T> values(static_cast<size_t>(kShape.days * kShape.cells));
  EXPECT_TRUE(
      store::readChunkFile(file, values.size() * sizeof(T),
                           {reinterpret_cast<uint8_t*>(values.data()), values.size() * sizeof(T)}));
  return values;
}

class ChunkRowPatchTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("stac2h3_row_patch_" + std::to_string(::getpid()));
    for (const char* array : {"v", "obs_fraction", "n_items"}) {
      fs::create_directories(root_ / "old" / array);
      fs::create_directories(root_ / "new" / array);
    }
  }
  void TearDown() override { fs::remove_all(root_); }

  /** A patch of the test's arrays from old row `old_row` into new row `new_row`. */
  ChunkRowPatch patchOfRows(int64_t old_row, int64_t new_row) const {
    ChunkRowPatch patch;
    patch.old_group = root_ / "old";
    patch.new_group = root_ / "new";
    patch.arrays = {"v", "obs_fraction", "n_items"};
    patch.chunk = kShape;
    patch.num_cells = kCells;
    patch.old_row = old_row;
    patch.new_row = new_row;
    return patch;
  }

  fs::path root_;
};

TEST_F(ChunkRowPatchTest, KeptRecomputedAndClearedDaysChunkByChunk) {
  // Old row 2: float (day, cell) = 1000 + day*10 + cell (+0.5 for obs_fraction), count
  // day + 1; the padding cell 5 is the fill, as the writer leaves it.
  for (int64_t chunk = 0; chunk < 2; ++chunk) {
    std::vector<float> values(12, kNaN);
    std::vector<float> fractions(12, kNaN);
    std::vector<uint16_t> counts(12, 0);
    for (int64_t d = 0; d < 4; ++d) {
      for (int64_t c = 0; c < 3 && chunk * 3 + c < kCells; ++c) {
        const auto at = static_cast<size_t>(d * 3 + c);
        values[at] = static_cast<float>(1000 + d * 10 + chunk * 3 + c);
        fractions[at] = values[at] + 0.5f;
        counts[at] = static_cast<uint16_t>(d + 1);
      }
    }
    const std::string name = "2." + std::to_string(chunk);
    store::writeChunkFile(root_ / "old/v" / name, bytesOf(values), 1);
    store::writeChunkFile(root_ / "old/obs_fraction" / name, bytesOf(fractions), 1);
    store::writeChunkFile(root_ / "old/n_items" / name, bytesOf(counts), 1);
  }
  // The recomputation saw cells 1 and 4 on day 101 (the row's second day, first_day 100).
  store::CubeBlock fresh;
  fresh.reset(101, 1, 2, 1);
  fresh.floats[0] = {7.0f, 8.0f};
  fresh.floats[1] = {0.25f, 0.75f};
  fresh.n_items = {3, 4};
  const std::vector<int64_t> fresh_index{-1, 0, -1, -1, 1};

  ChunkRowPatch patch = patchOfRows(2, 5);
  patch.first_day = 100;
  patch.days = {DaySource::kOld, DaySource::kFresh, DaySource::kFill, DaySource::kOld};
  patch.fresh = &fresh;
  patch.fresh_index = &fresh_index;
  patchChunkRow(patch);

  for (int64_t chunk = 0; chunk < 2; ++chunk) {
    const std::string name = "5." + std::to_string(chunk);
    const auto values = readChunk<float>(root_ / "new/v" / name);
    const auto fractions = readChunk<float>(root_ / "new/obs_fraction" / name);
    const auto counts = readChunk<uint16_t>(root_ / "new/n_items" / name);
    for (int64_t d = 0; d < 4; ++d) {
      for (int64_t c = 0; c < 3; ++c) {
        const int64_t cell = chunk * 3 + c;
        const auto at = static_cast<size_t>(d * 3 + c);
        SCOPED_TRACE("day " + std::to_string(d) + " cell " + std::to_string(cell));
        float value = kNaN;
        float fraction = kNaN;
        uint16_t count = 0;
        if (cell < kCells && (d == 0 || d == 3)) {
          value = static_cast<float>(1000 + d * 10 + cell);
          fraction = value + 0.5f;
          count = static_cast<uint16_t>(d + 1);
        } else if (d == 1 && (cell == 1 || cell == 4)) {
          value = cell == 1 ? 7.0f : 8.0f;
          fraction = cell == 1 ? 0.25f : 0.75f;
          count = cell == 1 ? 3 : 4;
        }
        EXPECT_TRUE(std::isnan(value) ? std::isnan(values[at]) : values[at] == value);
        EXPECT_TRUE(std::isnan(fraction) ? std::isnan(fractions[at]) : fractions[at] == fraction);
        EXPECT_EQ(counts[at], count);
      }
    }
  }
}

TEST_F(ChunkRowPatchTest, AMissingOldChunkReadsAsTheFill) {
  ChunkRowPatch patch = patchOfRows(7, 0);  // old row 7 was never written
  patch.days.assign(4, DaySource::kOld);
  patchChunkRow(patch);
  for (const float value : readChunk<float>(root_ / "new/v/0.1")) EXPECT_TRUE(std::isnan(value));
  for (const uint16_t count : readChunk<uint16_t>(root_ / "new/n_items/0.0")) EXPECT_EQ(count, 0);
}

}  // namespace
}  // namespace stac2h3::update
