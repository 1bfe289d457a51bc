/** @file update_cli_test.cpp
 * @brief `stac2h3 resample --update` end to end on a synthetic year over a small region:
 * a cube updated part by part, or after replacements, equals the cube built from scratch
 * from the final items file, value for value, as xarray reads both (compare_cubes.py); an
 * update with nothing new changes no file; mismatched updates are refused in one line with
 * the cube untouched; a SIGKILL at any moment leaves the old or the new cube (or, for the
 * first --update, which builds it, none or a whole one), and a rerun finishes the update; a
 * cube replaced with --overwrite is swapped in the same way, so a failed run keeps the old.
 */
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "support/shared_data.h"
#include "support/shell_run.h"

namespace {

namespace fs = std::filesystem;
using stac2h3::test::runShell;
using stac2h3::test::ShellRun;

/** The year split in four parts by datetime, as four downloads would bring it. */
const std::vector<std::pair<std::string, std::string>> kParts = {{"2025-01-01", "2025-03-31"},
                                                                 {"2025-04-01", "2025-06-30"},
                                                                 {"2025-07-01", "2025-09-30"},
                                                                 {"2025-10-01", "2025-12-31"}};

/** Every file of a directory tree with its size and modification time. */
std::map<std::string, std::pair<uintmax_t, fs::file_time_type>> snapshot(const fs::path& root) {
  std::map<std::string, std::pair<uintmax_t, fs::file_time_type>> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), root).string()] = {entry.file_size(),
                                                          entry.last_write_time()};
    }
  }
  return files;
}

class UpdateCli : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    parts_ = fs::temp_directory_path() / ("stac2h3_update_parts_" + std::to_string(::getpid()));
    fs::remove_all(parts_);
    fs::create_directories(parts_);
    for (size_t p = 0; p < kParts.size(); ++p) {
      const ShellRun made =
          runShell(binary() + " synth --start " + kParts[p].first + " --end " + kParts[p].second +
                   " --bbox 5,44,7,46 -o " + part(p) + " 2>&1");
      ASSERT_EQ(made.status, 0) << made.output;
    }
  }
  static void TearDownTestSuite() { fs::remove_all(parts_); }

  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("stac2h3_update_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    items_ = (dir_ / "items.gpkg").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string binary() { return std::string("'") + STAC2H3_BINARY + "'"; }
  static std::string part(size_t p) {
    return (parts_ / ("part" + std::to_string(p) + ".ndjson")).string();
  }

  /** Runs stac2h3 with `arguments`; status and stderr+stdout. */
  static ShellRun stac2h3(const std::string& arguments) {
    return runShell(binary() + " " + arguments + " 2>&1");
  }
  void importFile(const std::string& ndjson) {
    const ShellRun imported = stac2h3("import -q " + ndjson + " -o " + items_);
    ASSERT_EQ(imported.status, 0) << imported.output;
  }
  /** resample `flags` into `cube`; its output. */
  std::string resample(const std::string& cube, const std::string& flags) {
    const ShellRun run = stac2h3("resample " + items_ + " " + flags + " -o " + cube);
    EXPECT_EQ(run.status, 0) << run.output;
    return run.output;
  }
  /** compare_cubes.py: the output and status. */
  static ShellRun compare(const std::string& cube, const std::string& references,
                          const std::string& groups = "") {
    return runShell(
        "/usr/bin/python3 " + stac2h3::test::sourceFile("tests/update/compare_cubes.py").string() +
        " " + cube + " " + references + (groups.empty() ? "" : " --groups " + groups) + " 2>&1");
  }

  /** Imports the parts one by one, updating `cube` after each, and compares it with a cube
   * built from scratch from the final file. */
  void updatePartByPart(const std::string& flags, const std::string& groups) {
    const std::string cube = (dir_ / "cube.zarr").string();
    for (size_t p = 0; p < kParts.size(); ++p) {
      importFile(part(p));
      const std::string said = resample(cube, flags + " --update");
      if (p > 0) {
        EXPECT_NE(said.find("updated " + cube), std::string::npos) << said;
        // Days appended at the end: the earlier chunk rows are kept.
        EXPECT_EQ(said.find("chunk rows kept 0,"), std::string::npos) << said;
      }
    }
    const std::string scratch = (dir_ / "scratch.zarr").string();
    resample(scratch, flags);
    const ShellRun same = compare(cube, scratch, groups);
    EXPECT_EQ(same.status, 0) << same.output;
  }

  static fs::path parts_;
  fs::path dir_;
  std::string items_;
};

fs::path UpdateCli::parts_;

TEST_F(UpdateCli, FourPartsUpdatedOneByOneEqualTheCubeBuiltFromAll) {
  updatePartByPart("--res 6", "");
}

TEST_F(UpdateCli, APyramidUpdatedLevelByLevelEqualsOneBuiltFromAll) {
  updatePartByPart("--res 5 --pyramid --min-level 3", "5,4,3");
}

