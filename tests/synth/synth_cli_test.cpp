/** @file synth_cli_test.cpp
 * @brief The `stac2h3 synth` command: bad input stops with one line and leaves no output
 * file; good input writes items.
 */
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/shell_run.h"

namespace stac2h3::synth {
namespace {

namespace fs = std::filesystem;

using CliRun = test::ShellRun;

CliRun runSynth(const std::string& arguments) {
  return test::runShell(std::string(STAC2H3_BINARY) + " synth " + arguments + " 2>&1");
}

/** A fresh scratch folder per test. */
class SynthCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("stac2h3_synth_cli_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  /** Runs synth with `arguments` and `-o <dir>/<name>`, expecting a one-line refusal that
   * mentions `expected` and no output file. */
  void expectRefused(const std::string& arguments, const std::string& name,
                     const std::string& expected) {
    const fs::path output = dir_ / name;
    const CliRun run = runSynth(arguments + " -o " + output.string());
    EXPECT_EQ(run.status, 2) << run.output;
    EXPECT_EQ(std::count(run.output.begin(), run.output.end(), '\n'), 1) << run.output;
    EXPECT_NE(run.output.find(expected), std::string::npos) << run.output;
    EXPECT_FALSE(fs::exists(output)) << run.output;
  }

  fs::path dir_;
};

TEST_F(SynthCli, BadMonthLeavesNoFile) {
  expectRefused("--start 2025-13-01 --end 2025-12-31", "items.gpkg", "--start '2025-13-01'");
}

TEST_F(SynthCli, BadDayLeavesNoFile) {
  expectRefused("--start 2025-02-01 --end 2025-02-30", "items.ndjson", "--end '2025-02-30'");
}

TEST_F(SynthCli, EndBeforeStartLeavesNoFile) {
  expectRefused("--start 2025-06-30 --end 2025-06-01", "items.gpkg",
                "end date 2025-06-01 is before the start date 2025-06-30");
  expectRefused("--start 2025-06-30 --end 2025-06-01", "items.ndjson", "before the start date");
}

TEST_F(SynthCli, BadBboxLandOrTypeLeavesNoFile) {
  expectRefused("--start 2025-06-01 --end 2025-06-02 --bbox 1,2,3", "items.gpkg", "--bbox");
  expectRefused("--start 2025-06-01 --end 2025-06-02 --land " + (dir_ / "none.json").string(),
                "items.gpkg", "cannot read land polygons");
  expectRefused("--start 2025-06-01 --end 2025-06-02", "items.csv", "unknown output type");
}

TEST_F(SynthCli, ExistingOutputIsKeptWithoutOverwrite) {
  const fs::path output = dir_ / "items.ndjson";
  std::ofstream(output) << "keep me\n";
  const CliRun run = runSynth("--start 2025-06-01 --end 2025-06-02 -o " + output.string());
  EXPECT_EQ(run.status, 2) << run.output;
  EXPECT_NE(run.output.find("already exists"), std::string::npos) << run.output;
  EXPECT_EQ(fs::file_size(output), 8u);
}

TEST_F(SynthCli, WritesItemsOfAnArea) {
  const fs::path output = dir_ / "items.ndjson";
  const CliRun run = runSynth("--start 2025-06-01 --end 2025-06-10 --bbox 9.3,-0.6,9.5,-0.4 -o " +
                              output.string());
  ASSERT_EQ(run.status, 0) << run.output;
  std::ifstream in(output);
  int lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    EXPECT_NE(line.find("\"stac2h3:synthetic\":true"), std::string::npos);
  }
  // One to four tiles, each seen every five days at the equator (two satellites).
  EXPECT_GE(lines, 2);
  EXPECT_LT(lines, 40);
}

}  // namespace
}  // namespace stac2h3::synth
