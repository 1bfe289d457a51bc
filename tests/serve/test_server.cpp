/** @file test_server.cpp
 * @brief The HTTP server in-process on a free port, through cpp-httplib's client: the
 * description documents, every refused request (400 with {"code", "description"}), unknown
 * paths (404), and 32 concurrent clients x 50 requests all answered, each with the same
 * bytes as the same request asked alone.
 */
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <thread>

#include "serve/cube_levels.h"
#include "serve/server.h"

namespace stac2h3::serve {
namespace {

constexpr const char* kZone = "/collections/cube/dggs/H3/zones/";

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cube_ = new CubeLevels(SERVE_PYRAMID);
    server_ = new Server(*cube_);
    port_ = server_->bind("127.0.0.1", 0);
    thread_ = new std::thread([] { server_->run(); });
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete cube_;
  }
  static httplib::Client client() {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(5);
    client.set_read_timeout(20);
    return client;
  }
  /** GET `path`: status and body (status -1 when there was no response). */
  static std::pair<int, std::string> get(const std::string& path) {
    auto client = ServerTest::client();
    const auto response = client.Get(path);
    if (!response) return {-1, ""};
    return {response->status, response->body};
  }
  static CubeLevels* cube_;
  static Server* server_;
  static std::thread* thread_;
  static int port_;
};

CubeLevels* ServerTest::cube_ = nullptr;
Server* ServerTest::server_ = nullptr;
std::thread* ServerTest::thread_ = nullptr;
int ServerTest::port_ = 0;

TEST_F(ServerTest, DescribesTheCube) {
  const auto [status, body] = get("/collections/cube");
  EXPECT_EQ(status, 200);
  EXPECT_NE(body.find("\"interval\":[[\"2024-01-01\",\"2024-02-14\"]]"), std::string::npos);
  EXPECT_NE(body.find("{\"level\":3,\"cells\":41162}"), std::string::npos);
  EXPECT_NE(body.find("{\"name\":\"water\",\"units\":\"%\",\"long_name\":\"water\"}"),
            std::string::npos);
  EXPECT_NE(get("/collections/cube/dggs").second.find("\"id\":\"H3\""), std::string::npos);
  const auto h3 = get("/collections/cube/dggs/H3").second;
  EXPECT_NE(h3.find("\"maxRefinementLevel\":3"), std::string::npos);
  const auto page = get("/");
  EXPECT_EQ(page.first, 200);
  EXPECT_NE(page.second.find("window.STAC2H3_SERVE = {\"coastlines\":"), std::string::npos);
}

TEST_F(ServerTest, AnswersZoneData) {
  const auto [status, body] = get(std::string(kZone) +
                                  "8001fffffffffff/data?zone-depth=1&datetime=2024-01-03/2024-01-09"
                                  "&properties=water&agg=max");
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body.rfind("{\"zone\":\"8001fffffffffff\",\"level\":1,\"datetime\":\"2024-01-03/"
                       "2024-01-09\",\"agg\":\"max\",\"cells\":[\"81003ffffffffff\"",
                       0),
            0u)
      << body;
  const auto binary = get(std::string(kZone) + "8001fffffffffff/data?zone-depth=2&f=bin");
  ASSERT_EQ(binary.first, 200);
  EXPECT_EQ(binary.second.substr(0, 4), "H3Z1");
}

