/** @file select_cli_test.cpp
 * @brief `stac2h3 select` through the binary: monthly windows with an empty month (exit 3
 * under --min-coverage, every output written), the report and cells files, the round trip
 * of the selected items through `import`, bad input (exit 2, nothing written), --fetch
 * from the local STAC API and with no API reachable.
 */
#include <gtest/gtest.h>
#include <simdjson.h>

#include <fstream>
#include <sstream>

#include "select_fixture.h"
#include "stac/server/test_server.h"
#include "support/shell_run.h"

namespace stac2h3::test {
namespace {

/** `stac2h3 ARGUMENTS`; its output holds stdout and stderr. */
ShellRun runCli(const std::string& arguments) {
  return runShell(std::string(STAC2H3_BINARY) + " " + arguments + " 2>&1");
}

std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/** January and March have a clear scene each; February none. */
void writeThreeMonths(const std::filesystem::path& path) {
  writeItems(path, {boxItem("jan_a", 9.9, 39.9, 11.1, 41.1, 10.0, "2025-01-10T10:00:00Z"),
                    boxItem("jan_b", 9.9, 39.9, 11.1, 41.1, 30.0, "2025-01-31T23:59:59Z"),
                    boxItem("mar", 9.9, 39.9, 11.1, 41.1, 0.0, "2025-03-01T00:00:00Z")});
}

TEST(SelectCli, AnEmptyMonthExitsThreeNamingItAndWritesEveryOutput) {
  ScratchFile items("select_cli_months.gpkg");
  ScratchFile out("select_cli_months.json");
  ScratchFile report("select_cli_months_report.json");
  ScratchFile cells("select_cli_months_cells.csv");
  writeThreeMonths(items.path());
  const ShellRun run = runCli("select " + items.path().string() +
                              " --bbox 10,40,11,41 --start 2025-01-01 --end 2025-03-31 --every 1m "
                              "--min-coverage 0.9 --res 6 -o " +
                              out.path().string() + " --report " + report.path().string() +
                              " --cells-out " + cells.path().string());
  EXPECT_EQ(run.status, 3) << run.output;
  EXPECT_NE(run.output.find("2025-02-01..2025-02-28"), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find("2025-01-01..2025-01-31 ("), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("2025-02-01..2025-02-28: 0 of 0 candidates selected, coverage 0.0000"),
            std::string::npos)
      << run.output;

  simdjson::dom::parser parser;
  const simdjson::dom::element doc = parser.load(report.path().string());
  EXPECT_GT(doc["aoi_area_km2"].get_double().value(), 9000.0);
  const auto windows = doc["windows"].get_array().value();
  ASSERT_EQ(windows.size(), 3u);
  std::vector<std::string> keys;
  const simdjson::dom::object january = windows.at(0).get_object().value();
  for (const auto field : january) keys.emplace_back(field.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"start", "end", "candidates", "selected", "coverage",
                                            "expected_clear"}));
  EXPECT_EQ(windows.at(0)["start"].get_string().value(), "2025-01-01");
  EXPECT_EQ(windows.at(0)["end"].get_string().value(), "2025-01-31");
  EXPECT_EQ(windows.at(0)["candidates"].get_int64().value(), 2);
  // jan_a first (0.9), then jan_b adds 0.1 × 0.7.
  EXPECT_EQ(simdjson::minify(windows.at(0)["selected"]), R"(["jan_a","jan_b"])");
  EXPECT_NEAR(windows.at(0)["expected_clear"].get_double().value(), 0.97, 1e-9);
  EXPECT_EQ(windows.at(1)["candidates"].get_int64().value(), 0);
  EXPECT_EQ(windows.at(1)["coverage"].get_double().value(), 0.0);
  EXPECT_EQ(windows.at(1)["expected_clear"].get_double().value(), 0.0);
  EXPECT_EQ(simdjson::minify(windows.at(2)["selected"]), R"(["mar"])");

