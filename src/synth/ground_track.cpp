/** @file ground_track.cpp
 * @brief The analytic Sentinel-2 ground track (see ground_track.h).
 */
#include "synth/ground_track.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stac2h3::synth {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kDeg = kPi / 180.0;
constexpr double kEarthRadiusKm = 6371.0;
/** Earth's rotation under the Sun-following orbit plane: one turn per solar day. */
constexpr double kEarthTurnRate = 2.0 * kPi / 86400.0;
/** The phase anchor: S2A absolute orbit 45855 (R098) crossed the descending node at
 * 2024-04-02T18:04:17Z (its 13TDE scene at 40°N was sensed 680 s earlier, 17:52:57). */
constexpr int64_t kAnchorOrbit = 45855;
constexpr double kAnchorNodeTime = 1712081057.0;

const double kSinInclination = std::sin(kInclinationDeg * kDeg);
const double kCosInclination = std::cos(kInclinationDeg * kDeg);

struct Vec3 {
  double x, y, z;
};

Vec3 unitVector(double lon_rad, double lat_rad) {
  const double c = std::cos(lat_rad);
  return {c * std::cos(lon_rad), c * std::sin(lon_rad), std::sin(lat_rad)};
}

double dot(const Vec3& a, const Vec3& b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

/** Longitude of the track relative to its descending node, and latitude, at argument of
 * latitude u (radians from the ascending node; the daylight pass is u in [π/2, 3π/2]). */
struct TrackOffset {
  double dlon;
  double lat;
};

/** Seconds after the descending node (u = π) at argument of latitude u, and back. */
double secondsOfU(double u) {
  return (u - kPi) / (2.0 * kPi) * kOrbitPeriodSeconds;
}

double uOfSeconds(double seconds) {
  return kPi + seconds / kOrbitPeriodSeconds * (2.0 * kPi);
}

TrackOffset trackOffset(double u) {
  const double su = std::sin(u);
  const double cu = std::cos(u);
  const double inertial = std::atan2(-kCosInclination * su, -cu);  // relative to the node
  return {inertial - kEarthTurnRate * secondsOfU(u), std::asin(kSinInclination * su)};
}

/** u on the descending pass where the track reaches `lat` (clamped to the turning points). */
double descendingU(double lat_rad) {
  const double s = std::clamp(std::sin(lat_rad) / kSinInclination, -1.0, 1.0);
  return kPi - std::asin(s);
}

}  // namespace

GroundTracks::GroundTracks() {
  for (int64_t orbit = kAnchorOrbit; orbit < kAnchorOrbit + kRelativeOrbits; ++orbit) {
    const double seconds_of_day = std::fmod(descendingNodeTime(orbit), 86400.0);
    double lon = (kDescendingNodeHour - seconds_of_day / 3600.0) * 15.0;
    lon = std::fmod(lon + 540.0, 360.0) - 180.0;
    node_lon_deg_[static_cast<size_t>(relativeOrbitOf(orbit) - 1)] = lon;
  }
}

TrackPosition GroundTracks::locate(int relative_orbit, geo::LonLat point) const {
  return locateFrom(relative_orbit, point, descendingU(point.lat * kDeg));
}

TrackPosition GroundTracks::locateNear(int relative_orbit, geo::LonLat point,
                                       const TrackPosition& near) const {
  return locateFrom(relative_orbit, point, uOfSeconds(near.seconds_from_node));
}

