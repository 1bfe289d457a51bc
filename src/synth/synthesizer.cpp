/** @file synthesizer.cpp
 * @brief Turning the coverage into dated items (see synthesizer.h).
 */
#include "synth/synthesizer.h"

#include <tbb/parallel_for.h>

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
/** Days generated together, in parallel, before they are handed over in order. */
constexpr int kDaysPerRound = 4;

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

/** Gives each item its id; the sequence number counts earlier acquisitions of the same tile
 * by the same satellite that day. Expects the day's items sorted by datetime. */
void assignIds(std::vector<stac::Item>& items, stac::UtcDay day) {
  const std::string date = stac::formatUtcDay(day);
  const std::string compact = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
  std::unordered_map<std::string, int> seen;
  for (stac::Item& item : items) {
    const std::string satellite = satelliteCode(item.platform);
    const int sequence = seen[satellite + item.mgrs_tile]++;
    item.id =
        satellite + "_" + item.mgrs_tile + "_" + compact + "_" + std::to_string(sequence) + "_L2A";
  }
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
  std::vector<stac::Item> items;
  for (int slot = 0; slot < 2; ++slot) {
    const double phase = slot * kSatellitePhaseSeconds;
    const std::string platform(platformOf(slot, day));
    // Sensing lies within a quarter orbit of the node: look one orbit either side.
    const int64_t first = firstOrbitFrom(day_start - kOrbitPeriodSeconds - phase);
    const int64_t last = firstOrbitFrom(day_end + kOrbitPeriodSeconds - phase);
    for (int64_t orbit = first; orbit < last; ++orbit) {
      const double node_time = descendingNodeTime(orbit) + phase;
      const auto& visits = coverage_.by_orbit[static_cast<size_t>(relativeOrbitOf(orbit) - 1)];
      for (const Visit& visit : visits) {
        const double sensed = node_time + visit.seconds_from_node;
        if (sensed < day_start || sensed >= day_end) continue;
        const CatalogTile& tile = tiles_[visit.tile];
        stac::Item item;
        item.collection = kCollection;
        item.datetime = formatDatetime(sensed);
        item.platform = platform;
        item.mgrs_tile = tile.spec.name;
        item.processing_baseline = processingBaselineOf(day);
        SceneContext scene;
        scene.seed = seed_;
        scene.tile_key = textKey(tile.spec.name.data(), tile.spec.name.size());
        scene.centre = tile.centre;
        scene.land_fraction = tile.land_fraction;
        scene.valid_share = visit.valid_share;
        scene.unix_seconds = sensed;
        item.values = scenePercentages(scene);
        item.footprint = visit.footprint < 0
                             ? tile.footprint
                             : coverage_.partial_footprints[static_cast<size_t>(visit.footprint)];
        items.push_back(std::move(item));
      }
    }
  }
  std::sort(items.begin(), items.end(), [](const stac::Item& a, const stac::Item& b) {
    if (a.datetime != b.datetime) return a.datetime < b.datetime;
    if (a.platform != b.platform) return a.platform < b.platform;
    return a.mgrs_tile < b.mgrs_tile;
  });
  assignIds(items, day);
  return items;
}

int64_t Synthesizer::generate(stac::UtcDay first, stac::UtcDay last,
                              const ItemBatchCallback& on_day) const {
  int64_t total = 0;
  for (stac::UtcDay round = first; round <= last; round += kDaysPerRound) {
    const int count = static_cast<int>(std::min<stac::UtcDay>(kDaysPerRound, last - round + 1));
    std::vector<std::vector<stac::Item>> days(static_cast<size_t>(count));
    tbb::parallel_for(0, count,
                      [&](int k) { days[static_cast<size_t>(k)] = itemsOfDay(round + k); });
    for (auto& batch : days) {
      total += static_cast<int64_t>(batch.size());
      on_day(batch);
    }
  }
  return total;
}

int64_t generate(const SynthOptions& options, const ItemBatchCallback& on_day) {
  if (options.last_day < options.first_day) {
    throw InputError("synth: the end date " + stac::formatUtcDay(options.last_day) +
                     " is before the start date " + stac::formatUtcDay(options.first_day));
  }
  const geo::MultiPolygon land =
      readLandPolygons(options.land.empty() ? defaultLandPath() : options.land);
  const Synthesizer synthesizer(land, options.aoi ? &*options.aoi : nullptr, options.seed);
  return synthesizer.generate(options.first_day, options.last_day, on_day);
}

}  // namespace stac2h3::synth
