/** @file orthographic.h
 * @brief The orthographic globe projection onto the canvas, on unit vectors.
 *
 * Written by hand rather than through PROJ: it runs for every vertex of every frame, and
 * the clipping at the limb needs the depth coordinate, which PROJ does not return.
 */
#pragma once

#include "geo/geometry.h"

namespace stac2h3::plot {

/** A point on the unit sphere (float: a 6 m step at the Earth's surface is far below a
 * pixel, and halves the memory of a million cell boundaries). */
struct UnitVector {
  float x = 0.0f;
  float y = 0.0f;
  float z = 0.0f;
};

/** The unit vector of a lon/lat point in degrees. */
UnitVector toUnitVector(const geo::LonLat& point);
/** The lon/lat in degrees of a (not necessarily unit) non-zero vector. */
geo::LonLat toLonLat(double x, double y, double z);

/** Canvas position and depth: depth >= 0 on the visible hemisphere, 0 on the limb. */
struct ViewPoint {
  double x = 0.0;
  double y = 0.0;
  double depth = 0.0;
};

/** An orthographic view of the globe centred on `centre`, drawn as a disc. */
class OrthographicView {
 public:
  /**
   * @param centre  the point at the middle of the disc (degrees).
   * @param cx, cy  the disc centre on the canvas (pixels, y down).
   * @param radius  the disc radius in pixels.
   */
  OrthographicView(const geo::LonLat& centre, double cx, double cy, double radius);

  ViewPoint project(const UnitVector& p) const {
    const double u = east_[0] * p.x + east_[1] * p.y + east_[2] * p.z;
    const double v = north_[0] * p.x + north_[1] * p.y + north_[2] * p.z;
    const double w = out_[0] * p.x + out_[1] * p.y + out_[2] * p.z;
    return {cx_ + radius_ * u, cy_ - radius_ * v, w};
  }
  /** The point on the limb between a visible `a` and a hidden `b` (the great-circle arc
   * between them crosses the limb there). */
  ViewPoint limbCrossing(const ViewPoint& a, const ViewPoint& b) const;

  double cx() const { return cx_; }
  double cy() const { return cy_; }
  double radius() const { return radius_; }

 private:
  double east_[3];
  double north_[3];
  double out_[3];
  double cx_;
  double cy_;
  double radius_;
};

}  // namespace stac2h3::plot
