/** @file select_reference_test.cpp
 * @brief `stac2h3 select` on the real items of ../shared/data against an independent
 * estimate (select_reference.py: shapely, random points of the AOI): coverage G and expected
 * clear fraction E agree to 0.01, and the selection's E is at least that of "least cloud
 * first, skip scenes adding no new coverage" with as many scenes. Spawns python: Release
 * only (label no_sanitizer).
 */
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>

#include "select_fixture.h"
#include "shared_data.h"
#include "support/shell_run.h"

namespace stac2h3::test {
namespace {

std::string capture(const std::string& command, int& status) {
  ShellRun run = runShell(command);
  status = run.status;
  return std::move(run.output);
}

struct RealCase {
  std::string file;  ///< under sentinel2-stac/items
  std::string bbox;
  std::string start;
  std::string end;
  std::string flags;           ///< more select flags
  std::string max_cloud = "";  ///< the --max-cloud of `flags`, for the reference
};

void checkAgainstReference(const RealCase& c, const std::string& name) {
  const auto source = sharedData("sentinel2-stac/items/" + c.file);
  STAC2H3_REQUIRE_SHARED(source);
  ScratchFile items("select_real_" + name + ".gpkg");
  ScratchFile selected("select_real_" + name + ".ndjson");
  ScratchFile report("select_real_" + name + "_report.json");
  int status = 0;
  std::string out = capture(std::string(STAC2H3_BINARY) + " import -q " + source.string() + " -o " +
                                items.path().string() + " 2>&1",
                            status);
  ASSERT_EQ(status, 0) << out;
  out = capture(std::string(STAC2H3_BINARY) + " select " + items.path().string() + " --bbox " +
                    c.bbox + " --start " + c.start + " --end " + c.end + " " + c.flags + " -o " +
                    selected.path().string() + " --report " + report.path().string() + " 2>&1",
                status);
  ASSERT_EQ(status, 0) << out;
  const std::string script = sourceFile("tests/select/select_reference.py").string();
  out =
      capture("/usr/bin/python3 " + script + " " + source.string() + " " + c.bbox + " " + c.start +
                  " " + c.end + " " + selected.path().string() + " 12000 7 " + c.max_cloud,
              status);
  ASSERT_EQ(status, 0) << out;

  simdjson::dom::parser parser;
  const simdjson::dom::element reference = parser.parse(out);
  simdjson::dom::parser report_parser;
  const simdjson::dom::element window = report_parser.load(report.path().string())["windows"].at(0);
  const double coverage = window["coverage"].get_double().value();
  const double expected_clear = window["expected_clear"].get_double().value();
  const int64_t scenes = static_cast<int64_t>(window["selected"].get_array().value().size());
  std::printf(
      "%s: %lld scenes of %lld candidates (reference %lld): G %.4f (reference %.4f), "
      "E %.4f (reference %.4f); least cloud first with %lld scenes: E %.4f\n",
      name.c_str(), static_cast<long long>(scenes),
      static_cast<long long>(window["candidates"].get_int64().value()),
      static_cast<long long>(reference["candidates"].get_int64().value()), coverage,
      reference["coverage"].get_double().value(), expected_clear,
      reference["expected_clear"].get_double().value(),
      static_cast<long long>(reference["baseline_scenes"].get_int64().value()),
      reference["baseline_expected_clear"].get_double().value());
  EXPECT_GT(scenes, 1);
  // The reference knows no acquisition rule: a granule wholly under a better one of its
  // acquisition is a candidate there, not here.
  EXPECT_LE(window["candidates"].get_int64().value(), reference["candidates"].get_int64().value());
  EXPECT_GE(window["candidates"].get_int64().value(),
            reference["candidates"].get_int64().value() - 3);
  EXPECT_NEAR(coverage, reference["coverage"].get_double().value(), 0.01);
  EXPECT_NEAR(expected_clear, reference["expected_clear"].get_double().value(), 0.01);
  // Both on the same random points: the selection sees at least as much clear ground.
  EXPECT_GE(reference["expected_clear"].get_double().value(),
            reference["baseline_expected_clear"].get_double().value());
}

TEST(SelectReference, EarthSearchNewMexicoApril2020) {
  checkAgainstReference({"earthsearch-v1.ndjson", "-106.6,35.4,-105.2,36.8", "2020-04-01",
                         "2020-04-30", "--max-items 4"},
                        "earthsearch");
}

TEST(SelectReference, PlanetaryComputerColoradoAugust2024) {
  // Two orbits' swath edges, split granules and a cloud threshold over ~100,000 km².
  checkAgainstReference({"planetary-computer-geoparquet-rustac.ndjson", "-107,37,-104,40",
                         "2024-08-01", "2024-08-31", "--max-cloud 50", "50"},
                        "planetary_computer");
}

}  // namespace
}  // namespace stac2h3::test