TEST_F(UpdateCli, ReplacedItemsNewCellsAndNewFirstDaysEqualTheCubeBuiltFromScratch) {
  const fs::path all = dir_ / "all.ndjson";
  ASSERT_EQ(runShell("cat " + part(0) + " " + part(1) + " " + part(2) + " " + part(3) + " > " +
                     all.string())
                .status,
            0);
  importFile(all.string());
  const std::string cube = (dir_ / "cube.zarr").string();
  resample(cube, "--res 6");
  const fs::path replacing = dir_ / "replacing.ndjson";
  const ShellRun made = runShell(
      "/usr/bin/python3 " + stac2h3::test::sourceFile("tests/update/replace_items.py").string() +
      " " + all.string() + " " + replacing.string() + " 2>&1");
  ASSERT_EQ(made.status, 0) << made.output;
  const ShellRun imported = stac2h3("import " + replacing.string() + " -o " + items_);
  ASSERT_EQ(imported.status, 0) << imported.output;
  ASSERT_NE(imported.output.find("(0 new,"), std::string::npos) << imported.output;

  const std::string said = resample(cube, "--res 6 --update");
  EXPECT_NE(said.find("time axis 2024-12-2"), std::string::npos) << said;  // grew at the start
  const std::string scratch = (dir_ / "scratch.zarr").string();
  resample(scratch, "--res 6");
  const ShellRun same = compare(cube, scratch);
  EXPECT_EQ(same.status, 0) << same.output;
}

TEST_F(UpdateCli, CellsNoLongerObservedLeaveTheCube) {
  importFile(part(1));
  const std::string cube = (dir_ / "cube.zarr").string();
  resample(cube, "--res 5");
  const fs::path moved = dir_ / "moved.ndjson";
  const ShellRun made = runShell(
      "/usr/bin/python3 " + stac2h3::test::sourceFile("tests/update/replace_items.py").string() +
      " " + part(1) + " " + moved.string() + " --move-all 2>&1");
  ASSERT_EQ(made.status, 0) << made.output;
  importFile(moved.string());
  const std::string said = resample(cube, "--res 5 --update");
  EXPECT_NE(said.find("chunk rows kept 0,"), std::string::npos) << said;
  const std::string scratch = (dir_ / "scratch.zarr").string();
  resample(scratch, "--res 5");
  const ShellRun same = compare(cube, scratch);
  EXPECT_EQ(same.status, 0) << same.output;
}

TEST_F(UpdateCli, NothingNewChangesNoFileAndSaysSo) {
  importFile(part(0));
  const std::string cube = (dir_ / "cube.zarr").string();
  resample(cube, "--res 5 --pyramid --min-level 4");
  const auto before = snapshot(cube);
  const ShellRun again =
      stac2h3("resample " + items_ + " --res 5 --pyramid --min-level 4 -o " + cube + " --update");
  EXPECT_EQ(again.status, 0);
  EXPECT_NE(again.output.find(cube + " is up to date"), std::string::npos) << again.output;
  EXPECT_EQ(snapshot(cube), before);
  EXPECT_FALSE(fs::exists(cube + ".update-tmp"));
}

TEST_F(UpdateCli, MismatchesAreRefusedInOneLineAndTheCubeStaysUntouched) {
  importFile(part(0));
  const std::string cube = (dir_ / "cube.zarr").string();
  resample(cube, "--res 5 --var cloud_cover,water");
  // The same items in another file: another identity.
  const std::string other = (dir_ / "other.gpkg").string();
  ASSERT_EQ(stac2h3("import -q " + part(0) + " -o " + other).status, 0);
  const auto before = snapshot(cube);
  const std::vector<std::pair<std::string, std::string>> refused = {
      {other + " --res 5 --var cloud_cover,water", "made from another items file"},
      {items_ + " --res 6 --var cloud_cover,water", "a cube at resolution 5, not --res 6"},
      {items_ + " --res 5 --var cloud_cover", "variables cloud_cover,water, not --var cloud_cover"},
      {items_ + " --res 5", "not --var cloud_cover,nodata"},
      {items_ + " --res 5 --var cloud_cover,water --pyramid --min-level 4", "not --pyramid 5..4"},
      {items_ + " --res 5 --var cloud_cover,water --start 2025-01-02", "made with no --start"},
      {items_ + " --res 5 --var cloud_cover,water --overwrite", "exclude each other"},
  };
  importFile(part(1));  // something to update, were it allowed
  for (const auto& [arguments, reason] : refused) {
    const ShellRun run = stac2h3("resample " + arguments + " -o " + cube + " --update");
    EXPECT_EQ(run.status, 2) << arguments;
    EXPECT_NE(run.output.find(reason), std::string::npos) << run.output;
    EXPECT_EQ(std::count(run.output.begin(), run.output.end(), '\n'), 1) << run.output;
    EXPECT_EQ(snapshot(cube), before) << arguments;
  }
}