TEST_F(ServerTest, RefusesBadParametersWithJson) {
  const std::string data = std::string(kZone) + "8001fffffffffff/data?";
  const std::vector<std::pair<std::string, std::string>> refused = {
      {std::string(kZone) + "nothex/data", "zone 'nothex'"},
      {std::string(kZone) + "8001ffffffffff0/data", "not an H3 cell"},  // bad digits
      {std::string(kZone) + "0/data", "not an H3 cell"},
      {data + "zone-depth=6", "zone-depth '6'"},
      {data + "zone-depth=-1", "zone-depth '-1'"},
      {data + "zone-depth=1.5", "zone-depth '1.5'"},
      {data + "zone-depth=", "zone-depth ''"},
      {data + "zone-depth=4", "level 4"},  // the pyramid stops at 3
      {std::string(kZone) + "84754e3ffffffff/data", "level 4"},
      {data + "datetime=2024-13-01", "datetime '2024-13-01'"},
      {data + "datetime=2024-01-10/2024-01-01", "ends before it starts"},
      {data + "datetime=2000-01-01/2024-01-01", "longer than"},
      {data + "datetime=yesterday", "datetime 'yesterday'"},
      {data + "datetime=2024-01-01/", "datetime '2024-01-01/'"},
      {data + "properties=water,nope", "'nope' is not a variable"},
      {data + "properties=time", "'time' is not a variable"},
      {data + "properties=", "'' is not a variable"},
      {data + "agg=average", "agg 'average'"},
      {data + "f=xml", "f 'xml'"},
      {data + "zone-level=3", "unknown parameter 'zone-level'"},
      {data + "agg=mean&agg=max", "given twice"},
  };
  for (const auto& [path, expected] : refused) {
    const auto [status, body] = get(path);
    EXPECT_EQ(status, 400) << path;
    EXPECT_EQ(body.rfind("{\"code\":\"InvalidParameterValue\",\"description\":\"", 0), 0u)
        << path << " -> " << body;
    EXPECT_NE(body.find(expected), std::string::npos) << path << " -> " << body;
  }
}

TEST_F(ServerTest, UnknownPathsAre404AndNoFileIsServed) {
  for (const std::string path :
       {"/nope", "/collections", "/collections/other", "/collections/cube/dggs/ISEA3H",
        "/collections/cube/dggs/H3/zones", "/collections/cube/dggs/H3/zones/8001fffffffffff",
        "/collections/cube/dggs/H3/zones/8001fffffffffff/data/extra", "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd", "/index.html", "/serve.js", "/.zmetadata", "/3/.zarray"}) {
    const auto [status, body] = get(path);
    EXPECT_EQ(status, 404) << path;
    EXPECT_EQ(body.rfind("{\"code\":\"NotFound\"", 0), 0u) << path << " -> " << body;
  }
  auto client = ServerTest::client();
  const auto posted = client.Post("/collections/cube", "x", "text/plain");
  ASSERT_TRUE(posted);
  EXPECT_GE(posted->status, 400);
  EXPECT_NE(posted->body.find("\"code\""), std::string::npos);
}

TEST_F(ServerTest, ThirtyTwoConcurrentClients) {
  const std::vector<std::string> paths = {
      std::string(kZone) + "8001fffffffffff/data?zone-depth=3&datetime=2024-01-01/2024-01-30",
      std::string(kZone) + "8003fffffffffff/data?zone-depth=2&agg=median&f=bin",
      std::string(kZone) + "81003ffffffffff/data?zone-depth=2&properties=water&agg=count",
      std::string(kZone) + "8009fffffffffff/data?zone-depth=0&datetime=2024-01-05",
      "/collections/cube",
      std::string(kZone) + "8001fffffffffff/data?zone-depth=9",  // refused, concurrently too
  };
  std::vector<std::pair<int, std::string>> alone;
  for (const auto& path : paths) alone.push_back(get(path));
  constexpr int kClients = 32;
  constexpr int kRequests = 50;
  std::atomic<int> failures = 0;
  std::atomic<int> answered = 0;
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      auto client = ServerTest::client();
      client.set_keep_alive(true);
      for (int r = 0; r < kRequests; ++r) {
        const size_t which = static_cast<size_t>(c + r) % paths.size();
        const auto response = client.Get(paths[which]);
        if (!response || response->status != alone[which].first ||
            response->body != alone[which].second) {
          ++failures;
        } else {
          ++answered;
        }
      }
    });
  }
  for (auto& thread : clients) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(answered, kClients * kRequests);
}

}  // namespace
}  // namespace stac2h3::serve
