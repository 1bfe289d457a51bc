/** @file test_download_cli.cpp
 * @brief The real `stac2h3 download` binary against the local test STAC server: SIGKILL at
 * several moments then a rerun ends with exactly a clean run's items; another query is
 * refused; --help lists the defaults.
 */
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "server/test_server.h"
#include "store/items_gpkg.h"
#include "store/rtree_check.h"  // tests/store

namespace stac2h3::test {
namespace {

namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("stac2h3_download_cli_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / name;
  fs::remove(path);
  fs::remove(path.string() + "-wal");
  fs::remove(path.string() + "-journal");
  return path;
}

pid_t spawn(const std::vector<std::string>& args, const fs::path& stderr_file) {
  const pid_t pid = fork();
  if (pid == 0) {
    FILE* err = std::freopen(stderr_file.c_str(), "w", stderr);
    (void)err;
    std::vector<std::string> strings = {STAC2H3_BINARY};
    strings.insert(strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& text : strings) argv.push_back(text.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

int waitExit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

std::vector<std::string> downloadArgs(const TestServer& server, const fs::path& output) {
  return {"download", "--api",      server.url(), "--start", "2024-03-01",
          "--end",    "2024-03-10", "--jobs",     "4",       "--limit",
          "5",        "--retries",  "4",          "-o",      output.string()};
}

/** The (collection/id, datetime, cloud_cover) rows of a file: opening and reading all of it
 * also proves the file valid. */
std::set<std::string> rows(const fs::path& path) {
  std::set<std::string> out;
  store::readItems(path, [&](const stac::Item& item) {
    out.insert(item.collection + '/' + item.id + ' ' + item.datetime + ' ' +
               std::to_string(item.value(stac::Value::kCloudCover)));
  });
  return out;
}

TEST(DownloadCli, ResumeAfterSigkillEndsWithTheCleanRunsItems) {
  TestServer server({"--page-delay", "0.03"});
  const fs::path clean = scratch("clean.gpkg");
  ASSERT_EQ(waitExit(spawn(downloadArgs(server, clean), scratch("clean.err"))), 0);
  const auto expected = rows(clean);
  ASSERT_EQ(expected.size(), 240u);  // 10 days of 24 items

  const fs::path resumed = scratch("resumed.gpkg");
  for (const int kill_after_ms : {60, 180, 350}) {
    const pid_t pid = spawn(downloadArgs(server, resumed), scratch("killed.err"));
    std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms));
    kill(pid, SIGKILL);
    waitExit(pid);
    if (fs::exists(resumed)) {
      const auto partial = rows(resumed);  // valid after the kill, a subset of the clean run
      for (const auto& row : partial) EXPECT_TRUE(expected.contains(row)) << row;
      EXPECT_EQ(rtreeProblem(resumed), "") << "after a kill at " << kill_after_ms << " ms";
    }
  }
  ASSERT_EQ(waitExit(spawn(downloadArgs(server, resumed), scratch("rerun.err"))), 0);
  EXPECT_EQ(rows(resumed), expected);
  EXPECT_EQ(rtreeProblem(resumed), "");
  store::ItemsWriter writer(resumed);
  EXPECT_EQ(writer.doneSlices().size(), 10u);
  EXPECT_EQ(writer.itemCount(), 240);
}

TEST(DownloadCli, RefusesToResumeAnotherQuery) {
  TestServer server({});
  const fs::path output = scratch("query.gpkg");
  auto args = downloadArgs(server, output);
  ASSERT_EQ(waitExit(spawn(args, scratch("first.err"))), 0);
  args[6] = "2024-03-11";  // --end
  const fs::path err = scratch("second.err");
  EXPECT_EQ(waitExit(spawn(args, err)), 2);
  std::ifstream in(err);
  std::string line;
  std::getline(in, line);
  EXPECT_NE(line.find("another query"), std::string::npos) << line;
  EXPECT_NE(line.find(output.string()), std::string::npos) << line;
}

TEST(DownloadCli, HelpListsFlagsAndDefaults) {
  const fs::path out = scratch("help.out");
  const pid_t pid = fork();
  if (pid == 0) {
    FILE* file = std::freopen(out.c_str(), "w", stdout);
    (void)file;
    execl(STAC2H3_BINARY, STAC2H3_BINARY, "download", "--help", static_cast<char*>(nullptr));
    _exit(127);
  }
  ASSERT_EQ(waitExit(pid), 0);
  std::ifstream in(out);
  const std::string help((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const char* wanted : {"--aoi", "--bbox", "--start", "--end", "--slice", "=1d", "--jobs",
                             "=4", "--api", "earth-search.aws.element84.com/v1", "--collection",
                             "sentinel-2-l2a", "--limit", "--properties", "-o"}) {
    EXPECT_NE(help.find(wanted), std::string::npos) << wanted;
  }
}

}  // namespace
}  // namespace stac2h3::test
