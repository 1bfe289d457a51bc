/** @file zarr_cube_writer_test.cpp
 * @brief The Zarr cube writer, read back independently by xarray.open_zarr (Debian python3).
 */
#include "store/zarr_cube_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "support/shared_data.h"
#include "util/error.h"

namespace stac2h3::store {
namespace {

namespace fs = std::filesystem;

fs::path scratchDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("stac2h3_resample_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

CubeDescription smallDescription() {
  CubeDescription description;
  description.resolution = 3;
  description.first_day = 19723;  // 2024-01-01
  description.num_days = 20;
  description.cells = {0x831f8dfffffffffULL, 0x831f89fffffffffULL + 0x10000000000ULL,
                       0x83aa50fffffffffULL};
  std::sort(description.cells.begin(), description.cells.end());
  description.text_attributes = {{"source_api", "https://example.test/stac"},
                                 {"collection", "sentinel-2-l2a"}};
  description.item_count = 42;
  return description;
}

TEST(ZarrCubeWriter, XarrayReadsTheSameNumbers) {
  const fs::path dir = scratchDir("xarray");
  const fs::path cube = dir / "cube.zarr";
  const CubeDescription description = smallDescription();
  CubeLayout layout;
  layout.time_chunk = 16;
  layout.cell_chunk = 2;
  const auto num_cells = static_cast<int64_t>(description.cells.size());
  std::ofstream expected(dir / "expected.txt");
  expected << description.first_day << ' ' << description.num_days << ' ' << description.resolution;
  for (auto cell : description.cells) expected << ' ' << cell;
  expected << '\n';
  {
    ZarrCubeWriter writer(cube, description, layout);
    for (int32_t first = 0; first < description.num_days; first += layout.time_chunk) {
      CubeBlock block;
      const int32_t days = std::min(layout.time_chunk, description.num_days - first);
      block.reset(description.first_day + first, days, num_cells, description.variables.size());
      for (int32_t d = 0; d < days; ++d) {
        for (int64_t c = 0; c < num_cells; ++c) {
          const int32_t day = first + d;
          if ((day + c) % 3 == 0) continue;  // not observed: NaN / 0
          const size_t at = static_cast<size_t>(d * num_cells + c);
          for (size_t v = 0; v < block.floats.size(); ++v) {
            const float value = static_cast<float>(day) * 1.25f +
                                static_cast<float>(c * 7 + static_cast<int64_t>(v)) / 3.0f;
            block.floats[v][at] = value;
            expected << cube::dataVariables(description.variables)[v] << ' ' << day << ' ' << c
                     << ' ';
            char text[32];
            std::snprintf(text, sizeof text, "%.9g", static_cast<double>(value));
            expected << text << '\n';
          }
          block.n_items[at] = static_cast<uint16_t>(day + 1);
          expected << "n_items " << day << ' ' << c << ' ' << day + 1 << '\n';
        }
      }
      writer.write(block);
    }
    writer.close();
  }
  expected.close();
  const std::string command = "/usr/bin/python3 " +
                              test::sourceFile("tests/resample/check_cube.py").string() + " " +
                              cube.string() + " " + (dir / "expected.txt").string();
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  fs::remove_all(dir);
}

TEST(ZarrCubeWriter, RefusesToOverwriteUnlessAsked) {
  const fs::path dir = scratchDir("overwrite");
  const fs::path cube = dir / "cube.zarr";
  const CubeDescription description = smallDescription();
  { ZarrCubeWriter writer(cube, description); }
  EXPECT_THROW(ZarrCubeWriter(cube, description), InputError);
  EXPECT_NO_THROW(ZarrCubeWriter(cube, description, defaultCubeLayout(), true));
  fs::remove_all(dir);
}

TEST(ZarrCubeWriter, RejectsUnsortedCellsAndBlocksOutsideTheAxis) {
  const fs::path dir = scratchDir("reject");
  CubeDescription description = smallDescription();
  std::swap(description.cells[0], description.cells[1]);
  EXPECT_THROW(ZarrCubeWriter(dir / "a.zarr", description), InputError);
  description = smallDescription();
  {
    ZarrCubeWriter writer(dir / "b.zarr", description);
    CubeBlock block;
    block.reset(description.first_day + 15, 16, static_cast<int64_t>(description.cells.size()),
                description.variables.size());
    EXPECT_THROW(writer.write(block), Error);
  }
  fs::remove_all(dir);
}

TEST(ZarrCubeWriter, AChunkThatCannotBeWrittenFailsTheCloseNamingIt) {
  // Chunks are written in the background: a failure surfaces at close() (or a later write),
  // never as a cube that only looks complete.
  const fs::path dir = scratchDir("unwritable");
  const fs::path cube = dir / "cube.zarr";
  const CubeDescription description = smallDescription();
  ZarrCubeWriter writer(cube, description);
  const std::string blocked = cube::dataVariables(description.variables)[0];
  fs::remove_all(cube / blocked);
  std::ofstream(cube / blocked) << "a file where the array's directory was";
  CubeBlock block;
  block.reset(description.first_day, description.num_days,
              static_cast<int64_t>(description.cells.size()), description.variables.size());
  try {
    writer.write(block);
    writer.close();
    ADD_FAILURE() << "no error for an unwritable chunk";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find(blocked + "/0.0"), std::string::npos) << error.what();
  }
  fs::remove_all(dir);
}

/** Every file of a store, by its path inside it, with its bytes. */
std::map<std::string, std::string> storeFiles(const fs::path& store) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(store)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    files[fs::relative(entry.path(), store).string()] =
        std::string(std::istreambuf_iterator<char>(in), {});
  }
  return files;
}

