/** @file footprint_validity_test.cpp
 * @brief Every synthetic footprint is a valid polygon on the sphere (geo::isValidFootprint),
 * the check the resampler applies before it uses one.
 */
#include "geo/footprint_validity.h"

#include <gtest/gtest.h>

#include <string>

#include "synth/land_mask.h"
#include "synth/synthesizer.h"

namespace stac2h3::synth {
namespace {

const geo::MultiPolygon& land() {
  static const geo::MultiPolygon polygons = readLandPolygons(defaultLandPath());
  return polygons;
}

/** The footprints that fail the check, as "name: reason" lines. */
std::string invalidFootprints(const Synthesizer& synthesizer) {
  std::string failures;
  std::string reason;
  for (const CatalogTile& tile : synthesizer.tiles()) {
    if (!geo::isValidFootprint(tile.footprint, &reason)) {
      failures += tile.spec.name + ": " + reason + "\n";
    }
  }
  const Coverage& coverage = synthesizer.coverage();
  for (const auto& visits : coverage.by_orbit) {
    for (const Visit& visit : visits) {
      if (visit.footprint < 0) continue;
      const auto& footprint = coverage.partial_footprints[static_cast<size_t>(visit.footprint)];
      if (!geo::isValidFootprint(footprint, &reason)) {
        failures += synthesizer.tiles()[visit.tile].spec.name + " (swath cut): " + reason + "\n";
      }
    }
  }
  return failures;
}

TEST(FootprintValidity, TileBesideTheCentralMeridian) {
  // 32MNE's west edge runs 20 m from zone 32's central meridian (9°E): a near-meridian line
  // whose densified vertices, rounded to 1e-8°, zigzag by a millimetre about one great
  // circle; the resampler skipped it as self-intersecting.
  const geo::MultiPolygon gabon{
      {geo::Polygon{{{9.3, -0.6}, {9.5, -0.6}, {9.5, -0.4}, {9.3, -0.4}}, {}}}};
  const Synthesizer synthesizer(land(), &gabon, 1);
  bool found = false;
  for (const CatalogTile& tile : synthesizer.tiles()) found = found || tile.spec.name == "32MNE";
  ASSERT_TRUE(found);
  EXPECT_EQ(invalidFootprints(synthesizer), "");
}

TEST(FootprintValidity, EveryFootprintOfTheGlobe) {
  // Every item's footprint is a tile's or one of the swath cuts: checking these checks every
  // item of any span of days.
  const Synthesizer synthesizer(land(), nullptr, 1);
  ASSERT_GT(synthesizer.tiles().size(), 19000u);  // ESA's tiles on land: 19,811
  ASSERT_GT(synthesizer.coverage().partial_footprints.size(), 30000u);
  EXPECT_EQ(invalidFootprints(synthesizer), "");
}

}  // namespace
}  // namespace stac2h3::synth
