/** @file synthesizer_test.cpp
 * @brief Synthetic items: land mask, revisits, a real acquisition, consistent and
 * reproducible percentages, partial footprints, NDJSON and GeoPackage round trips.
 */
#include "synth/synthesizer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "stac/item_parser.h"
#include "stac/utc_time.h"
#include "store/items_gpkg.h"
#include "synth/esa_tiles.h"
#include "synth/land_mask.h"
#include "synth/ndjson_writer.h"
#include "synth/scene_model.h"
#include "synth/utm_projection.h"

namespace stac2h3::synth {
namespace {

const geo::MultiPolygon& land() {
  static const geo::MultiPolygon polygons = readLandPolygons(defaultLandPath());
  return polygons;
}

geo::MultiPolygon box(double west, double south, double east, double north) {
  return geo::MultiPolygon{
      {geo::Polygon{{{west, south}, {east, south}, {east, north}, {west, north}}, {}}}};
}

stac::UtcDay day(const char* text) {
  return *stac::parseUtcDay(text);
}

/** Central Europe, built once for the tests that only read it. */
const Synthesizer& europe() {
  static const geo::MultiPolygon area = box(8, 45, 17, 50);
  static const Synthesizer synthesizer(land(), &area, 7);
  return synthesizer;
}

std::vector<stac::Item> collect(const Synthesizer& synthesizer, const char* first,
                                const char* last) {
  std::vector<stac::Item> items;
  synthesizer.generate(day(first), day(last), [&](std::vector<stac::Item>& batch) {
    items.insert(items.end(), batch.begin(), batch.end());
  });
  return items;
}

TEST(LandMask, OpenOceanHasNoTiles) {
  const geo::MultiPolygon pacific = box(-150, 25, -140, 35);
  const Synthesizer synthesizer(land(), &pacific, 1);
  EXPECT_TRUE(synthesizer.tiles().empty());
}

TEST(LandMask, LandCrossingTheAntimeridianFillsNoBandOfLatitudes) {
  // world-atlas rings jump across ±180 at Fiji (16.5° S), Chukotka (65-69° N) and around
  // Antarctica; read unsplit, each filled its latitudes around the globe with tiles.
  const geo::MultiPolygon south_atlantic = box(-30, -17.5, -20, -15.5);
  EXPECT_TRUE(Synthesizer(land(), &south_atlantic, 1).tiles().empty());
  const geo::MultiPolygon norwegian_sea = box(-2, 66, 3, 69);
  EXPECT_TRUE(Synthesizer(land(), &norwegian_sea, 1).tiles().empty());
  const geo::MultiPolygon fiji = box(177, -18.5, 180, -16);
  EXPECT_FALSE(Synthesizer(land(), &fiji, 1).tiles().empty());
  const geo::MultiPolygon chukotka = box(-180, 65, -172, 67);
  EXPECT_FALSE(Synthesizer(land(), &chukotka, 1).tiles().empty());
}

TEST(LandMask, LandAndCoastTilesPresent) {
  std::map<std::string, double> fraction;
  for (const CatalogTile& tile : europe().tiles()) fraction[tile.spec.name] = tile.land_fraction;
  ASSERT_TRUE(fraction.count("33UWP"));  // Austria and Czechia: all land
  EXPECT_DOUBLE_EQ(fraction["33UWP"], 1.0);
  ASSERT_TRUE(fraction.count("33TUL"));  // Istria: Adriatic coast
  EXPECT_GT(fraction["33TUL"], 0.05);
  EXPECT_LT(fraction["33TUL"], 0.9);
}

TEST(Acquisitions, MatchARealScene) {
  // Earth Search S2A_T13TDE_20240402T174230_L2A: sensed 2024-04-02T17:52:57Z (R098), the
  // swath edge crossing the tile: s2:nodata_pixel_percentage 75.1279.
  const geo::MultiPolygon colorado = box(-105.6, 40.1, -105.4, 40.2);
  const Synthesizer synthesizer(land(), &colorado, 0);
  const auto items = synthesizer.itemsOfDay(day("2024-04-02"));
  const stac::Item* scene = nullptr;
  for (const auto& item : items) {
    if (item.id == "S2A_13TDE_20240402_0_L2A") scene = &item;
  }
  ASSERT_NE(scene, nullptr);
  const int64_t sensed = *stac::parseUtcMicros(scene->datetime) / 1'000'000;
  const int64_t real = *stac::parseUtcMicros("2024-04-02T17:52:57Z") / 1'000'000;
  EXPECT_NEAR(static_cast<double>(sensed - real), 0.0, 60.0);
  EXPECT_NEAR(scene->value(stac::Value::kNodata), 75.13, 8.0);
}

TEST(Acquisitions, AGlobalDayIsOnEsasTilesOnly) {
  const Synthesizer globe(land(), nullptr, 3);
  for (const CatalogTile& tile : globe.tiles())
    EXPECT_TRUE(isEsaTile(tile.spec.name)) << tile.spec.name;
  const auto items = collect(globe, "2025-06-01", "2025-06-01");
  ASSERT_GT(items.size(), 10000u);
  for (const auto& item : items) EXPECT_TRUE(isEsaTile(item.mgrs_tile)) << item.id;
  // ESA's grid still reaches the polar land it covers: Svalbard, Greenland, Antarctica.
  double north = -90.0, south = 90.0;
  for (const CatalogTile& tile : globe.tiles()) {
    north = std::max(north, tile.centre.lat);
    south = std::min(south, tile.centre.lat);
  }
  EXPECT_GT(north, 80.0);
  EXPECT_LT(south, -80.0);
}

TEST(Acquisitions, RevisitsPerMonthArePlausible) {
  const auto items = collect(europe(), "2025-06-01", "2025-06-30");
  std::map<std::string, int> per_tile;
  for (const auto& item : items) ++per_tile[item.mgrs_tile];
  ASSERT_EQ(per_tile.size(), europe().tiles().size());
  double sum = 0;
  for (const auto& [tile, count] : per_tile) {
    EXPECT_GE(count, 6) << tile;  // at least once per 5 days
    EXPECT_LE(count, 30) << tile;
    sum += count;
  }
  // At 45-50°N two or three tracks reach most tiles: ~12-18 scenes a month.
  const double mean = sum / static_cast<double>(per_tile.size());
  EXPECT_GT(mean, 10.0);
  EXPECT_LT(mean, 20.0);
  std::set<std::string> platforms;
  for (const auto& item : items) platforms.insert(item.platform);
  EXPECT_EQ(platforms, (std::set<std::string>{"sentinel-2b", "sentinel-2c"}));
}

TEST(Percentages, ConsistentAndNodataMatchesFootprintArea) {
  const auto items = collect(europe(), "2025-01-01", "2025-01-10");
  std::map<std::string, const CatalogTile*> tiles;
  for (const CatalogTile& tile : europe().tiles()) tiles[tile.spec.name] = &tile;
  int partial = 0;
  int shadowed = 0;
  for (const auto& item : items) {
    double sum = 0;
    for (const double v : item.values) {
      EXPECT_GE(v, 0.0) << item.id;
      EXPECT_LE(v, 100.0) << item.id;
      sum += v;
    }
    EXPECT_LE(sum, 100.0 + 1e-9) << item.id;
    // The other classes: the three cloud kinds add up to the cloud cover, shadow stays below
    // it, and every class together stays within the tile.
    ASSERT_EQ(item.extra.size(), kOtherPercentageKeys.size());
    auto other = [&](Other kind) {
      return std::get<double>(item.extra[static_cast<size_t>(kind)]);
    };
    const double cloud = item.value(stac::Value::kCloudCover);
    EXPECT_NEAR(other(Other::kHighProbaClouds) + other(Other::kMediumProbaClouds) +
                    other(Other::kThinCirrus),
                cloud, 3e-6)
        << item.id;
    EXPECT_LE(other(Other::kCloudShadow), cloud) << item.id;
    double all = sum;
    for (const Other kind : {Other::kCloudShadow, Other::kDarkFeatures, Other::kUnclassified,
                             Other::kSaturatedDefective}) {
      EXPECT_GE(other(kind), 0.0) << item.id;
      all += other(kind);
    }
    EXPECT_LE(all, 100.0 + 1e-9) << item.id;
    shadowed += other(Other::kCloudShadow) > 0 ? 1 : 0;
    // The footprint's area share, measured again in UTM from its lon/lat vertices.
    const CatalogTile& tile = *tiles.at(item.mgrs_tile);
    const UtmProjection projection(tile.spec.zone, tile.spec.south);
    std::vector<double> x, y;
    for (const auto& v : item.footprint.polygons.at(0).outer) {
      x.push_back(v.lon);
      y.push_back(v.lat);
    }
    projection.toUtm(x, y);
    double twice_area = 0;
    for (size_t i = 0; i < x.size(); ++i) {
      const size_t j = (i + 1) % x.size();
      twice_area += x[i] * y[j] - x[j] * y[i];
    }
    const double share = twice_area / 2 / (kTileSizeM * kTileSizeM);
    EXPECT_NEAR(item.value(stac::Value::kNodata), 100.0 * (1.0 - share), 0.05) << item.id;
    partial += item.value(stac::Value::kNodata) > 0 ? 1 : 0;
  }
  EXPECT_GT(partial, 0);
  EXPECT_LT(partial, static_cast<int>(items.size()));
  EXPECT_GT(shadowed, static_cast<int>(items.size()) / 4);
}

TEST(Percentages, SeasonsAndLatitudes) {
  // Winter brings snow to the Alps and northern Europe; summer is greener.
  const auto winter = collect(europe(), "2025-01-10", "2025-01-20");
  const auto summer = collect(europe(), "2025-07-10", "2025-07-20");
  const auto mean = [](const std::vector<stac::Item>& items, stac::Value v) {
    double sum = 0;
    for (const auto& item : items) sum += item.value(v);
    return sum / static_cast<double>(items.size());
  };
  EXPECT_GT(mean(winter, stac::Value::kSnowIce), mean(summer, stac::Value::kSnowIce) + 2.0);
  EXPECT_GT(mean(summer, stac::Value::kVegetation), mean(winter, stac::Value::kVegetation) + 2.0);
  // The Sahara is clearer and barer than Central Europe.
  const geo::MultiPolygon sahara = box(5, 22, 12, 26);
  const Synthesizer desert(land(), &sahara, 7);
  const auto dry = collect(desert, "2025-01-10", "2025-01-20");
  EXPECT_LT(mean(dry, stac::Value::kCloudCover) + 15.0, mean(winter, stac::Value::kCloudCover));
  EXPECT_LT(mean(dry, stac::Value::kVegetation), 3.0);
}

TEST(Percentages, SeedsAreReproducible) {
  const geo::MultiPolygon area = box(8, 45, 17, 50);
  const Synthesizer same(land(), &area, 7);
  const Synthesizer other(land(), &area, 8);
  const auto a = europe().itemsOfDay(day("2025-03-03"));
  const auto b = same.itemsOfDay(day("2025-03-03"));
  const auto c = other.itemsOfDay(day("2025-03-03"));
  ASSERT_FALSE(a.empty());
  ASSERT_EQ(a.size(), b.size());
  int differing = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].values, b[i].values);
    EXPECT_EQ(a[i].footprint, b[i].footprint);
    differing += a[i].values != c[i].values ? 1 : 0;
  }
  EXPECT_GT(differing, static_cast<int>(a.size()) / 2);
}

