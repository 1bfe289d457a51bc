/** @file utm_projection.h
 * @brief UTM zone <-> WGS 84 lon/lat through PROJ, for whole arrays of points.
 */
#pragma once

#include <span>

struct pj_ctx;
struct PJconsts;

namespace stac2h3::synth {

/** A planar UTM position in metres (easting, northing with the southern false northing). */
struct UtmXY {
  double x = 0.0;
  double y = 0.0;
};

/**
 * One UTM zone's projection on the WGS 84 ellipsoid. Owns its PROJ context, so an instance
 * may be used by one thread at a time; make one per thread for parallel work.
 */
class UtmProjection {
 public:
  /**
   * @param zone   UTM zone 1-60.
   * @param south  true for the southern hemisphere (10,000 km false northing).
   * @throws stac2h3::Error when PROJ cannot create the projection.
   */
  UtmProjection(int zone, bool south);
  ~UtmProjection();
  UtmProjection(const UtmProjection&) = delete;
  UtmProjection& operator=(const UtmProjection&) = delete;

  int zone() const { return zone_; }
  bool south() const { return south_; }

  /**
   * Converts UTM positions to lon/lat degrees in place: x becomes longitude in
   * [-180, 180], y latitude.
   * @param x  eastings on input, longitudes on output.
   * @param y  northings on input, latitudes on output (same length as x).
   * @throws stac2h3::Error when a point cannot be converted.
   */
  void toLonLat(std::span<double> x, std::span<double> y) const;

  /**
   * Converts lon/lat degrees to UTM positions in place (the inverse of toLonLat).
   * @throws stac2h3::Error when a point cannot be converted.
   */
  void toUtm(std::span<double> x, std::span<double> y) const;

 private:
  int zone_;
  bool south_;
  pj_ctx* context_;
  PJconsts* projection_;
};

}  // namespace stac2h3::synth
