/** @file area.cpp
 * @brief Exact cell areas on the sphere from the boundary, as the reference computes them.
 *
 * The area of a loop of geodesic edges is the sum of one term per edge (Cagnoli's formula,
 * as d3-geo uses), accumulated with Kahan compensation; the reference's order of operations
 * and its JavaScript build's sin/cos/atan2 (fdlibm.h) give h3-js's areas bit for bit.
 */
#include "h3/area.h"

#include "h3/constants.h"
#include "h3/fdlibm.h"

namespace stac2h3::h3 {
namespace {

/** Compensated (Kahan) summation. */
class CompensatedSum {
 public:
  void add(double x) {
    const double y = x - compensation_;
    const double t = sum_ + y;
    compensation_ = (t - sum_) - y;
    sum_ = t;
  }
  double value() const { return sum_; }

 private:
  double sum_ = 0.0;
  double compensation_ = 0.0;
};

/** Twice the signed area of the spherical triangle (pole, a, b), from co-latitude halves. */
double edgeAreaTerm(const LatLng& a, const LatLng& b) {
  const double a_lat = a.lat / 2.0 + detail::kPi / 4.0;
  const double b_lat = b.lat / 2.0 + detail::kPi / 4.0;
  const double sin_product = detail::fdlibm::sin(a_lat) * detail::fdlibm::sin(b_lat);
  const double cos_product = detail::fdlibm::cos(a_lat) * detail::fdlibm::cos(b_lat);
  const double d_lng = b.lng - a.lng;
  return -2.0 * detail::fdlibm::atan2(sin_product * detail::fdlibm::sin(d_lng),
                                      sin_product * detail::fdlibm::cos(d_lng) + cos_product);
}

}  // namespace

namespace detail {

double loopAreaRads2(const CellBoundary& boundary) {
  CompensatedSum area;
  for (int i = 0; i < boundary.count; ++i) {
    area.add(edgeAreaTerm(boundary.verts[i], boundary.verts[(i + 1) % boundary.count]));
  }
  // The signed sum is negative for loops the formula sees clockwise: fold into [0, 4π].
  if (area.value() < 0.0) area.add(4.0 * detail::kPi);
  return area.value();
}

}  // namespace detail

double cellAreaRads2(Cell cell) {
  return detail::loopAreaRads2(cellToBoundary(cell));
}

double cellAreaKm2(Cell cell) {
  return cellAreaRads2(cell) * (kEarthRadiusKm * kEarthRadiusKm);
}

}  // namespace stac2h3::h3
