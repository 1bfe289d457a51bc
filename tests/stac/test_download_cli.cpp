/** @file test_download_cli.cpp
 * @brief The real `stac2h3 download` binary against the local test STAC server: SIGKILL at
 * several moments then a rerun ends with exactly a clean run's items; a page linking to
 * itself once costs nothing; an unfinished slice exits 3 naming it and the rerun completes
 * it; another query is refused; --help lists the defaults.
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
#include "util/error.h"

namespace stac2h3::test {
namespace {

namespace fs = std::filesystem;

/** This process's scratch folder, removed when the tests end (a failed run leaves nothing
 * behind in /tmp either). */
const fs::path& scratchDir() {
  struct Dir {
    fs::path path =
        fs::temp_directory_path() / ("stac2h3_download_cli_" + std::to_string(getpid()));
    ~Dir() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  };
  static const Dir dir;
  return dir.path;
}

fs::path scratch(const std::string& name) {
  const fs::path& dir = scratchDir();
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

/** The lines of a text file. */
std::vector<std::string> lines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(DownloadCli, APageLinkingToItselfOnceIsFetchedAgain) {
  // The case: page 2 of every query links to itself once (89 of 204 items were lost
  // when a repeated link ended the slice as done).
  TestServer server({"--loop", "once"});
  const fs::path clean = scratch("clean_once.gpkg");
  {
    TestServer healthy({});
    ASSERT_EQ(waitExit(spawn(downloadArgs(healthy, clean), scratch("clean_once.err"))), 0);
  }
  const fs::path output = scratch("loop_once.gpkg");
  ASSERT_EQ(waitExit(spawn(downloadArgs(server, output), scratch("loop_once.err"))), 0);
  EXPECT_EQ(rows(output), rows(clean));
  EXPECT_EQ(store::ItemsWriter(output).doneSlices().size(), 10u);
}

TEST(DownloadCli, AnUnfinishedSliceExitsThreeKeepsItsItemsAndTheRerunCompletesIt) {
  TestServer server({"--hide", "S2G_20240305_0005_L2A"});  // counted, never sent
  const fs::path output = scratch("hidden.gpkg");
  const fs::path err = scratch("hidden.err");
  ASSERT_EQ(waitExit(spawn(downloadArgs(server, output), err)), kExitIncomplete);
  const auto messages = lines(err);
  ASSERT_EQ(messages.size(), 3u);  // the summary, the slice, the status
  EXPECT_NE(messages[0].find("download: 239 items"), std::string::npos) << messages[0];
  EXPECT_NE(messages[0].find("the server matched 216 in the 9 finished slices"), std::string::npos)
      << messages[0];
  EXPECT_EQ(messages[1].rfind("stac2h3: unfinished: slice 2024-03-05/2024-03-06: 2024-03-05T0", 0),
            0u)
      << messages[1];
  EXPECT_NE(messages[1].find("0 distinct items of the 1 matched arrived"), std::string::npos);
  EXPECT_NE(messages[2].find("1 of 10 slices unfinished"), std::string::npos) << messages[2];
  const auto partial = rows(output);
  EXPECT_EQ(partial.size(), 239u);
  EXPECT_EQ(store::ItemsWriter(output).doneSlices().size(), 9u);

  ASSERT_EQ(server.control("{\"healthy\":true}"), 200);
  ASSERT_EQ(waitExit(spawn(downloadArgs(server, output), scratch("hidden_rerun.err"))), 0);
  const auto complete = rows(output);
  EXPECT_EQ(complete.size(), 240u);
  for (const auto& row : partial) EXPECT_TRUE(complete.contains(row)) << row;
  store::ItemsWriter writer(output);
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
  for (const char* wanted :
       {"--aoi", "--bbox", "--start", "--end", "--slice", "=1d", "--jobs", "=4", "--api",
        "earth-search.aws.element84.com/v1", "--collection", "sentinel-2-l2a", "--limit",
        "--properties", "--count-cap", "=10000", "Exit status 3", "-o"}) {
    EXPECT_NE(help.find(wanted), std::string::npos) << wanted;
  }
}

}  // namespace
}  // namespace stac2h3::test