  const simdjson::dom::element collection = parser.load(out.path().string());
  const auto features = collection["features"].get_array().value();
  ASSERT_EQ(features.size(), 3u);
  EXPECT_EQ(features.at(1)["id"].get_string().value(), "jan_b");
  EXPECT_EQ(features.at(1)["properties"]["stac2h3:rank"].get_int64().value(), 2);
  EXPECT_EQ(simdjson::minify(features.at(1)["properties"]["stac2h3:window"]),
            R"(["2025-01-01","2025-01-31"])");
  EXPECT_NEAR(features.at(1)["properties"]["stac2h3:gain"].get_double().value(), 0.07, 1e-9);
  EXPECT_EQ(features.at(2)["properties"]["stac2h3:rank"].get_int64().value(), 1);
  EXPECT_EQ(features.at(0)["links"].at(0)["href"].get_string().value(),
            "https://example.test/collections/sentinel-2-l2a/items/jan_a");

  // A row per window and cell; every January cell seen by both scenes.
  const std::string csv = readText(cells.path());
  const size_t rows = static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')) - 1;
  EXPECT_EQ(rows % 3, 0u);
  EXPECT_GT(rows, 3u * 30);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "window_start,window_end,cell,area_km2,coverage,expected_clear,items");
  EXPECT_NE(csv.find(",1,0.97,\"jan_a jan_b\"\n"), std::string::npos);
  EXPECT_NE(csv.find("2025-02-01,2025-02-28,"), std::string::npos);
}

TEST(SelectCli, TheSelectedItemsImportBackAsTheyWereStored) {
  ScratchFile items("select_cli_trip.gpkg");
  writeThreeMonths(items.path());
  std::vector<stac::Item> stored;
  store::readItems(items.path(), [&](const stac::Item& item) { stored.push_back(item); });
  for (const char* extension : {"json", "ndjson"}) {
    ScratchFile out(std::string("select_cli_trip.") + extension);
    ScratchFile back(std::string("select_cli_trip_back_") + extension + ".gpkg");
    ShellRun run = runCli("select " + items.path().string() +
                          " --bbox 10,40,11,41 --start 2025-01-01 --end 2025-03-31 --every 1m -o " +
                          out.path().string());
    ASSERT_EQ(run.status, 0) << run.output;
    run = runCli("import " + out.path().string() + " -o " + back.path().string());
    ASSERT_EQ(run.status, 0) << run.output;
    std::vector<stac::Item> imported;
    store::readItems(back.path(), [&](const stac::Item& item) { imported.push_back(item); });
    ASSERT_EQ(imported.size(), 3u) << extension;
    EXPECT_EQ(imported[0].id, "jan_a");  // the file's order: rank order, window after window
    EXPECT_EQ(imported[2].id, "mar");
    for (const stac::Item& item : imported) {
      const auto original = std::find_if(stored.begin(), stored.end(),
                                         [&](const stac::Item& s) { return s.id == item.id; });
      ASSERT_NE(original, stored.end());
      EXPECT_EQ(item.collection, original->collection);
      EXPECT_EQ(item.datetime, original->datetime);
      EXPECT_EQ(item.platform, original->platform);
      EXPECT_EQ(item.mgrs_tile, original->mgrs_tile);
      EXPECT_EQ(item.processing_baseline, original->processing_baseline);
      EXPECT_EQ(item.self_href, original->self_href);
      EXPECT_EQ(item.footprint, original->footprint);
      for (int v = 0; v < stac::kNumValues; ++v) {
        if (std::isnan(original->values[v])) {
          EXPECT_TRUE(std::isnan(item.values[v]));
        } else {
          EXPECT_EQ(item.values[v], original->values[v]);
        }
      }
    }
  }
}

