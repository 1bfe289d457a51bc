/** @file ground_track.h
 * @brief Sentinel-2's repeating ground track: 143 relative orbits in 10 days, descending in
 * daylight at 10:30 local solar time, a 290 km swath; where each track passes and when.
 *
 * The model: a circular sun-synchronous orbit (inclination 98.62°, period 10 days / 143)
 * over a spherical Earth that turns once per solar day under the orbit plane (the plane
 * follows the Sun). A relative orbit's descending node lies where local solar time is 10:30
 * when the satellite crosses the equator. Absolute orbits are numbered as ESA numbers
 * Sentinel-2A's, relative orbit = (absolute + 2) mod 143 + 1, and the phase is set from a
 * real acquisition (S2A orbit 45855 = R098, which imaged 13TDE on 2024-04-02 at 17:52:57
 * UTC); the second satellite flies the same track half a cycle (5 days) later. Close to a
 * real swath, not an orbit propagator: tracks drift by a few km where the real one would.
 */
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/geometry.h"

namespace stac2h3::synth {

inline constexpr int kRelativeOrbits = 143;
inline constexpr double kRepeatCycleSeconds = 10.0 * 86400.0;
inline constexpr double kOrbitPeriodSeconds = kRepeatCycleSeconds / kRelativeOrbits;
inline constexpr double kInclinationDeg = 98.62;
/** Half the 290 km swath: ground within this cross-track distance is imaged. */
inline constexpr double kSwathHalfWidthKm = 145.0;
/** Local solar time at the descending node, hours. */
inline constexpr double kDescendingNodeHour = 10.5;
/** The two satellites fly the same track half a repeat cycle apart. */
inline constexpr double kSatellitePhaseSeconds = kRepeatCycleSeconds / 2;

/** Where a point lies relative to a relative orbit's track. */
struct TrackPosition {
  /** Signed distance from the track, km (positive east of a southbound track). */
  double cross_track_km = 0.0;
  /** When the satellite passes abreast of the point, seconds after the descending node. */
  double seconds_from_node = 0.0;
};

/** The 143 relative orbits' ground tracks. Immutable after construction; thread-safe. */
class GroundTracks {
 public:
  GroundTracks();

  /** Longitude (degrees, [-180, 180)) of the descending node of relative orbit 1-143. */
  double nodeLongitude(int relative_orbit) const {
    return node_lon_deg_[static_cast<size_t>(relative_orbit - 1)];
  }

  /**
   * The point of a relative orbit's daylight (descending) track nearest to `point`.
   * @param relative_orbit  1-143.
   * @param point           lon/lat degrees; longitudes may be unwrapped beyond ±180.
   * @return the signed cross-track distance and the time of passage.
   */
  TrackPosition locate(int relative_orbit, geo::LonLat point) const;

  /**
   * The same as locate, searching from the passage time found for a point nearby (within
   * ~100 km): fewer iterations.
   * @param near  locate's answer for the nearby point on the same relative orbit.
   */
  TrackPosition locateNear(int relative_orbit, geo::LonLat point, const TrackPosition& near) const;

  /**
   * A cheap, conservative filter: the relative orbits whose swath may reach some point
   * within `radius_km` of `point` (an orbit left out cannot).
   * @param point      lon/lat degrees.
   * @param radius_km  the reach around the point, e.g. half a tile's diagonal.
   * @return relative orbits 1-143, ascending.
   */
  std::vector<int> candidateOrbits(geo::LonLat point, double radius_km) const;

 private:
  /** locate's search from argument of latitude `u` (radians from the ascending node). */
  TrackPosition locateFrom(int relative_orbit, geo::LonLat point, double u) const;

  std::array<double, kRelativeOrbits> node_lon_deg_{};
};

/** UTC time (seconds since 1970-01-01) of the descending node of an absolute orbit of the
 * first satellite's slot; add kSatellitePhaseSeconds for the second. */
double descendingNodeTime(int64_t absolute_orbit);

/** The relative orbit (1-143) of an absolute orbit. */
int relativeOrbitOf(int64_t absolute_orbit);

/** The first absolute orbit whose descending node is at or after `unix_seconds`. */
int64_t firstOrbitFrom(double unix_seconds);

}  // namespace stac2h3::synth
