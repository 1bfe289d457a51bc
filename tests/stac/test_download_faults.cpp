/** @file test_download_faults.cpp
 * @brief Paging faults the run must not call done: a page linking to itself once or forever,
 * pages repeating items, pages silently short of numberMatched, counts at a cap, datatakes
 * that only an area split can part. Recoverable ones end with exactly the clean run's items
 * and every slice finished; unrecoverable ones leave just their slice unfinished with every
 * item that arrived kept, and a rerun against a healthy server completes it.
 */
#include <gtest/gtest.h>

#include "download_test_options.h"
#include "memory_sink.h"
#include "server/test_server.h"
#include "stac/download_engine.h"

namespace stac2h3::stac {
namespace {

using test::MemorySink;
using test::TestServer;

/** A generated item of 2024-01-02, the middle day. */
constexpr const char* kVictim = "S2G_20240102_0005_L2A";

/** Three days, two jobs, backoff ten times shorter than the engine tests' (the splits of an
 * endless loop retry many pages). */
DownloadOptions optionsFor(const TestServer& server) {
  auto options = test::downloadOptionsFor(server, "2024-01-01", "2024-01-03");
  options.jobs = 2;
  options.retry.base_delay_seconds = 0.002;
  options.retry.max_delay_seconds = 0.02;
  return options;
}

std::set<std::string> keys(const MemorySink& sink) {
  std::set<std::string> out;
  for (const auto& [key, item] : sink.stored) out.insert(key);
  return out;
}

const std::set<std::string> kAllSlices = {"2024-01-01/2024-01-02", "2024-01-02/2024-01-03",
                                          "2024-01-03/2024-01-04"};

/** The items of a run against a healthy server with `server_args`, adapting `adapt`. */
std::set<std::string> cleanRun(const std::vector<std::string>& server_args,
                               void (*adapt)(DownloadOptions&) = nullptr) {
  TestServer server(server_args);
  auto options = optionsFor(server);
  if (adapt != nullptr) adapt(options);
  MemorySink sink;
  const auto summary = runDownload(options, sink);
  EXPECT_TRUE(summary.incomplete.empty());
  return keys(sink);
}

struct RecoverableFault {
  const char* name;
  std::vector<std::string> server_args;
  int64_t count_cap = kDefaultCountCap;
  bool splits = true;  ///< whether recovering takes splits (else retries alone)
};

class Recoverable : public testing::TestWithParam<RecoverableFault> {};

TEST_P(Recoverable, EndsWithExactlyTheCleanRunsItems) {
  static const std::set<std::string> clean = cleanRun({});
  ASSERT_EQ(clean.size(), 72u);  // 3 days of 24
  const auto& fault = GetParam();
  TestServer server(fault.server_args);
  auto options = optionsFor(server);
  options.count_cap = fault.count_cap;
  MemorySink sink;
  const auto summary = runDownload(options, sink);
  EXPECT_TRUE(summary.incomplete.empty()) << summary.incomplete.front();
  EXPECT_EQ(keys(sink), clean);
  for (const auto& [key, count] : sink.writes) EXPECT_EQ(count, 1) << key;
  EXPECT_EQ(sink.done, kAllSlices);
  EXPECT_EQ(summary.items, 72);
  EXPECT_EQ(summary.slices_counted, 3);
  EXPECT_EQ(summary.matched, 72);  // the counts, less the midnight items two slices share
  EXPECT_EQ(summary.splits > 0, fault.splits) << summary.line();
}

INSTANTIATE_TEST_SUITE_P(
    Faults, Recoverable,
    testing::Values(
        // Page 2 of every query links to itself once: mended by fetching it again.
        RecoverableFault{"LoopOnce", {"--loop", "once"}, kDefaultCountCap, false},
        // Forever: mended by halves small enough to have no page 2.
        RecoverableFault{"LoopForever", {"--loop", "forever"}},
        RecoverableFault{"RepeatedItems", {"--repeat", "items"}},
        // The first of several pages lacks its last item: halves that fit one page.
        RecoverableFault{"ShortPages", {"--short", "full-pages"}},
        // 25 items a query counted as "10": halves until they count less.
        RecoverableFault{"CountCap", {"--count-cap", "10"}, 10},
        // The count changes while a query is paged: the last page's is the one that holds.
        RecoverableFault{
            "CountChangedWhilePaging", {"--stale-first-count", "8"}, kDefaultCountCap, false},
        // A page that links to itself forever holding the last item: the count says it is.
        RecoverableFault{"LoopAfterTheLastItem", {"--loop-item", kVictim}}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(DownloadFaults, LoopOnceIsFetchedAgainWithoutSplitting) {
  TestServer server({"--loop", "once"});
  MemorySink sink;
  const auto summary = runDownload(optionsFor(server), sink);
  EXPECT_EQ(summary.loop_retries, 3);  // page 2 of each day's query
  EXPECT_EQ(summary.splits, 0);
}

struct UnrecoverableFault {
  const char* name;
  std::vector<std::string> server_args;
  bool victim_arrives;  ///< whether the server ever sends the victim item
  const char* why;      ///< in the unfinished slice's line
};

class Unrecoverable : public testing::TestWithParam<UnrecoverableFault> {};

TEST_P(Unrecoverable, LeavesOnlyItsSliceUnfinishedKeepsEveryItemAndTheRerunCompletes) {
  static const std::set<std::string> clean = cleanRun({});
  const auto& fault = GetParam();
  TestServer server(fault.server_args);
  const auto options = optionsFor(server);
  MemorySink sink;
  const auto summary = runDownload(options, sink);
  ASSERT_EQ(summary.incomplete.size(), 1u) << summary.line();
  const std::string& line = summary.incomplete[0];
  EXPECT_EQ(line.rfind("slice 2024-01-02/2024-01-03: 2024-01-02T0", 0), 0u) << line;
  EXPECT_NE(line.find(fault.why), std::string::npos) << line;
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(sink.done, (std::set<std::string>{"2024-01-01/2024-01-02", "2024-01-03/2024-01-04"}));
  // No item lost: every item but one the server never sent is stored.
  auto expected = clean;
  if (!fault.victim_arrives) expected.erase(std::string("sentinel-2-l2a/") + kVictim);
  EXPECT_EQ(keys(sink), expected);
  EXPECT_EQ(summary.slicesFinished(), 2);

  ASSERT_EQ(server.control("{\"healthy\":true}"), 200);
  const auto rerun = runDownload(options, sink);
  EXPECT_TRUE(rerun.incomplete.empty());
  EXPECT_EQ(rerun.slices_resumed, 2);
  EXPECT_EQ(keys(sink), clean);
  EXPECT_EQ(sink.done, kAllSlices);
}

INSTANTIATE_TEST_SUITE_P(
    Faults, Unrecoverable,
    testing::Values(
        // Counted, never sent: no split brings it.
        UnrecoverableFault{"HiddenItem", {"--hide", kVictim}, false, "0 distinct items of the 1"},
        // Every page holding it links to itself, and no count says the paging is done.
        UnrecoverableFault{
            "EndlessLoopWithoutCounts", {"--loop-item", kVictim, "--no-counts"}, true, "loops"}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

/** Ten tiles at each of four instants a day, eleven where a page holds seven: only area
 * halves part them. */
class Datatakes : public testing::TestWithParam<const char*> {};

void narrowArea(DownloadOptions& options, const std::string& area) {
  if (area == "bbox") options.query.bbox = std::array<double, 4>{-150, -60, 120, 70};
  if (area == "aoi") {
    geo::MultiPolygon aoi;
    aoi.polygons.push_back({{{-160, -70}, {150, -50}, {0, 75}}, {}});
    options.query.intersects = aoi;
  }
}

TEST_P(Datatakes, AnEndlessLoopIsPartedByArea) {
  const std::string area = GetParam();
  const std::vector<std::string> shape = {"--per-day", "4", "--datatake", "11"};
  std::set<std::string> clean;
  {
    TestServer server(shape);
    auto options = optionsFor(server);
    narrowArea(options, area);
    MemorySink sink;
    runDownload(options, sink);
    clean = keys(sink);
  }
  ASSERT_GT(clean.size(), 30u);
  auto faulty = shape;
  faulty.insert(faulty.end(), {"--loop", "forever"});
  TestServer server(faulty);
  auto options = optionsFor(server);
  narrowArea(options, area);
  MemorySink sink;
  const auto summary = runDownload(options, sink);
  EXPECT_TRUE(summary.incomplete.empty()) << summary.incomplete.front();
  EXPECT_EQ(keys(sink), clean);
  EXPECT_EQ(sink.done, kAllSlices);
  EXPECT_EQ(summary.matched, std::ssize(clean));
}

INSTANTIATE_TEST_SUITE_P(Areas, Datatakes, testing::Values("globe", "bbox", "aoi"));

TEST(DownloadFaults, GivesUpAfterTheMostPiecesASliceMayTake) {
  TestServer server({"--hide", kVictim});
  auto options = optionsFor(server);
  options.max_pieces_per_slice = 5;
  MemorySink sink;
  const auto summary = runDownload(options, sink);
  ASSERT_EQ(summary.incomplete.size(), 1u);
  // The day, its first half, and then only the quarter holding the item: no room for more.
  EXPECT_EQ(summary.splits, 2);
  EXPECT_NE(summary.incomplete[0].find("2024-01-02T00:00:00Z/2024-01-02T06:00:00Z"),
            std::string::npos)
      << summary.incomplete[0];
}

}  // namespace
}  // namespace stac2h3::stac
