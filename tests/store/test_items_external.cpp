/** @file test_items_external.cpp
 * @brief The items GeoPackage read by other software: ogrinfo (GDAL) and geopandas with
 * the sources re-read by Python's json module (independent of stac2h3's parser).
 */
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>

#include "items_fixture.h"
#include "rtree_check.h"
#include "shared_data.h"
#include "store/items_import.h"

namespace stac2h3::store {
namespace {

/** Runs a shell command; returns its stdout and sets `status`. */
std::string run(const std::string& command, int& status) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  std::array<char, 4096> buffer{};
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  status = pclose(pipe);
  return output;
}

class ItemsExternal : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : kSources) {
      sources_.push_back(test::sharedData(std::string("sentinel2-stac/items/") + name));
      if (!std::filesystem::exists(sources_.back())) GTEST_SKIP() << "absent: " << sources_.back();
    }
    ItemsWriter writer(file_.path(), {"s2:product_uri"});
    stac::ParseOptions options;
    options.extra_properties = {"s2:product_uri"};
    importItems(sources_, options, writer, {});
  }

  static constexpr const char* kSources[] = {"earthsearch-v1.ndjson", "planetary-computer.ndjson",
                                             "stactools-sentinel2.ndjson", "other-apis.ndjson",
                                             "planetary-computer-geoparquet-rustac.ndjson"};
  test::ScratchFile file_{"external.gpkg"};
  std::vector<std::filesystem::path> sources_;
};

TEST_F(ItemsExternal, OgrinfoSeesAValidGeoPackage) {
  int status = 0;
  const std::string out = run("ogrinfo -so -al " + file_.path().string() + " items", status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("Geometry: Multi Polygon"), std::string::npos) << out;
  EXPECT_NE(out.find("cloud_cover: Real"), std::string::npos) << out;
  EXPECT_NE(out.find("s2_product_uri: String"), std::string::npos) << out;
  EXPECT_NE(out.find("WGS 84"), std::string::npos) << out;
  EXPECT_EQ(out.find("ERROR"), std::string::npos) << out;
  EXPECT_EQ(out.find("Warning"), std::string::npos) << out;
  const std::string layers = run("ogrinfo " + file_.path().string(), status);
  EXPECT_NE(layers.find("stac2h3_metadata"), std::string::npos) << layers;
}

TEST_F(ItemsExternal, GdalValidatorAcceptsTheFile) {
  const std::filesystem::path validator =
      "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";
  if (!std::filesystem::exists(validator)) GTEST_SKIP() << "absent: " << validator;
  int status = 0;
  const std::string out =
      run("/usr/bin/python3 " + validator.string() + " -k " + file_.path().string(), status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out, "");
}

TEST_F(ItemsExternal, AnotherWritersRowsAreIndexedByTheFilesTriggers) {
  EXPECT_EQ(test::rtreeProblem(file_.path()), "");
  int status = 0;
  const std::string fid = run(
      "/usr/bin/python3 " + test::sourceFile("tests/store/scripts/append_with_gdal.py").string() +
          " " + file_.path().string(),
      status);
  ASSERT_EQ(status, 0) << fid;
  EXPECT_EQ(test::rtreeProblem(file_.path()), "");
  // And our writer appends after it, keeping the index whole.
  ItemsWriter writer(file_.path(), {"s2:product_uri"});
  stac::Item item = test::squareItem("after-gdal", 7, 8);
  item.extra = {std::monostate{}};
  writer.write(std::vector{item});
  EXPECT_EQ(test::rtreeProblem(file_.path()), "");
}

TEST_F(ItemsExternal, GeopandasReadsTheSameValuesAsTheSources) {
  std::string command = "/usr/bin/python3 " +
                        test::sourceFile("tests/store/scripts/check_items_gpkg.py").string() + " " +
                        file_.path().string();
  // stactools and other-apis items share ids across files with different content: check the
  // files whose items are unique.
  for (const char* name :
       {"earthsearch-v1.ndjson", "planetary-computer-geoparquet-rustac.ndjson"}) {
    command += " " + test::sharedData(std::string("sentinel2-stac/items/") + name).string();
  }
  int status = 0;
  const std::string out = run(command, status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("ok "), std::string::npos) << out;
}

}  // namespace
}  // namespace stac2h3::store
