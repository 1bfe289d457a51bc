/** @file cli_errors_test.cpp
 * @brief Every refusal of the stac2h3 command line is one stderr line starting "stac2h3: ",
 * naming what is wrong, with exit status 2: the argument parser's own errors (unknown flags,
 * bad numbers, values out of range, missing files), bad values found by the commands, and a
 * broken cube whose GDAL message is folded into our line instead of printed beside it.
 * --help and --version still exit 0.
 */
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/shared_data.h"

namespace stac2h3::cli {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/** A scratch folder per test; `run` executes `stac2h3 ARGS` there with empty stdin. */
class CliErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("stac2h3_cli_errors_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  CliRun run(const std::string& args) const {
    const std::string command = "cd '" + dir_.string() + "' && '" + STAC2H3_BINARY + "' " + args +
                                " < /dev/null > out.txt 2> err.txt";
    const int raw = std::system(command.c_str());
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(dir_ / "out.txt"),
            slurp(dir_ / "err.txt")};
  }

  /** Expects exit status 2 and one stderr line "stac2h3: ..." holding `expected`, with no
   * GDAL or argument-parser text beside it. */
  void expectRefused(const std::string& args, const std::string& expected) const {
    SCOPED_TRACE("stac2h3 " + args);
    const CliRun result = run(args);
    EXPECT_EQ(result.status, 2) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_EQ(result.err.rfind("stac2h3: ", 0), 0u) << result.err;
    EXPECT_NE(result.err.find(expected), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("ERROR 1"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("Run with --help"), std::string::npos) << result.err;
  }

  fs::path dir_;
};

/** An existing file, for flags that only check that a file exists before the bad flag. */
std::string anyFile() {
  return "'" + test::sourceFile("README.md").string() + "'";
}

TEST_F(CliErrors, ResolutionOutOfRangeExits2) {
  expectRefused("resample " + anyFile() + " --res 16 -o cube.zarr", "--res");
  expectRefused("resample " + anyFile() + " --res -1 -o cube.zarr", "--res");
  expectRefused("cells " + anyFile() + " --res 16 -o cells.gpkg", "--res");
  expectRefused("demo --res 10", "--res");
  expectRefused("h3 cell --res 16 10 20", "resolution must be 0..15");
  EXPECT_FALSE(fs::exists(dir_ / "cube.zarr"));
  EXPECT_FALSE(fs::exists(dir_ / "cells.gpkg"));
}

TEST_F(CliErrors, CoordinateOutOfRangeIsNamed) {
  expectRefused("h3 cell --res 3 91 0", "latitude out of range (-90..90) in '91 0'");
  expectRefused("h3 cell --res 3 -90.5 0", "latitude out of range (-90..90) in '-90.5 0'");
  expectRefused("h3 cell --res 3 0 361", "longitude out of range (-360..360) in '0 361'");
  expectRefused("h3 cell --res 3 ten 0", "expected lat,lng in decimal degrees, got 'ten 0'");
}

TEST_F(CliErrors, UnknownFlagsExit2ForEveryCommand) {
  for (const std::string command :
       {"download", "import", "simplify", "cells", "resample", "plot", "serve", "h3 cell",
        "h3 area", "h3 parent", "synth", "demo", ""}) {
    expectRefused(command + " --no-such-flag", "--no-such-flag");
  }
  expectRefused("no-such-command", "unknown argument 'no-such-command'");
  expectRefused("h3 no-such-verb", "unknown argument 'no-such-verb'");
  expectRefused("resample --strat 2024-01-01", "unknown argument '--strat'");
}

TEST_F(CliErrors, MissingCommandExits2) {
  expectRefused("", "subcommand");
  expectRefused("h3", "subcommand");
}