TEST(SelectCli, IdsOnePerLineInRankOrder) {
  ScratchFile items("select_cli_ids.gpkg");
  ScratchFile out("select_cli_ids.txt");
  writeThreeMonths(items.path());
  const ShellRun run =
      runCli("select " + items.path().string() +
             " --bbox 10,40,11,41 --start 2025-01-01 --end 2025-01-31 -o " + out.path().string());
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_EQ(readText(out.path()), "jan_a\njan_b\n");
}

TEST(SelectCli, BadInputIsOneLineExitTwoAndNothingWritten) {
  ScratchFile items("select_cli_bad.gpkg");
  ScratchFile out("select_cli_bad.json");
  ScratchFile report("select_cli_bad_report.json");
  ScratchFile aoi("select_cli_bad_aoi.geojson");
  writeThreeMonths(items.path());
  const std::string common = " --start 2025-01-01 --end 2025-01-31 -o " + out.path().string() +
                             " --report " + report.path().string();
  struct Case {
    std::string aoi_text;  ///< written to the AOI file when not empty
    std::string arguments;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"not json", "--aoi " + aoi.path().string(), "malformed JSON"},
      {R"({"type":"Point","coordinates":[1,2]})", "--aoi " + aoi.path().string(), "not a Polygon"},
      {R"({"type":"FeatureCollection","features":[]})", "--aoi " + aoi.path().string(),
       "no Polygon"},
      {R"({"type":"Polygon","coordinates":[[[10,40],[11,40],[11,41],[10,41]]]})",
       "--aoi " + aoi.path().string(), "not closed"},
      {"", "--bbox 10,40,11", "bad --bbox"},
      {"", "--cells 8928308280fffff,zz", "bad --cells"},
      {"", "--bbox 10,40,11,41 --every 2w", "2w"},
  };
  for (const Case& c : cases) {
    if (!c.aoi_text.empty()) {
      std::ofstream(aoi.path()) << c.aoi_text;
    }
    const ShellRun run = runCli("select " + items.path().string() + " " + c.arguments + common);
    EXPECT_EQ(run.status, 2) << c.arguments << ": " << run.output;
    EXPECT_NE(run.output.find(c.message), std::string::npos) << run.output;
    EXPECT_EQ(std::count(run.output.begin(), run.output.end(), '\n'), 1) << run.output;
    EXPECT_FALSE(std::filesystem::exists(out.path())) << c.arguments;
    EXPECT_FALSE(std::filesystem::exists(report.path())) << c.arguments;
  }
  ShellRun run = runCli("select /no/such.gpkg --bbox 10,40,11,41" + common);
  EXPECT_EQ(run.status, 2) << run.output;
  EXPECT_NE(run.output.find("/no/such.gpkg"), std::string::npos) << run.output;
  run = runCli("select " + aoi.path().string() + " --bbox 10,40,11,41" + common);
  EXPECT_EQ(run.status, 2) << run.output;
  run = runCli("select " + items.path().string() +
               " --bbox 10,40,11,41 --start 2025-01-01 "
               "--end 2025-01-31 -o " +
               out.path().string() + ".geojson");
  EXPECT_EQ(run.status, 2) << run.output;
  EXPECT_NE(run.output.find("unknown output type"), std::string::npos) << run.output;
  EXPECT_FALSE(std::filesystem::exists(out.path()));
}

/** The features of an ItemCollection file as (id, minified feature) in file order. */
std::vector<std::pair<std::string, std::string>> featuresOf(const std::filesystem::path& path) {
  simdjson::dom::parser parser;
  std::vector<std::pair<std::string, std::string>> out;
  for (simdjson::dom::element feature : parser.load(path.string())["features"].get_array()) {
    out.emplace_back(std::string(feature["id"].get_string().value()), simdjson::minify(feature));
  }
  return out;
}

