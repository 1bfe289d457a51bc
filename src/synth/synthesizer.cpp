/** @file synthesizer.cpp
 * @brief Turning the coverage into dated items (see synthesizer.h).
 */
#include "synth/synthesizer.h"

#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "synth/ground_track.h"
#include "synth/land_mask.h"
#include "synth/noise.h"
#include "synth/scene_model.h"
#include "util/error.h"

namespace stac2h3::synth {
namespace {

constexpr double kSecondsPerDay = 86400.0;
/** Days in flight at once: generated in parallel while earlier ones are handed over. */
constexpr size_t kDaysInFlight = 8;

/** Days since 1970-01-01 of a civil date. */
constexpr stac::UtcDay dayOf(int year, unsigned month, unsigned day) {
  return std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} /
                               std::chrono::day{day}}
      .time_since_epoch()
      .count();
}

/** Sentinel-2C took over Sentinel-2A's place in the constellation on 2025-01-21. */
constexpr stac::UtcDay kSentinel2cTakeover = dayOf(2025, 1, 21);

/** "YYYY-MM-DDTHH:MM:SS.mmm000Z" for a time in seconds since the epoch (milliseconds kept). */
std::string formatDatetime(double unix_seconds) {
  const int64_t millis = std::llround(unix_seconds * 1000.0);
  const int64_t day = millis >= 0 ? millis / 86'400'000 : (millis - 86'399'999) / 86'400'000;
  const int64_t in_day = millis - day * 86'400'000;
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03d000Z",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(in_day / 3'600'000),
                static_cast<int>(in_day / 60'000 % 60), static_cast<int>(in_day / 1000 % 60),
                static_cast<int>(in_day % 1000));
  return buffer;
}

/** "S2B" from "sentinel-2b". */
std::string satelliteCode(std::string_view platform) {
  std::string code = "S2";
  code += static_cast<char>(std::toupper(static_cast<unsigned char>(platform.back())));
  return code;
}

}  // namespace

std::string_view platformOf(int slot, stac::UtcDay day) {
  if (slot == 1) return "sentinel-2b";
  return day >= kSentinel2cTakeover ? "sentinel-2c" : "sentinel-2a";
}

std::string_view processingBaselineOf(stac::UtcDay day) {
  struct Baseline {
    stac::UtcDay from;
    std::string_view name;
  };
  static constexpr Baseline kBaselines[] = {
      {dayOf(2024, 7, 23), "05.11"}, {dayOf(2022, 12, 6), "05.09"}, {dayOf(2022, 1, 25), "04.00"},
      {dayOf(2021, 6, 30), "03.01"}, {dayOf(2021, 3, 30), "03.00"},
  };
  for (const Baseline& baseline : kBaselines) {
    if (day >= baseline.from) return baseline.name;
  }
  return "02.14";
}

Synthesizer::Synthesizer(const geo::MultiPolygon& land, const geo::MultiPolygon* aoi, uint64_t seed)
    : seed_(seed),
      tiles_(buildCatalog(land, aoi)),
      coverage_(computeCoverage(tiles_, GroundTracks())) {}