TEST_F(CliErrors, BadNumbersExit2) {
  expectRefused("cells " + anyFile() + " --res three -o cells.gpkg", "--res");
  expectRefused("resample " + anyFile() + " --jobs many -o cube.zarr", "--jobs");
  expectRefused("download --start 2024-01-01 --end 2024-01-02 --jobs 0 -o items.gpkg", "--jobs");
  expectRefused("download --start 2024-01-01 --end 2024-01-02 --limit lots -o items.gpkg",
                "--limit");
  expectRefused("download --start 2024-01-01 --end 2024-01-02 --timeout 0 -o items.gpkg",
                "--timeout");
  expectRefused("synth --start 2025-06-01 --end 2025-06-02 --seed x -o items.ndjson", "--seed");
  expectRefused("plot . --var cloud_cover --size 10 -o globe.png", "--size");
  expectRefused("plot . --var cloud_cover --agg mode -o globe.png", "--agg");
  expectRefused("serve . --port 70000", "--port");
  expectRefused("h3 parent 85283473fffffff x", "'x'");
  expectRefused("h3 disk 85283473fffffff -1", "'-1'");
  EXPECT_FALSE(fs::exists(dir_ / "items.gpkg"));
  EXPECT_FALSE(fs::exists(dir_ / "items.ndjson"));
}

TEST_F(CliErrors, BadDatesExit2) {
  expectRefused("download --start 2024-02-30 --end 2024-03-01 -o items.gpkg", "2024-02-30");
  expectRefused("synth --start 2025-13-01 --end 2025-12-31 -o items.gpkg", "2025-13-01");
  expectRefused("demo --start 2025-06-31", "2025-06-31");
  EXPECT_FALSE(fs::exists(dir_ / "items.gpkg"));
}

TEST_F(CliErrors, MissingFilesExit2) {
  expectRefused("import missing.ndjson -o items.gpkg", "missing.ndjson");
  expectRefused("simplify missing.gpkg -o small.gpkg", "missing.gpkg");
  expectRefused("cells missing.gpkg -o cells.gpkg", "missing.gpkg");
  expectRefused("resample missing.gpkg -o cube.zarr", "missing.gpkg");
  expectRefused("plot missing.zarr --var cloud_cover -o globe.png", "missing.zarr");
  expectRefused("serve missing.zarr", "missing.zarr");
  expectRefused("download --aoi missing.geojson --start 2024-01-01 --end 2024-01-02 -o items.gpkg",
                "missing.geojson");
  expectRefused("synth --aoi missing.geojson --start 2025-06-01 --end 2025-06-02 -o items.gpkg",
                "missing.geojson");
  for (const char* output : {"items.gpkg", "small.gpkg", "cells.gpkg", "cube.zarr", "globe.png"}) {
    EXPECT_FALSE(fs::exists(dir_ / output)) << output;
  }
}

TEST_F(CliErrors, AoiThatCannotBeSplitAtTheAntimeridianExits2) {
  // A bow tie across ±180 (found by fuzz/fuzz_aoi_geojson): the split cannot clip it.
  std::ofstream(dir_ / "bowtie.geojson")
      << R"({"type":"Polygon","coordinates":[[[176,-19],[-178,-19],[-178,-30],[177,-15],[176,-19]]]})";
  expectRefused("download --aoi bowtie.geojson --start 2024-01-01 --end 2024-01-02 -o items.gpkg",
                "bowtie.geojson: antimeridian split");
  expectRefused("synth --aoi bowtie.geojson --start 2025-06-01 --end 2025-06-02 -o items.gpkg",
                "bowtie.geojson: antimeridian split");
  EXPECT_FALSE(fs::exists(dir_ / "items.gpkg"));
}

TEST_F(CliErrors, BrokenCubeMetadataIsOneLineWithGdalsReason) {
  const fs::path cube = dir_ / "cube.zarr";
  fs::create_directories(cube);
  std::ofstream(cube / ".zgroup") << R"({"zarr_format": 2})";
  std::ofstream(cube / ".zmetadata") << R"({"metadata": {"time/.zarray": {"shape": [)";
  expectRefused("plot cube.zarr --var cloud_cover -o globe.png", "cube.zarr: not a Zarr cube");
  const CliRun result = run("plot cube.zarr --var cloud_cover -o globe.png");
  EXPECT_NE(result.err.find("JSON"), std::string::npos) << result.err;  // GDAL's reason
  EXPECT_FALSE(fs::exists(dir_ / "globe.png"));
}

TEST_F(CliErrors, HelpAndVersionExit0) {
  for (const std::string args : {"--help", "--version", "resample --help", "h3 cell --help"}) {
    const CliRun result = run(args);
    EXPECT_EQ(result.status, 0) << args << ": " << result.err;
    EXPECT_FALSE(result.out.empty()) << args;
  }
}

}  // namespace
}  // namespace stac2h3::cli
