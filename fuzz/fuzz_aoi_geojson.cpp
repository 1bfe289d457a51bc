/** @file fuzz_aoi_geojson.cpp
 * @brief Fuzzes an area of interest as `download --aoi` and `synth --aoi` read it
 * (geo::parseGeoJsonArea): bad input is an InputError (exit status 2), and an accepted area
 * is polygons of finite lon/lat within the globe, split at the antimeridian.
 */
#include <cmath>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "geo/geojson.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  stac2h3::geo::MultiPolygon area;
  try {
    area = stac2h3::geo::parseGeoJsonArea(stac2h3::fuzz::asText(data, size), "aoi.geojson");
  } catch (const stac2h3::InputError&) {
    return 0;
  }
  FUZZ_CHECK(!area.empty());
  for (const auto& polygon : area.polygons) {
    FUZZ_CHECK(polygon.outer.size() >= 3);
    std::vector<const stac2h3::geo::Ring*> rings{&polygon.outer};
    for (const auto& hole : polygon.holes) rings.push_back(&hole);
    for (const auto* ring : rings) {
      for (const auto& v : *ring) {
        FUZZ_CHECK(std::isfinite(v.lon) && std::isfinite(v.lat));
        FUZZ_CHECK(std::fabs(v.lon) <= 180.0 && std::fabs(v.lat) <= 90.0);
      }
    }
  }
  return 0;
}
