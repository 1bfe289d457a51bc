/** @file test_download_engine.cpp
 * @brief The download engine against the local test STAC server (tests/stac/server): every
 * item exactly once under transport faults in each paging shape (paging faults:
 * test_download_faults.cpp), slice borders, bbox and AOI (checked
 * with GEOS), Fields and its fallback, real recorded page chains, resume, and clear errors
 * after bounded retries with the items so far kept.
 */
#include <geos_c.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdarg>

#include "download_test_options.h"
#include "memory_sink.h"
#include "server/test_server.h"
#include "stac/download_engine.h"
#include "util/error.h"

namespace stac2h3::stac {
namespace {

using test::MemorySink;
using test::TestServer;

constexpr int kPerDay = 24;  // the server's default: one item an hour, from midnight

DownloadOptions optionsFor(const TestServer& server, const char* start, const char* end) {
  return test::downloadOptionsFor(server, start, end);
}

/** Every day's items present once, each written once, each inside the span. */
void expectEveryItemOnce(const MemorySink& sink, const DownloadOptions& options,
                         int per_day = kPerDay) {
  const int64_t days = options.last_day - options.first_day + 1;
  EXPECT_EQ(std::ssize(sink.stored), days * per_day);
  for (const auto& [key, count] : sink.writes) EXPECT_EQ(count, 1) << key;
  for (const auto& [key, item] : sink.stored) {
    const auto when = parseUtcMicros(item.datetime);
    ASSERT_TRUE(when) << item.datetime;
    EXPECT_GE(*when, options.first_day * kMicrosPerDay) << key;
    EXPECT_LT(*when, (options.last_day + 1) * kMicrosPerDay) << key;
    EXPECT_FALSE(item.footprint.empty()) << key;
  }
}

class DownloadPaging : public testing::TestWithParam<const char*> {};

TEST_P(DownloadPaging, EveryItemExactlyOnceUnderFaults) {
  TestServer server({"--paging", GetParam(), "--fault", "cut:7", "--fault", "502:11", "--fault",
                     "429:13", "--fault", "403:17", "--fault", "truncjson:19", "--fault",
                     "503:23"});
  auto options = optionsFor(server, "2024-02-27", "2024-03-02");  // across a leap day
  MemorySink sink;
  const auto summary = runDownload(options, sink);
  expectEveryItemOnce(sink, options);
  EXPECT_EQ(summary.items, 5 * kPerDay);
  EXPECT_EQ(summary.new_items, 5 * kPerDay);
  EXPECT_GT(summary.retries, 0);
  EXPECT_EQ(sink.done.size(), 5u);
  EXPECT_EQ(summary.pages + summary.retries, server.searchRequests());
}

INSTANTIATE_TEST_SUITE_P(Shapes, DownloadPaging,
                         testing::Values("earthsearch", "pc-get", "pc-post"));

TEST(Download, SliceBordersKeepMidnightItemsOnce) {
  // Items at exactly 00:00 are fetched by two slices (each asks a second past its end) and
  // kept by the one that starts then. Week slices cut mid-span and at the end.
  TestServer server({});
  auto options = optionsFor(server, "2024-01-01", "2024-01-10");
  options.slice_length = parseSliceLength("3d");
  options.limit = 100;
  MemorySink sink;
  runDownload(options, sink);
  expectEveryItemOnce(sink, options);
  EXPECT_TRUE(sink.stored.contains("sentinel-2-l2a/S2G_20240104_0000_L2A"));
  EXPECT_EQ(sink.done, (std::set<std::string>{"2024-01-01/2024-01-04", "2024-01-04/2024-01-07",
                                              "2024-01-07/2024-01-10", "2024-01-10/2024-01-11"}));
}

/** GEOS polygon from a footprint or an area. */
class Geos {
 public:
  Geos() : handle_(GEOS_init_r()) {}
  ~Geos() { GEOS_finish_r(handle_); }
  GEOSGeometry* polygon(const geo::Ring& ring) {
    GEOSCoordSequence* sequence =
        GEOSCoordSeq_create_r(handle_, static_cast<unsigned>(ring.size() + 1), 2);
    for (size_t i = 0; i <= ring.size(); ++i) {
      const auto& vertex = ring[i % ring.size()];
      GEOSCoordSeq_setXY_r(handle_, sequence, static_cast<unsigned>(i), vertex.lon, vertex.lat);
    }
    return GEOSGeom_createPolygon_r(handle_, GEOSGeom_createLinearRing_r(handle_, sequence),
                                    nullptr, 0);
  }
  bool intersects(const geo::Ring& a, const geo::Ring& b) {
    GEOSGeometry* first = polygon(a);
    GEOSGeometry* second = polygon(b);
    const bool result = GEOSIntersects_r(handle_, first, second) == 1;
    GEOSGeom_destroy_r(handle_, first);
    GEOSGeom_destroy_r(handle_, second);
    return result;
  }