TrackPosition GroundTracks::locateFrom(int relative_orbit, geo::LonLat point, double u) const {
  const double node = nodeLongitude(relative_orbit) * kDeg;
  const Vec3 target = unitVector(point.lon * kDeg, point.lat * kDeg);
  const auto closeness = [&](double at) {
    const TrackOffset offset = trackOffset(at);
    return dot(unitVector(node + offset.dlon, offset.lat), target);
  };
  // Newton's method on the closeness along the track.
  constexpr double kStep = 1e-3;
  for (int iteration = 0; iteration < 6; ++iteration) {
    const double here = closeness(u);
    const double ahead = closeness(u + kStep);
    const double behind = closeness(u - kStep);
    const double slope = (ahead - behind) / (2 * kStep);
    const double curvature = (ahead - 2 * here + behind) / (kStep * kStep);
    if (curvature >= 0) break;  // not near a maximum: keep the latitude's estimate
    const double move = std::clamp(-slope / curvature, -0.2, 0.2);
    u = std::clamp(u + move, kPi / 2, 3 * kPi / 2);
    if (std::abs(move) < 1e-9) break;
  }
  const TrackOffset offset = trackOffset(u);
  const Vec3 nearest = unitVector(node + offset.dlon, offset.lat);
  const TrackOffset next = trackOffset(u + kStep);
  const Vec3 ahead = unitVector(node + next.dlon, next.lat);
  // The side: nearest × direction of travel points east of a southbound track.
  const Vec3 normal{nearest.y * ahead.z - nearest.z * ahead.y,
                    nearest.z * ahead.x - nearest.x * ahead.z,
                    nearest.x * ahead.y - nearest.y * ahead.x};
  const double angle = std::acos(std::clamp(dot(nearest, target), -1.0, 1.0));
  const double side = dot(normal, target) > 0 ? 1.0 : -1.0;
  return {side * angle * kEarthRadiusKm, secondsOfU(u)};
}

std::vector<int> GroundTracks::candidateOrbits(geo::LonLat point, double radius_km) const {
  std::vector<int> orbits;
  constexpr double kPolarCapDeg = 74.0;  // tracks run nearly east-west: always test exactly
  if (std::abs(point.lat) > kPolarCapDeg) {
    for (int orbit = 1; orbit <= kRelativeOrbits; ++orbit) orbits.push_back(orbit);
    return orbits;
  }
  // Where every track crosses the point's parallel, relative to its node, and at what angle:
  // the same for all orbits, so computed once.
  const double lat = point.lat * kDeg;
  const double u = descendingU(lat);
  const TrackOffset offset = trackOffset(u);
  const double du = 1e-4;
  const TrackOffset next = trackOffset(u + du);
  const double east = (next.dlon - offset.dlon) * std::cos(lat);
  const double north = next.lat - offset.lat;
  const double sine = std::abs(north) / std::hypot(east, north);
  const double km_per_deg = kDeg * std::cos(lat) * kEarthRadiusKm;
  // Distance along the parallel times the sine of the track's angle to the parallel bounds
  // the distance to the track from below (up to the track's curvature, covered by the
  // margin); 0.8 covers the angle's change within the reach.
  constexpr double kMarginKm = 30.0;
  const double limit_km = kSwathHalfWidthKm + radius_km + kMarginKm;
  for (int orbit = 1; orbit <= kRelativeOrbits; ++orbit) {
    const double dlon = point.lon - nodeLongitude(orbit) - offset.dlon / kDeg;
    const double along_parallel_km = std::abs(std::remainder(dlon, 360.0)) * km_per_deg;
    if (along_parallel_km * sine * 0.8 <= limit_km) orbits.push_back(orbit);
  }
  return orbits;
}

double descendingNodeTime(int64_t absolute_orbit) {
  return kAnchorNodeTime + static_cast<double>(absolute_orbit - kAnchorOrbit) * kOrbitPeriodSeconds;
}

int relativeOrbitOf(int64_t absolute_orbit) {
  const int64_t r = (absolute_orbit + 2) % kRelativeOrbits;
  return static_cast<int>(r < 0 ? r + kRelativeOrbits : r) + 1;
}

int64_t firstOrbitFrom(double unix_seconds) {
  return kAnchorOrbit +
         static_cast<int64_t>(std::ceil((unix_seconds - kAnchorNodeTime) / kOrbitPeriodSeconds));
}

}  // namespace stac2h3::synth
