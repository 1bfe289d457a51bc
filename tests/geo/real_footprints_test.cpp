/** @file real_footprints_test.cpp
 * @brief The cover on the real Sentinel-2 footprints of ../shared/data: every valid footprint's
 * overlaps sum to its area, at res 3 for all, res 5 and 7 for a sample.
 */
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "geo/cover.h"
#include "geo/footprint_validity.h"
#include "geo/geojson.h"
#include "support/shared_data.h"
#include "util/error.h"

namespace stac2h3::geo {
namespace {

TEST(RealFootprints, OverlapsSumToTheFootprintArea) {
  const auto dir = test::sharedData("sentinel2-stac/items");
  STAC2H3_REQUIRE_SHARED(dir);
  int items = 0, unparsed = 0, invalid = 0, checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".ndjson") continue;
    std::ifstream in(entry.path());
    int line_number = 0;
    for (std::string line; std::getline(in, line);) {
      const std::string where =
          entry.path().filename().string() + ":" + std::to_string(++line_number);
      ++items;
      MultiPolygon footprint;
      try {
        footprint = parseGeoJsonArea(line, where);
      } catch (const InputError&) {
        ++unparsed;  // items without a polygon geometry
        continue;
      }
      std::string reason;
      if (!isValidFootprint(footprint, &reason)) {
        ++invalid;
        continue;
      }
      const double area = areaKm2(footprint);
      for (const int res : {3, 5, 7}) {
        if ((res == 5 && items % 8 != 0) || (res == 7 && items % 100 != 0)) continue;
        double sum = 0.0;
        for (const CellOverlap& o : cellOverlaps(footprint, res)) sum += o.area_km2;
        EXPECT_NEAR(sum / area, 1.0, 1e-9) << where << " res " << res;
        ++checked;
      }
    }
  }
  std::cout << items << " items, " << unparsed << " without a polygon, " << invalid
            << " invalid footprints, " << checked << " covers checked\n";
  EXPECT_GT(checked, 1000);
  EXPECT_LT(invalid, items / 20);
}

}  // namespace
}  // namespace stac2h3::geo