 private:
  GEOSContextHandle_t handle_;
};

/** The ids of `all` whose footprint intersects `area`, by GEOS. */
std::set<std::string> idsIntersecting(const MemorySink& all, const geo::Ring& area) {
  Geos geos;
  std::set<std::string> ids;
  for (const auto& [key, item] : all.stored) {
    for (const auto& polygon : item.footprint.polygons) {
      if (geos.intersects(polygon.outer, area)) ids.insert(key);
    }
  }
  return ids;
}

std::set<std::string> keys(const MemorySink& sink) {
  std::set<std::string> out;
  for (const auto& [key, item] : sink.stored) out.insert(key);
  return out;
}

TEST(Download, BboxAndAoiSelectTheIntersectingFootprints) {
  TestServer server({"--per-day", "200"});
  auto options = optionsFor(server, "2024-05-01", "2024-05-02");
  options.limit = 50;
  MemorySink everything;
  runDownload(options, everything);
  ASSERT_EQ(everything.stored.size(), 400u);
  // The server's items carry no self link: the item's URL in the API takes its place.
  for (const auto& [key, item] : everything.stored) {
    EXPECT_EQ(item.self_href,
              server.url() + "/collections/" + item.collection + "/items/" + item.id);
  }

  auto bbox_options = options;
  bbox_options.query.bbox = std::array<double, 4>{-60, -30, 40, 20};
  MemorySink in_bbox;
  runDownload(bbox_options, in_bbox);
  const geo::Ring box = {{-60, -30}, {40, -30}, {40, 20}, {-60, 20}};
  const auto expected_box = idsIntersecting(everything, box);
  EXPECT_GT(expected_box.size(), 10u);
  EXPECT_LT(expected_box.size(), 400u);
  EXPECT_EQ(keys(in_bbox), expected_box);

  auto aoi_options = options;
  const geo::Ring triangle = {{-100, -50}, {80, -40}, {0, 60}};
  geo::MultiPolygon aoi;
  aoi.polygons.push_back({triangle, {}});
  aoi_options.query.intersects = aoi;
  MemorySink in_aoi;
  runDownload(aoi_options, in_aoi);
  const auto expected_aoi = idsIntersecting(everything, triangle);
  EXPECT_GT(expected_aoi.size(), 10u);
  EXPECT_EQ(keys(in_aoi), expected_aoi);
}

TEST(Download, AsksForFieldsWhenTheServerConforms) {
  TestServer server({"--conformance-endpoint-only"});  // found through /conformance
  auto options = optionsFor(server, "2024-01-01", "2024-01-01");
  options.query.extra_properties = {"s2:product_uri"};
  MemorySink sink;
  const auto summary = runDownload(options, sink);
  EXPECT_TRUE(summary.fields);
  for (const auto& body : server.requestBodies()) {
    if (body.empty()) continue;
    EXPECT_NE(body.find("\"fields\":{\"include\":[\"id\""), std::string::npos) << body;
    EXPECT_NE(body.find("properties.s2:product_uri"), std::string::npos);
  }
  const auto& item = sink.stored.at("sentinel-2-l2a/S2G_20240101_0003_L2A");
  ASSERT_EQ(item.extra.size(), 1u);
  EXPECT_EQ(item.extra[0], stac::PropertyValue("S2A_MSIL2A_20240101_3.SAFE"));
  EXPECT_EQ(item.mgrs_tile, "04CNL");
  EXPECT_FALSE(std::isnan(item.value(Value::kWater)));
}

TEST(Download, PlainSearchForServersWithoutFields) {
  TestServer server({"--no-fields"});  // rejects a `fields` member with 400
  auto options = optionsFor(server, "2024-01-01", "2024-01-02");
  options.limit = 0;  // the default for servers without Fields
  MemorySink sink;
  const auto summary = runDownload(options, sink);
  EXPECT_FALSE(summary.fields);
  expectEveryItemOnce(sink, options);
  const auto bodies = server.requestBodies();
  ASSERT_FALSE(bodies.empty());
  EXPECT_EQ(bodies[0].find("fields"), std::string::npos);
  EXPECT_NE(bodies[0].find("\"limit\":" + std::to_string(kDefaultLimitWithoutFields)),
            std::string::npos);
}

TEST(Download, HonoursRetryAfterAndTimesOutSlowPages) {
  TestServer server({"--fault", "429:2", "--fault", "slow:3:2", "--slow-seconds", "3"});
  auto options = optionsFor(server, "2024-01-01", "2024-01-01");
  options.jobs = 1;
  options.http.total_timeout_seconds = 1;
  MemorySink sink;
  const auto start = std::chrono::steady_clock::now();
  const auto summary = runDownload(options, sink);
  expectEveryItemOnce(sink, options);
  EXPECT_GE(summary.retries, 2);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));  // Retry-After
}

