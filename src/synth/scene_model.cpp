/** @file scene_model.cpp
 * @brief The synthetic climatology behind scene percentages (see scene_model.h).
 */
#include "synth/scene_model.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "synth/noise.h"

namespace stac2h3::synth {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr double kDaysPerYear = 365.2422;
/** 2000-03-20, the March equinox, in days since 1970-01-01. */
constexpr double kEquinoxDay = 11036.0;

/** Independent noise fields. */
enum Field : uint64_t { kWeather = 1, kClimate, kGreenness, kSnowPatches, kWhite, kCloudKind };

/** An elliptic region with a flat top and a smooth edge: 1 inside, 0 far outside. */
struct Blob {
  double lon, lat, half_lon, half_lat, strength;
};

double blobWeight(const Blob& blob, geo::LonLat at) {
  const double dx = std::remainder(at.lon - blob.lon, 360.0) / blob.half_lon;
  const double dy = (at.lat - blob.lat) / blob.half_lat;
  const double r2 = dx * dx + dy * dy;
  return blob.strength * std::exp(-r2 * r2);
}

double strongest(const Blob* blobs, size_t count, geo::LonLat at) {
  double weight = 0.0;
  for (size_t i = 0; i < count; ++i) weight = std::max(weight, blobWeight(blobs[i], at));
  return weight;
}

/** The large deserts: clear skies, bare ground. */
constexpr Blob kDeserts[] = {
    {10, 23, 25, 8, 1.0},     // Sahara
    {47, 22, 10, 7, 1.0},     // Arabia
    {60, 30, 10, 5, 0.8},     // Iran, Afghanistan, Pakistan
    {71, 27, 4, 3, 0.7},      // Thar
    {90, 41, 18, 5, 0.9},     // Taklamakan, Gobi
    {62, 43, 8, 4, 0.6},      // Kyzylkum, Karakum
    {19, -24, 7, 6, 0.8},     // Kalahari, Namib
    {131, -25, 14, 7, 0.9},   // Australian interior
    {-70, -23, 2.5, 6, 1.0},  // Atacama
    {-68, -44, 3, 6, 0.5},    // Patagonia
    {-113, 32, 7, 6, 0.8},    // Sonoran, Mojave, Great Basin
    {45, 8, 6, 5, 0.6},       // Horn of Africa
};

/** High mountains: snow in winter, some all year. */
constexpr Blob kMountains[] = {
    {86, 33, 12, 5, 0.8},      // Tibet, Himalaya
    {-70, -32, 2.5, 14, 0.6},  // Andes
    {-113, 46, 6, 8, 0.5},     // Rockies
    {10, 46.5, 4, 1.5, 0.6},   // Alps
    {43, 42.5, 4, 1.5, 0.5},   // Caucasus
    {72, 38, 6, 3, 0.7},       // Pamir, Hindu Kush
};

/** Permanent ice: Greenland's ice sheet and Antarctica. */
double iceCap(geo::LonLat at) {
  if (at.lat < -62.0) return 0.95;
  const Blob greenland{-41, 74, 16, 11, 0.9};
  return blobWeight(greenland, at);
}

double square(double x) {
  return x * x;
}

double roundDown6(double x) {
  return std::floor(std::max(0.0, x) * 1e6) / 1e6;
}

}  // namespace

std::vector<std::string> otherPercentageKeys() {
  return {kOtherPercentageKeys.begin(), kOtherPercentageKeys.end()};
}