TEST(SelectCli, FetchWritesTheFullItemsFromTheApiTheItemsCameFrom) {
  // The local STAC API's item 0 of 2024-03-01 is the square 39.5..40.5 E, 32.5..31.5 S, at
  // midnight; its full items carry assets, the stored ones none.
  TestServer server({});
  ScratchFile items("select_cli_fetch_live.gpkg");
  ScratchFile plain("select_cli_fetch_plain.json");
  ScratchFile full("select_cli_fetch_full.json");
  ShellRun run = runCli("download --api " + server.url() +
                        " --bbox 39,-33,41,-31 --start 2024-03-01 --end 2024-03-01 -o " +
                        items.path().string());
  ASSERT_EQ(run.status, 0) << run.output;
  const std::string selection =
      "select " + items.path().string() +
      " --bbox 39.6,-32.4,40.4,-31.6 --start 2024-03-01 --end 2024-03-01 --retries 2 -o ";
  run = runCli(selection + plain.path().string());
  ASSERT_EQ(run.status, 0) << run.output;
  run = runCli(selection + full.path().string() + " --fetch");
  ASSERT_EQ(run.status, 0) << run.output;

  const auto stored = featuresOf(plain.path());
  const auto fetched = featuresOf(full.path());
  ASSERT_FALSE(stored.empty());
  EXPECT_EQ(stored.front().first, "S2G_20240301_0000_L2A");
  ASSERT_EQ(fetched.size(), stored.size());
  for (size_t i = 0; i < stored.size(); ++i) {
    EXPECT_EQ(fetched[i].first, stored[i].first) << "rank " << i + 1;
    EXPECT_NE(fetched[i].second.find(R"("B02":{"href":"https://example.test/B02/20240301/)"),
              std::string::npos)
        << fetched[i].second;
    EXPECT_EQ(stored[i].second.find("example.test"), std::string::npos) << stored[i].second;
    EXPECT_NE(fetched[i].second.find(R"("stac2h3:rank":)" + std::to_string(i + 1)),
              std::string::npos)
        << fetched[i].second;
  }
  // One search by ids after the download's own requests, carrying exactly the selected ids.
  const std::vector<std::string> bodies = server.requestBodies();
  ASSERT_FALSE(bodies.empty());
  EXPECT_NE(bodies.back().find(R"("ids":[")" + stored.front().first), std::string::npos)
      << bodies.back();
}

TEST(SelectCli, FetchWithoutAReachableApiFailsInOneLineAndWritesNothing) {
  ScratchFile items("select_cli_fetch.gpkg");
  ScratchFile imported("select_cli_fetch_imported.gpkg");
  ScratchFile out("select_cli_fetch.json");
  // Port 9 (discard) on loopback: connection refused.
  writeItems(items.path(), {boxItem("a", 9.9, 39.9, 11.1, 41.1, 10.0, "2025-01-10T10:00:00Z")},
             "http://127.0.0.1:9");
  ShellRun run = runCli("select " + items.path().string() +
                        " --bbox 10,40,11,41 --start 2025-01-01 --end 2025-01-31 --fetch "
                        "--retries 1 -o " +
                        out.path().string());
  EXPECT_NE(run.status, 0);
  EXPECT_NE(run.status, 3);
  EXPECT_NE(run.output.find("--fetch: POST http://127.0.0.1:9/search"), std::string::npos)
      << run.output;
  EXPECT_EQ(std::count(run.output.begin(), run.output.end(), '\n'), 1) << run.output;
  EXPECT_FALSE(std::filesystem::exists(out.path()));
  // An imported file records no API.
  writeItems(imported.path(), {boxItem("a", 9.9, 39.9, 11.1, 41.1, 10.0, "2025-01-10T10:00:00Z")},
             "import");
  run = runCli("select " + imported.path().string() +
               " --bbox 10,40,11,41 --start 2025-01-01 --end 2025-01-31 --fetch -o " +
               out.path().string());
  EXPECT_EQ(run.status, 2) << run.output;
  EXPECT_NE(run.output.find("records no STAC API"), std::string::npos) << run.output;
  EXPECT_FALSE(std::filesystem::exists(out.path()));
}

}  // namespace
}  // namespace stac2h3::test