TEST(Download, HttpDateRetryAfter) {
  TestServer server({"--fault", "429date:2:0"});
  auto options = optionsFor(server, "2024-01-01", "2024-01-01");
  options.jobs = 1;
  options.limit = 24;
  MemorySink sink;
  const auto summary = runDownload(options, sink);
  EXPECT_EQ(summary.retries, 1);
  expectEveryItemOnce(sink, options);
}

TEST(Download, A502HalvesThePageSize) {
  TestServer server({"--per-day", "100", "--fault", "502:2:1"});  // requests 2, 4, 6...
  auto options = optionsFor(server, "2024-01-01", "2024-01-01");
  options.jobs = 1;
  options.limit = 40;
  MemorySink sink;
  runDownload(options, sink);
  expectEveryItemOnce(sink, options, 100);
  const auto bodies = server.requestBodies();
  ASSERT_GE(bodies.size(), 5u);
  EXPECT_NE(bodies[0].find("\"limit\":40"), std::string::npos);
  EXPECT_NE(bodies[1].find("\"limit\":40"), std::string::npos);  // answered 502
  EXPECT_NE(bodies[2].find("\"limit\":20"), std::string::npos);
  EXPECT_NE(bodies[4].find("\"limit\":10"), std::string::npos);
}

TEST(Download, GivesUpWithTheSliceAndUrlAndKeepsTheItemsSoFar) {
  TestServer server({"--fault", "502:1:3"});  // every request after the third
  auto options = optionsFor(server, "2024-01-01", "2024-01-02");
  options.jobs = 1;
  options.retry.max_attempts = 3;
  MemorySink sink;
  try {
    runDownload(options, sink);
    FAIL() << "no error";
  } catch (const Error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("slice 2024-01-01/2024-01-02"), std::string::npos) << message;
    EXPECT_NE(message.find(server.url() + "/search"), std::string::npos) << message;
    EXPECT_NE(message.find("HTTP 502"), std::string::npos) << message;
    EXPECT_NE(message.find("after 3 attempts"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos);
  }
  EXPECT_EQ(sink.stored.size(), 21u);  // three pages of 7
  EXPECT_TRUE(sink.done.empty());
}

TEST(Download, AFailureStopsTheOtherSlicesUnfinished) {
  // Every request after the third fails: whatever the order the parallel slices' requests
  // come in, no slice gets all its pages (four each), so none may be recorded as finished.
  // (After the sixth, one slice could take four of the six under load: a flaky test.)
  TestServer server({"--fault", "502:1:3"});
  auto options = optionsFor(server, "2024-01-01", "2024-01-08");
  options.retry.max_attempts = 2;
  MemorySink sink;
  EXPECT_THROW(runDownload(options, sink), Error);
  EXPECT_TRUE(sink.done.empty());
  EXPECT_LE(sink.stored.size(), 3u * 7u);
}