std::vector<stac::Item> Synthesizer::itemsOfDay(stac::UtcDay day) const {
  const double day_start = static_cast<double>(day) * kSecondsPerDay;
  const double day_end = day_start + kSecondsPerDay;
  const std::string_view platforms[2] = {platformOf(0, day), platformOf(1, day)};
  // The day's acquisitions as small records first: sorting and numbering them is cheap,
  // and each item is then built once, in its final place.
  struct Acquisition {
    int64_t millis;  ///< sensing time, as the datetime shows it
    double sensed;   ///< sensing time, seconds since the epoch
    int slot;
    const Visit* visit;
  };
  std::vector<Acquisition> acquisitions;
  for (int slot = 0; slot < 2; ++slot) {
    const double phase = slot * kSatellitePhaseSeconds;
    // Sensing lies within a quarter orbit of the node: look one orbit either side.
    const int64_t first = firstOrbitFrom(day_start - kOrbitPeriodSeconds - phase);
    const int64_t last = firstOrbitFrom(day_end + kOrbitPeriodSeconds - phase);
    for (int64_t orbit = first; orbit < last; ++orbit) {
      const double node_time = descendingNodeTime(orbit) + phase;
      const auto& visits = coverage_.by_orbit[static_cast<size_t>(relativeOrbitOf(orbit) - 1)];
      for (const Visit& visit : visits) {
        const double sensed = node_time + visit.seconds_from_node;
        if (sensed < day_start || sensed >= day_end) continue;
        acquisitions.push_back({std::llround(sensed * 1000.0), sensed, slot, &visit});
      }
    }
  }
  // By datetime, then platform, then tile.
  std::sort(acquisitions.begin(), acquisitions.end(),
            [&](const Acquisition& a, const Acquisition& b) {
              if (a.millis != b.millis) return a.millis < b.millis;
              if (a.slot != b.slot) return platforms[a.slot] < platforms[b.slot];
              return tiles_[a.visit->tile].spec.name < tiles_[b.visit->tile].spec.name;
            });
  const std::string date = stac::formatUtcDay(day);
  const std::string compact = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
  // The id's sequence number counts earlier acquisitions of the tile by the satellite.
  std::unordered_map<uint64_t, int> seen;
  std::vector<stac::Item> items(acquisitions.size());
  for (size_t i = 0; i < acquisitions.size(); ++i) {
    const Acquisition& acquisition = acquisitions[i];
    const Visit& visit = *acquisition.visit;
    const CatalogTile& tile = tiles_[visit.tile];
    const std::string_view platform = platforms[acquisition.slot];
    stac::Item& item = items[i];
    const int sequence = seen[uint64_t{visit.tile} * 2 + static_cast<uint64_t>(acquisition.slot)]++;
    item.id = satelliteCode(platform) + "_" + tile.spec.name + "_" + compact + "_" +
              std::to_string(sequence) + "_L2A";
    item.collection = kCollection;
    item.datetime = formatDatetime(acquisition.sensed);
    item.platform = platform;
    item.mgrs_tile = tile.spec.name;
    item.processing_baseline = processingBaselineOf(day);
    SceneContext scene;
    scene.seed = seed_;
    scene.tile_key = textKey(tile.spec.name.data(), tile.spec.name.size());
    scene.centre = tile.centre;
    scene.land_fraction = tile.land_fraction;
    scene.valid_share = visit.valid_share;
    scene.unix_seconds = acquisition.sensed;
    const ScenePercentages percentages = scenePercentages(scene);
    item.values = percentages.values;
    item.extra.assign(percentages.other.begin(), percentages.other.end());
    item.footprint = visit.footprint < 0
                         ? tile.footprint
                         : coverage_.partial_footprints[static_cast<size_t>(visit.footprint)];
  }
  return items;
}

int64_t Synthesizer::generate(stac::UtcDay first, stac::UtcDay last,
                              const ItemBatchCallback& on_day) const {
  // A pipeline: days are generated in parallel and handed to `on_day` in date order from one
  // thread at a time, so writing one day overlaps generating the next ones.
  int64_t total = 0;
  stac::UtcDay next = first;
  tbb::parallel_pipeline(
      kDaysInFlight,
      tbb::make_filter<void, stac::UtcDay>(tbb::filter_mode::serial_in_order,
                                           [&](tbb::flow_control& control) {
                                             if (next > last) control.stop();
                                             return next++;
                                           }) &
          tbb::make_filter<stac::UtcDay, std::vector<stac::Item>>(
              tbb::filter_mode::parallel, [&](stac::UtcDay day) { return itemsOfDay(day); }) &
          tbb::make_filter<std::vector<stac::Item>, void>(
              tbb::filter_mode::serial_in_order, [&](std::vector<stac::Item> batch) {
                total += static_cast<int64_t>(batch.size());
                on_day(batch);
              }));
  return total;
}

Synthesizer makeSynthesizer(const SynthOptions& options) {
  if (options.last_day < options.first_day) {
    throw InputError("synth: the end date " + stac::formatUtcDay(options.last_day) +
                     " is before the start date " + stac::formatUtcDay(options.first_day));
  }
  const geo::MultiPolygon land =
      readLandPolygons(options.land.empty() ? defaultLandPath() : options.land);
  return Synthesizer(land, options.aoi ? &*options.aoi : nullptr, options.seed);
}

}  // namespace stac2h3::synth
