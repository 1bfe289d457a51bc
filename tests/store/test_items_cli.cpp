/** @file test_items_cli.cpp
 * @brief The `stac2h3 import` and `stac2h3 simplify` commands: exit statuses, one-line
 * messages, duplicates across files, sizes printed.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "items_fixture.h"
#include "shared_data.h"
#include "store/items_gpkg.h"
#include "store/zarr_cube_reader.h"
#include "support/shell_run.h"

namespace stac2h3::store {
namespace {

using test::ScratchFile;

using CliRun = test::ShellRun;

CliRun runCli(const std::string& arguments) {
  return test::runShell(std::string(STAC2H3_BINARY) + " " + arguments + " 2>&1");
}

/** Writes `lines` as an NDJSON file. */
void writeLines(const std::filesystem::path& path, const std::vector<std::string>& lines) {
  std::ofstream out(path);
  for (const std::string& line : lines) out << line << "\n";
}

std::string item(const std::string& id, double cloud) {
  return R"({"type":"Feature","id":")" + id +
         R"(","collection":"sentinel-2-l2a","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"properties":{"datetime":"2024-01-01T00:00:00Z","eo:cloud_cover":)" +
         std::to_string(cloud) + "}}";
}

TEST(ItemsCli, ImportKeepsOneRowPerItemAcrossFilesLaterWins) {
  ScratchFile a("cli_a.ndjson");
  ScratchFile b("cli_b.ndjson");
  ScratchFile out("cli_dupes.gpkg");
  writeLines(a.path(), {item("X", 10), item("Y", 20)});
  writeLines(b.path(), {item("X", 30)});
  const CliRun run = runCli("import " + a.path().string() + " " + b.path().string() + " -o " +
                            out.path().string());
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("imported 3 items from 2 files"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("2 new, 1 replaced"), std::string::npos) << run.output;
  std::vector<stac::Item> items;
  readItems(out.path(), [&](const stac::Item& i) { items.push_back(i); });
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].id, "X");
  EXPECT_EQ(items[0].value(stac::Value::kCloudCover), 30.0);
}

TEST(ItemsCli, ImportReportsABadLineAndKeepsTheRest) {
  ScratchFile in("cli_bad.ndjson");
  ScratchFile out("cli_bad.gpkg");
  writeLines(in.path(), {item("A", 1), item("B", 2).substr(0, 40), item("C", 3)});
  const CliRun run = runCli("import " + in.path().string() + " -o " + out.path().string());
  EXPECT_EQ(run.status, 2) << run.output;
  EXPECT_NE(run.output.find(in.path().string() + ":2: malformed JSON"), std::string::npos)
      << run.output;
  EXPECT_EQ(ItemsReader(out.path()).count(), 2);
}

TEST(ItemsCli, ImportOfAMissingFileIsAUsageError) {
  ScratchFile out("cli_missing.gpkg");
  const CliRun run = runCli("import /no/such.ndjson -o " + out.path().string());
  EXPECT_NE(run.status, 0);
  EXPECT_FALSE(std::filesystem::exists(out.path()));
}

TEST(ItemsCli, SimplifyPrintsSizes) {
  const auto source = test::sharedData("sentinel2-stac/items/planetary-computer.ndjson");
  STAC2H3_REQUIRE_SHARED(source);
  ScratchFile full("cli_full.gpkg");
  ScratchFile small("cli_small.gpkg");
  ASSERT_EQ(runCli("import -q " + source.string() + " -o " + full.path().string() +
                   " --properties s2:product_uri,s2:granule_id")
                .status,
            0);
  const CliRun run = runCli("simplify " + full.path().string() + " -o " + small.path().string() +
                            " --keep s2_product_uri --drop water");
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find(full.path().string() + ": "), std::string::npos) << run.output;
  EXPECT_NE(run.output.find(
                "dropped: platform,mgrs_tile,processing_baseline,water,self_href,s2_granule_id"),
            std::string::npos)
      << run.output;
  EXPECT_LT(std::filesystem::file_size(small.path()), std::filesystem::file_size(full.path()));
  const CliRun bad = runCli("simplify " + full.path().string() + " -o " + small.path().string());
  EXPECT_EQ(bad.status, 2) << bad.output;
}

TEST(ResampleCli, AnyNumericColumnIsAVariableAndATextOneIsRefused) {
  const auto source = test::sharedData("sentinel2-stac/items/earthsearch-v1.ndjson");
  STAC2H3_REQUIRE_SHARED(source);
  ScratchFile items("cli_vars.gpkg");
  const std::filesystem::path cube = items.path().string() + ".zarr";
  ASSERT_EQ(runCli("import -q " + source.string() + " -o " + items.path().string() +
                   " --properties s2:cloud_shadow_percentage,s2:product_uri")
                .status,
            0);
  const CliRun text = runCli("resample " + items.path().string() + " --res 2 -o " + cube.string() +
                             " --var cloud_cover,s2_product_uri");
  EXPECT_EQ(text.status, 2) << text.output;
  EXPECT_EQ(std::count(text.output.begin(), text.output.end(), '\n'), 1) << text.output;
  EXPECT_NE(text.output.find("'s2_product_uri' holds text"), std::string::npos) << text.output;
  EXPECT_FALSE(std::filesystem::exists(cube));

  const CliRun mapped = runCli("resample " + items.path().string() + " --res 2 -o " +
                               cube.string() + " --var s2_cloud_shadow_percentage,cloud_cover");
  ASSERT_EQ(mapped.status, 0) << mapped.output;
  const ZarrCubeReader reader(cube);
  EXPECT_EQ(reader.variables(),
            (std::vector<std::string>{"s2_cloud_shadow_percentage", "cloud_cover", "obs_fraction",
                                      "n_items"}));
  EXPECT_EQ(reader.units("s2_cloud_shadow_percentage"), "%");
  std::filesystem::remove_all(cube);
}

}  // namespace
}  // namespace stac2h3::store