TEST(Download, FatalStatusesAreNotRetried) {
  TestServer server({});
  auto options = optionsFor(server, "2024-01-01", "2024-01-01");
  options.query.api = server.url() + "/nowhere";
  MemorySink sink;
  EXPECT_THROW(runDownload(options, sink), Error);
  EXPECT_EQ(server.searchRequests(), 0);
}

TEST(Download, ResumeSkipsFinishedSlicesAndRefusesAnotherQuery) {
  TestServer server({});
  auto options = optionsFor(server, "2024-01-01", "2024-01-03");
  MemorySink sink;
  sink.meta["query"] = describeQuery(options);
  sink.done = {"2024-01-02/2024-01-03"};
  const auto summary = runDownload(options, sink);
  EXPECT_EQ(summary.slices_resumed, 1);
  EXPECT_EQ(sink.stored.size(), 2u * kPerDay);
  for (const auto& body : server.requestBodies()) {
    EXPECT_EQ(body.find("2024-01-01T23:59:59Z/2024-01-03"), std::string::npos) << body;
  }

  auto other = options;
  other.last_day += 1;
  EXPECT_THROW(runDownload(other, sink), InputError);
}

TEST(Download, RealPlanetaryComputerTokenChain) {
  const std::string dir = test::sharedData("sentinel2-stac/pages/planetary-computer/").string();
  STAC2H3_REQUIRE_SHARED(dir);
  std::string chain;
  for (const char* page : {"search-post-token-page1.json", "search-post-token-page2.json",
                           "search-post-token-page3.json", "search-post-token-page4-last.json"}) {
    chain += (chain.empty() ? "" : ",") + dir + page;
  }
  TestServer server({"--real", chain});
  auto options = optionsFor(server, "2019-01-01", "2019-01-01");
  options.query.api = server.url() + "/real";
  MemorySink sink;
  const auto summary = runDownload(options, sink);
  EXPECT_EQ(summary.pages, 4);
  EXPECT_EQ(sink.stored.size(), 33u);  // 10 + 10 + 10 + 3, as recorded
  EXPECT_FALSE(summary.fields);
}

TEST(Download, RealEarthSearchNextOnlyBodies) {
  const std::string dir = test::sharedData("sentinel2-stac/pages/earthsearch-v1/").string();
  STAC2H3_REQUIRE_SHARED(dir);
  TestServer server({"--real", dir + "search-post-cql2-filter-page1.json," + dir +
                                   "search-post-cql2-filter-page2.json"});
  auto options = optionsFor(server, "2025-07-31", "2025-07-31");
  options.query.api = server.url() + "/real";
  options.max_pieces_per_slice = 1;  // halves would get the same recorded pages again
  MemorySink sink;
  const auto summary = runDownload(options, sink);
  // 2 + 4 sentinel-2-l2a items; other collections in the pages are dropped. Page 3 (not
  // recorded) comes back empty and ends the paging, far short of the 115,912,758 matched:
  // the slice stays unfinished.
  EXPECT_EQ(sink.stored.size(), 6u);
  ASSERT_EQ(summary.incomplete.size(), 1u);
  EXPECT_NE(summary.incomplete[0].find("numberMatched 115912758 is at the server's count cap"),
            std::string::npos)
      << summary.incomplete[0];
  EXPECT_TRUE(sink.done.empty());
  const auto bodies = server.requestBodies();
  ASSERT_EQ(bodies.size(), 3u);
  EXPECT_NE(bodies[1].find("\"collections\":[\"sentinel-2-l2a\"]"), std::string::npos);
  EXPECT_NE(bodies[1].find("\"datetime\":\"2025-07-30T23:59:59Z/2025-08-01T00:00:01Z\""),
            std::string::npos);
  EXPECT_NE(bodies[1].find("\"next\":\"2025-07-31T13:03:25.899000Z,S2B_T24MVV"), std::string::npos);
}

}  // namespace
}  // namespace stac2h3::stac