/** Items of Europe and of Fiji (tiles split at the antimeridian). */
std::vector<stac::Item> roundTripSample() {
  auto items = europe().itemsOfDay(day("2025-02-02"));
  const geo::MultiPolygon fiji{
      {box(178.5, -18, 180, -16).polygons[0], box(-180, -18, -179.5, -16).polygons[0]}};
  const Synthesizer pacific(land(), &fiji, 7);
  const auto far = collect(pacific, "2025-02-01", "2025-02-10");
  items.insert(items.end(), far.begin(), far.end());
  return items;
}

TEST(Ndjson, ParsesAndRoundTrips) {
  const auto items = roundTripSample();
  bool split = false;
  stac::ItemParser parser;
  stac::Page page;
  for (const auto& item : items) {
    std::string line;
    appendItemJson(item, 7, line);
    ASSERT_TRUE(parser.parseItem(line, item.id, page)) << line;
    const stac::Item& back = page.items.back();
    EXPECT_EQ(back.id, item.id);
    EXPECT_EQ(back.collection, "sentinel-2-l2a");
    EXPECT_EQ(back.datetime, item.datetime);
    EXPECT_EQ(back.platform, item.platform);
    EXPECT_EQ(back.mgrs_tile, item.mgrs_tile);
    EXPECT_EQ(back.processing_baseline, item.processing_baseline);
    EXPECT_EQ(back.values, item.values);
    EXPECT_EQ(back.footprint, item.footprint) << item.id;
    split = split || item.footprint.polygons.size() > 1;
    EXPECT_NE(line.find("\"stac2h3:synthetic\":true"), std::string::npos);
  }
  EXPECT_TRUE(split) << "no tile across the antimeridian in the sample";
}

