/** @file pyramid_cli_test.cpp
 * @brief `resample --pyramid` end to end on small synthetic items: every level, opened by
 * xarray from its group, equals a separate `resample --res L` value for value; the root's
 * multiscales layout names every group (check_pyramid.py); `plot --level` draws a level and
 * refuses one the store lacks.
 */
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/shared_data.h"

namespace {

namespace fs = std::filesystem;

/** Runs a shell command; its exit status. */
int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string stac2h3(const std::string& arguments) {
  return std::string("'") + STAC2H3_BINARY + "' " + arguments + " 2>/dev/null";
}

class PyramidCli : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("stac2h3_pyramid_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    items_ = (dir_ / "items.gpkg").string();
    ASSERT_EQ(
        run(stac2h3("synth --start 2025-06-01 --end 2025-06-12 --bbox 5,44,12,49 -o " + items_)),
        0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string items_;
};

TEST_F(PyramidCli, EveryLevelEqualsASeparateResampleAndPlots) {
  constexpr int kFinest = 4;
  constexpr int kCoarsest = 1;
  const std::string pyramid = (dir_ / "pyramid.zarr").string();
  ASSERT_EQ(run(stac2h3("resample " + items_ + " --res 4 --pyramid --min-level 1 -o " + pyramid)),
            0);
  for (int res = kFinest; res >= kCoarsest; --res) {
    const std::string single = (dir_ / ("single" + std::to_string(res) + ".zarr")).string();
    ASSERT_EQ(
        run(stac2h3("resample " + items_ + " --res " + std::to_string(res) + " -o " + single)), 0);
  }
  const std::string check = "/usr/bin/python3 " +
                            stac2h3::test::sourceFile("tests/resample/check_pyramid.py").string() +
                            " " + pyramid + " 4 1 " + (dir_ / "single{res}.zarr").string();
  EXPECT_EQ(run(check), 0) << check;

  const fs::path png = dir_ / "level2.png";
  EXPECT_EQ(run(stac2h3("plot " + pyramid + " --var cloud_cover --level 2 --size 128 -o " +
                        png.string())),
            0);
  EXPECT_TRUE(fs::exists(png) && fs::file_size(png) > 1000);
  // The default is the finest level; a level the store lacks is bad input (status 2).
  EXPECT_EQ(run(stac2h3("plot " + pyramid + " --var n_items --size 128 -o " +
                        (dir_ / "finest.png").string())),
            0);
  EXPECT_EQ(run(stac2h3("plot " + pyramid + " --var n_items --level 0 --size 128 -o " +
                        (dir_ / "none.png").string())),
            2);
  EXPECT_FALSE(fs::exists(dir_ / "none.png"));
}

TEST_F(PyramidCli, MinLevelAboveResIsBadInput) {
  EXPECT_EQ(run(stac2h3("resample " + items_ + " --res 2 --pyramid --min-level 3 -o " +
                        (dir_ / "bad.zarr").string())),
            2);
  EXPECT_FALSE(fs::exists(dir_ / "bad.zarr"));
}

}  // namespace
