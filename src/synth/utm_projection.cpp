/** @file utm_projection.cpp
 * @brief UTM <-> WGS 84 with PROJ (see utm_projection.h).
 */
#include "synth/utm_projection.h"

#include <proj.h>

#include <cmath>
#include <string>

#include "util/error.h"

namespace stac2h3::synth {
namespace {

/** Runs PROJ on arrays of x and y; the projection's angular side is in radians. */
void transform(PJ* projection, PJ_DIRECTION direction, std::span<double> x, std::span<double> y,
               int zone) {
  const size_t count = x.size();
  const size_t done =
      proj_trans_generic(projection, direction, x.data(), sizeof(double), count, y.data(),
                         sizeof(double), count, nullptr, 0, 0, nullptr, 0, 0);
  bool finite = done == count;
  for (size_t i = 0; finite && i < count; ++i) finite = std::isfinite(x[i]) && std::isfinite(y[i]);
  if (!finite) {
    throw Error("PROJ could not convert a point in UTM zone " + std::to_string(zone));
  }
}

}  // namespace

UtmProjection::UtmProjection(int zone, bool south)
    : zone_(zone), south_(south), context_(proj_context_create()), projection_(nullptr) {
  const std::string definition = "+proj=utm +zone=" + std::to_string(zone) +
                                 (south ? " +south" : "") + " +ellps=WGS84 +units=m";
  projection_ = proj_create(context_, definition.c_str());
  if (projection_ == nullptr) {
    proj_context_destroy(context_);
    throw Error("PROJ cannot create " + definition);
  }
}

UtmProjection::~UtmProjection() {
  proj_destroy(projection_);
  proj_context_destroy(context_);
}

void UtmProjection::toLonLat(std::span<double> x, std::span<double> y) const {
  transform(projection_, PJ_INV, x, y, zone_);
  for (size_t i = 0; i < x.size(); ++i) {
    x[i] = proj_todeg(x[i]);
    y[i] = proj_todeg(y[i]);
  }
}

void UtmProjection::toUtm(std::span<double> x, std::span<double> y) const {
  for (size_t i = 0; i < x.size(); ++i) {
    x[i] = proj_torad(x[i]);
    y[i] = proj_torad(y[i]);
  }
  transform(projection_, PJ_FWD, x, y, zone_);
}

}  // namespace stac2h3::synth