TEST(Gpkg, EqualsWhatImportMakesOfTheNdjson) {
  const auto items = roundTripSample();
  stac::ItemParser parser({otherPercentageKeys(), {}});
  stac::Page page;
  for (const auto& item : items) {
    std::string line;
    appendItemJson(item, 7, line);
    parser.parseItem(line, item.id, page);
  }
  const auto dir = std::filesystem::temp_directory_path() / "stac2h3_synth_gpkg_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    store::ItemsWriter direct(dir / "direct.gpkg", otherPercentageKeys());
    direct.write(items);
    store::ItemsWriter imported(dir / "imported.gpkg", otherPercentageKeys());
    imported.write(page.items);
  }
  store::ItemsReader a(dir / "direct.gpkg");
  store::ItemsReader b(dir / "imported.gpkg");
  ASSERT_EQ(a.count(), static_cast<int64_t>(items.size()));
  ASSERT_EQ(a.count(), b.count());
  stac::Item x, y;
  while (a.next(x)) {
    ASSERT_TRUE(b.next(y));
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.datetime, y.datetime);
    EXPECT_EQ(x.platform, y.platform);
    EXPECT_EQ(x.mgrs_tile, y.mgrs_tile);
    EXPECT_EQ(x.processing_baseline, y.processing_baseline);
    EXPECT_EQ(x.values, y.values);
    EXPECT_EQ(x.extra, y.extra);
    EXPECT_EQ(x.footprint, y.footprint);
  }
  // The other percentages are REAL columns under their s2: keys.
  EXPECT_EQ(a.extraColumns().size(), kOtherPercentageKeys.size());
  EXPECT_EQ(a.extraColumns().front(), "s2_high_proba_clouds_percentage");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stac2h3::synth
