/** @file test_h3_cli.cpp
 * @brief `stac2h3 h3 <verb>`: spawns the built binary; answers equal the library's and the
 * reference's, bad input stops with exit status 2 and a line naming the input line.
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

#include "h3/h3.h"
#include "oracle.h"

namespace stac2h3::h3 {
namespace {

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/** Runs `stac2h3 h3 ARGS` with `input` on stdin. */
CliRun runH3(const std::string& args, const std::string& input = "") {
  const auto dir =
      std::filesystem::temp_directory_path() / ("stac2h3_h3_cli_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "in") << input;
  const std::string command = std::string("'") + STAC2H3_BINARY + "' h3 " + args + " < '" +
                              (dir / "in").string() + "' > '" + (dir / "out").string() + "' 2> '" +
                              (dir / "err").string() + "'";
  const int raw = std::system(command.c_str());
  CliRun run{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(dir / "out"), slurp(dir / "err")};
  std::filesystem::remove_all(dir);
  return run;
}

TEST(H3Cli, CellFromArguments) {
  const CliRun run = runH3("cell --res 5 37.3615593 -122.0553238");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "85283473fffffff\n");
}

TEST(H3Cli, CellFromStdinMatchesTheReference) {
  // The oracle's random points at res 9, through the text interface.
  const auto oracle = test::readOracle("lat_lng_to_cell.txt");
  std::string input, expected;
  for (const auto& row : oracle.rows) {
    if (row[0] != "random" || row[3] != "9") continue;
    input.append(row[1]).append(",").append(row[2]).append("\n");
    expected.append(row[4]).append("\n");
  }
  ASSERT_GE(std::count(expected.begin(), expected.end(), '\n'), 7000);
  const CliRun run = runH3("cell --res 9", input);
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(run.out == expected) << "ids differ from h3-js";
}

TEST(H3Cli, DescribesCells) {
  const Cell cell = 0x85283473fffffffULL;
  CliRun run = runH3("center 85283473fffffff");
  ASSERT_EQ(run.status, 0) << run.err;
  const LatLng c = cellToLatLng(cell);
  double lat = 0, lng = 0;
  ASSERT_EQ(std::sscanf(run.out.c_str(), "%lf,%lf", &lat, &lng), 2);
  EXPECT_DOUBLE_EQ(lat, test::toDegrees(c.lat));
  EXPECT_DOUBLE_EQ(lng, test::toDegrees(c.lng));

  run = runH3("boundary", "85283473fffffff\n85283473FFFFFFF\n");
  ASSERT_EQ(run.status, 0) << run.err;
  const std::string first_line = run.out.substr(0, run.out.find('\n'));
  EXPECT_EQ(std::count(first_line.begin(), first_line.end(), ' '), 5);  // 6 vertices
  EXPECT_EQ(run.out, first_line + "\n" + first_line + "\n");

  run = runH3("area 85283473fffffff");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_DOUBLE_EQ(std::strtod(run.out.c_str(), nullptr), cellAreaKm2(cell));

  EXPECT_EQ(runH3("parent 85283473fffffff 3").out, "832834fffffffff\n");
  EXPECT_EQ(runH3("parent 3", "85283473fffffff\n").out, "832834fffffffff\n");
  run = runH3("children 832834fffffffff 4");
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), ' '), 6);
  run = runH3("disk 85283473fffffff 2");
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), ' '), 18);
}

TEST(H3Cli, BadInputNamesTheLineAndExits2) {
  CliRun run = runH3("cell --res 9", "10,20\nten,20\n");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("stdin line 2"), std::string::npos) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;

  run = runH3("cell --res 9", "10,20\n91,0\n");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("stdin line 2"), std::string::npos) << run.err;

  run = runH3("cell --res 16 10 20");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("resolution"), std::string::npos) << run.err;

  run = runH3("area", "85283473fffffff\n\n");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("stdin line 2"), std::string::npos) << run.err;

  run = runH3("boundary 85283473ffffff7");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("not a valid H3 cell"), std::string::npos) << run.err;

  run = runH3("parent 85283473fffffff 6");
  EXPECT_EQ(run.status, 2);
  run = runH3("disk 85283473fffffff -1");
  EXPECT_EQ(run.status, 2);
  run = runH3("children 8001fffffffffff 15");
  EXPECT_EQ(run.status, 2);
}

}  // namespace
}  // namespace stac2h3::h3