TEST(ZarrCubeWriter, BlocksOfCellChunksWriteTheSameChunksAsWholeBlocks) {
  const fs::path dir = scratchDir("narrow");
  CubeDescription description = smallDescription();
  description.num_days = 6;
  description.cells = h3::gridDisk(description.cells[0], 1);
  description.cells.resize(5);
  std::sort(description.cells.begin(), description.cells.end());
  CubeLayout layout = defaultCubeLayout();
  layout.time_chunk = 4;
  layout.cell_chunk = 2;
  const size_t num_values = description.variables.size();
  // The whole cube, as one block per time chunk; values made up, some NaN.
  const auto wholeBlock = [&](int32_t first, int32_t days) {
    CubeBlock block;
    block.reset(description.first_day + first, days, 5, num_values);
    for (size_t a = 0; a < block.floats.size(); ++a) {
      for (size_t i = 0; i < block.floats[a].size(); ++i) {
        const size_t n = (a * 31 + i * 7 + static_cast<size_t>(first)) % 11;
        block.floats[a][i] = n == 0 ? NAN : static_cast<float>(n) * 1.5f;
        block.n_items[i] = static_cast<uint16_t>(n);
      }
    }
    return block;
  };
  {
    ZarrCubeWriter writer(dir / "whole.zarr", description, layout);
    writer.write(wholeBlock(0, 4));
    writer.write(wholeBlock(4, 2));
  }
  {
    ZarrCubeWriter writer(dir / "narrow.zarr", description, layout);
    for (const int32_t first : {0, 4}) {
      const CubeBlock whole = wholeBlock(first, first == 0 ? 4 : 2);
      for (const auto& [first_cell, cells] : {std::pair{0, 2}, {2, 2}, {4, 1}}) {
        CubeBlock narrow;
        narrow.reset(whole.first_day, whole.num_days, cells, num_values);
        narrow.first_cell = first_cell;
        for (int32_t d = 0; d < whole.num_days; ++d) {
          for (int c = 0; c < cells; ++c) {
            const size_t from = static_cast<size_t>(d * 5 + first_cell + c);
            const size_t to = static_cast<size_t>(d * cells + c);
            for (size_t a = 0; a < whole.floats.size(); ++a) {
              narrow.floats[a][to] = whole.floats[a][from];
            }
            narrow.n_items[to] = whole.n_items[from];
          }
        }
        writer.write(narrow);
      }
    }
    // Cells that do not start on a chunk, or stop inside one before the last cell.
    CubeBlock bad;
    bad.reset(description.first_day, 4, 2, num_values);
    bad.first_cell = 1;
    EXPECT_THROW(writer.write(bad), Error);
    bad.reset(description.first_day, 4, 3, num_values);
    EXPECT_THROW(writer.write(bad), Error);
  }
  const auto whole = storeFiles(dir / "whole.zarr");
  EXPECT_EQ(whole.count("cloud_cover/1.2"), 1u);  // day chunk 1, cell chunk 2
  EXPECT_EQ(storeFiles(dir / "narrow.zarr"), whole);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace stac2h3::store