ScenePercentages scenePercentages(const SceneContext& scene) {
  const geo::LonLat at = scene.centre;
  const double abs_lat = std::abs(at.lat);
  const double days = scene.unix_seconds / 86400.0;
  // +1 at the June solstice, -1 at the December one; local summer is +1 in either hemisphere.
  const double season = std::sin(kTwoPi * (days - kEquinoxDay) / kDaysPerYear);
  const double hemisphere = std::clamp(at.lat / 15.0, -1.0, 1.0);
  const double local_summer = season * hemisphere;

  // Climatological cloudiness.
  const double itcz_lat = 4.0 + 9.0 * season;
  const double itcz = std::exp(-square((at.lat - itcz_lat) / 9.0));
  const double storm = std::exp(-square((abs_lat - 56.0) / 12.0)) * (0.85 - 0.25 * local_summer);
  const double arid = strongest(kDeserts, std::size(kDeserts), at);
  const double regional = valueNoise(hashKeys(scene.seed, kClimate), at, 1500.0, 0.0, 1.0);
  const double mean_cloud =
      std::clamp(0.32 + 0.5 * itcz + 0.45 * storm - 0.55 * arid + 0.25 * regional, 0.03, 0.92);

  // Weather: smooth in space and time, plus a little per scene.
  const double weather = valueNoise(hashKeys(scene.seed, kWeather), at, 300.0, days, 3.0);
  const double white =
      unitInterval(hashKeys(scene.seed, kWhite, scene.tile_key,
                            static_cast<uint64_t>(std::llround(scene.unix_seconds)))) *
          2.0 -
      1.0;
  const double cloudiness = mean_cloud + 0.8 * weather + 0.2 * white;
  const double cloud_share = std::clamp((cloudiness - 0.5) * 1.8 + 0.5, 0.0, 1.0);

  // Snow on the clear land: seasonal snow line, mountains, ice caps.
  const double winter = -local_summer;
  const double snow_line = 57.0 - 15.0 * winter;
  const double patches = valueNoise(hashKeys(scene.seed, kSnowPatches), at, 400.0, days, 10.0);
  double snow_share = std::clamp((abs_lat - snow_line) / 12.0, 0.0, 1.0);
  snow_share = std::max(snow_share, strongest(kMountains, std::size(kMountains), at) *
                                        (0.35 + 0.45 * std::max(winter, 0.0)));
  snow_share = std::clamp(snow_share * (0.8 + 0.3 * patches), 0.0, 1.0);
  snow_share = std::max(snow_share, iceCap(at));

  // Vegetation on the snow-free clear land.
  const double tropical = 0.85 * std::exp(-square(at.lat / 22.0)) * (0.8 + 0.2 * itcz);
  const double temperate =
      std::exp(-square((abs_lat - 45.0) / 16.0)) * (0.45 + 0.35 * local_summer);
  const double boreal =
      std::exp(-square((abs_lat - 62.0) / 8.0)) * (0.25 + 0.5 * std::max(local_summer, 0.0));
  const double greenness = valueNoise(hashKeys(scene.seed, kGreenness), at, 600.0, 0.0, 1.0);
  const double vegetation_share = std::clamp(
      std::max({tropical, temperate, boreal}) * (1.0 - 0.95 * arid) + 0.2 * greenness, 0.02, 0.95);

  const double water_share = std::clamp(0.02 + 0.96 * (1.0 - scene.land_fraction), 0.0, 1.0);

  // Compose shares of the tile: each class takes part of what the previous ones left.
  const double nodata = 100.0 * (1.0 - scene.valid_share);
  const double valid = 100.0 - nodata;
  const double cloud = valid * cloud_share;
  const double clear = valid - cloud;
  const double water = clear * water_share;
  const double clear_land = clear - water;
  const double snow = clear_land * snow_share;
  const double vegetation = (clear_land - snow) * vegetation_share;
  constexpr double kOtherClasses = 0.04;  // shadows, dark features, unclassified
  const double not_vegetated = (clear_land - snow - vegetation) * (1.0 - kOtherClasses);

  ScenePercentages out;
  auto& values = out.values;
  values[static_cast<int>(stac::Value::kCloudCover)] = roundDown6(cloud);
  values[static_cast<int>(stac::Value::kNodata)] = roundDown6(nodata);
  values[static_cast<int>(stac::Value::kSnowIce)] = roundDown6(snow);
  values[static_cast<int>(stac::Value::kVegetation)] = roundDown6(vegetation);
  values[static_cast<int>(stac::Value::kNotVegetated)] = roundDown6(not_vegetated);
  values[static_cast<int>(stac::Value::kWater)] = roundDown6(water);

  // The cloud's kinds: cirrus is thin high cloud, common at low latitudes; thick weather
  // is mostly high probability. The three add up to the (rounded) cloud cover.
  auto& other = out.other;
  auto share = [&](Other kind) -> double& { return other[static_cast<size_t>(kind)]; };
  const double kind =
      unitInterval(hashKeys(scene.seed, kCloudKind, scene.tile_key,
                            static_cast<uint64_t>(std::llround(scene.unix_seconds))));
  const double cirrus_share = std::clamp(0.05 + 0.25 * itcz + 0.15 * kind, 0.0, 0.6);
  const double high_share = (1.0 - cirrus_share) * (0.3 + 0.6 * cloud_share);
  const double cloud_cover = values[static_cast<int>(stac::Value::kCloudCover)];
  share(Other::kHighProbaClouds) = roundDown6(cloud_cover * high_share);
  share(Other::kThinCirrus) = roundDown6(cloud_cover * cirrus_share);
  share(Other::kMediumProbaClouds) =
      roundDown6(cloud_cover - share(Other::kHighProbaClouds) - share(Other::kThinCirrus));
  // The classes not_vegetated left over: shadows (where there is cloud to cast them),
  // dark features, a few saturated or defective pixels, the rest unclassified.
  const double remainder = (clear_land - snow - vegetation) * kOtherClasses;
  const double shadow = std::min(remainder * (0.3 + 0.5 * kind), 0.5 * cloud);
  const double dark = (remainder - shadow) * 0.5;
  const double saturated = (remainder - shadow) * 0.01;
  share(Other::kCloudShadow) = roundDown6(shadow);
  share(Other::kDarkFeatures) = roundDown6(dark);
  share(Other::kSaturatedDefective) = roundDown6(saturated);
  share(Other::kUnclassified) = roundDown6(remainder - shadow - dark - saturated);
  return out;
}

}  // namespace stac2h3::synth