TEST_F(UpdateCli, AFailedOverwriteKeepsTheOldCubeAndASuccessfulOneReplacesIt) {
  // --overwrite builds the new cube beside the old one and swaps it in (the update's swap).
  importFile(part(0));
  const std::string cube = (dir_ / "cube.zarr").string();
  resample(cube, "--res 5 --var cloud_cover");
  const auto before = snapshot(cube);
  // No item in those days: bad input found after the items were read.
  const ShellRun failed =
      stac2h3("resample " + items_ + " --res 5 --start 2030-01-01 --end 2030-01-31 -o " + cube +
              " --overwrite");
  EXPECT_EQ(failed.status, 2) << failed.output;
  EXPECT_EQ(snapshot(cube), before);

  importFile(part(1));
  resample(cube, "--res 5 --var cloud_cover,water --overwrite");
  const std::string scratch = (dir_ / "scratch.zarr").string();
  resample(scratch, "--res 5 --var cloud_cover,water");
  const ShellRun same = compare(cube, scratch);
  EXPECT_EQ(same.status, 0) << same.output;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "cube.zarr" || name == "scratch.zarr" || name.starts_with("items.gpkg"))
        << name << " left behind";
  }
}

TEST_F(UpdateCli, AMissingCubeIsBuiltAndARecordedSpanIsKept) {
  importFile(part(0));
  const std::string cube = (dir_ / "cube.zarr").string();
  resample(cube, "--res 5 --start 2025-02-01 --end 2025-05-15 --update");
  importFile(part(1));
  resample(cube, "--res 5 --update");  // the recorded --start/--end hold
  const std::string scratch = (dir_ / "scratch.zarr").string();
  resample(scratch, "--res 5 --start 2025-02-01 --end 2025-05-15");
  const ShellRun same = compare(cube, scratch);
  EXPECT_EQ(same.status, 0) << same.output;
}

TEST_F(UpdateCli, AKilledFirstUpdateLeavesNoCubeOrAWholeOne) {
  for (size_t p = 0; p < 3; ++p) importFile(part(p));
  const std::string cube = (dir_ / "cube.zarr").string();
  const std::string scratch = (dir_ / "scratch.zarr").string();
  resample(scratch, "--res 7");
  // The first --update builds the cube.
  const std::string update = "resample " + items_ + " --res 7 -o " + cube + " --update";
  for (const char* delay : {"0.1", "0.3"}) {
    fs::remove_all(cube);
    runShell("timeout -s KILL " + std::string(delay) + " " + binary() + " " + update +
             " >/dev/null 2>&1");
    if (fs::exists(cube)) {
      const ShellRun whole = compare(cube, scratch);
      EXPECT_EQ(whole.status, 0) << delay << ": " << whole.output;
    }
  }
  EXPECT_EQ(stac2h3(update).status, 0);
  const ShellRun built = compare(cube, scratch);
  EXPECT_EQ(built.status, 0) << built.output;
  EXPECT_FALSE(fs::exists(cube + ".update-tmp"));
}

TEST_F(UpdateCli, AKillLeavesTheOldOrTheNewCubeAndARerunFinishesIt) {
  for (size_t p = 0; p < 3; ++p) importFile(part(p));
  const std::string cube = (dir_ / "cube.zarr").string();
  const std::string old_cube = (dir_ / "old.zarr").string();
  resample(old_cube, "--res 7");
  const std::string update = "resample " + items_ + " --res 7 -o " + cube + " --update";
  importFile(part(3));
  const std::string scratch = (dir_ / "scratch.zarr").string();
  resample(scratch, "--res 7");
  // Killed after a delay: before, while or after it writes the new store or swaps it in; what
  // the kill left and what the rerun made are kept (hard links) and compared at the end.
  std::string checks;
  for (const std::string delay : {"0.05", "0.2"}) {
    ASSERT_EQ(runShell("rm -rf " + cube + " && cp -a " + old_cube + " " + cube).status, 0);
    runShell("timeout -s KILL " + delay + " " + binary() + " " + update + " >/dev/null 2>&1");
    const std::string killed = (dir_ / ("killed" + delay + ".zarr")).string();
    const std::string rerun = (dir_ / ("rerun" + delay + ".zarr")).string();
    ASSERT_EQ(runShell("cp -al " + cube + " " + killed).status, 0);
    EXPECT_EQ(stac2h3(update).status, 0);
    EXPECT_FALSE(fs::exists(cube + ".update-tmp"));
    ASSERT_EQ(runShell("cp -al " + cube + " " + rerun).status, 0);
    checks += " " + killed + "=" + old_cube + "," + scratch + " " + rerun + "=" + scratch;
  }
  // Killed between the two renames of the fallback swap: the old store waits beside.
  ASSERT_EQ(runShell("rm -rf " + cube + " && cp -a " + old_cube + " " + cube +
                     ".update-old && "
                     "mkdir -p " +
                     cube + ".update-tmp/junk")
                .status,
            0);
  EXPECT_EQ(stac2h3(update).status, 0);
  EXPECT_FALSE(fs::exists(cube + ".update-old"));
  EXPECT_FALSE(fs::exists(cube + ".update-tmp"));
  const ShellRun all = runShell(
      "/usr/bin/python3 " + stac2h3::test::sourceFile("tests/update/compare_cubes.py").string() +
      " --each" + checks + " " + cube + "=" + scratch + " 2>&1");
  EXPECT_EQ(all.status, 0) << all.output;
}

}  // namespace
