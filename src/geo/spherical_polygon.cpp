/** @file spherical_polygon.cpp
 * @brief Footprint polygons as rings of unit vectors, in canonical form: no repeated
 * vertices, no spikes, every ring counter-clockwise around the region it bounds.
 */
#include "geo/spherical_polygon.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "geo/sphere_coords.h"
#include "geo/spherical_area.h"
#include "util/error.h"

namespace stac2h3::geo {
namespace {

bool samePoint(const Vec3& a, const Vec3& b) {
  const Vec3 d = a - b;
  return dot(d, d) < kSamePointRadians * kSamePointRadians;
}

/** Pushes v onto a ring under construction, cancelling repeats and spikes as they form. */
void pushCanonical(SphericalRing& ring, const Vec3& v) {
  if (!ring.empty() && samePoint(ring.back(), v)) return;
  if (ring.size() >= 2 && samePoint(ring[ring.size() - 2], v)) {
    ring.pop_back();  // A→B→A: the spike B goes, A is already there
    return;
  }
  ring.push_back(v);
}

void orientCounterClockwise(SphericalRing& ring) {
  if (ringSignedArea(ring) < 0.0) std::reverse(ring.begin(), ring.end());
}

}  // namespace

bool isPosition(const LonLat& point) {
  return std::isfinite(point.lon) && std::isfinite(point.lat) && std::abs(point.lat) <= 90.0;
}

SphericalRing toSphericalRing(const Ring& ring) {
  SphericalRing out;
  out.reserve(ring.size());
  for (const LonLat& p : ring) {
    if (!isPosition(p)) {
      std::ostringstream message;
      message.precision(17);
      message << "footprint vertex (" << p.lon << ", " << p.lat << ") is not a lon/lat position";
      throw InputError(message.str());
    }
    pushCanonical(out, toVec3(p));
  }
  // Close the ring: repeats and spikes across the seam between the last and first vertex.
  bool changed = true;
  while (changed && out.size() >= 2) {
    changed = false;
    if (samePoint(out.back(), out.front())) {
      out.pop_back();
      changed = true;
    } else if (out.size() >= 3 && samePoint(out[out.size() - 2], out.front())) {
      out.pop_back();  // spike through the last vertex
      changed = true;
    } else if (out.size() >= 3 && samePoint(out.back(), out[1])) {
      out.erase(out.begin());  // spike through the first vertex
      changed = true;
    }
  }
  return out;
}

SphericalPolygon toSpherical(const Polygon& polygon) {
  SphericalPolygon out;
  out.outer = toSphericalRing(polygon.outer);
  orientCounterClockwise(out.outer);
  for (const Ring& hole : polygon.holes) {
    SphericalRing ring = toSphericalRing(hole);
    if (ring.size() < 3) continue;
    orientCounterClockwise(ring);
    out.holes.push_back(std::move(ring));
  }
  return out;
}

std::vector<SphericalPolygon> toSpherical(const MultiPolygon& footprint) {
  std::vector<SphericalPolygon> parts;
  parts.reserve(footprint.polygons.size());
  for (const Polygon& polygon : footprint.polygons) {
    SphericalPolygon part = toSpherical(polygon);
    if (part.outer.size() >= 3) parts.push_back(std::move(part));
  }
  return parts;
}

double areaSteradians(const SphericalPolygon& polygon) {
  double area = ringSignedArea(polygon.outer);
  for (const SphericalRing& hole : polygon.holes) area -= ringSignedArea(hole);
  return area;
}

}  // namespace stac2h3::geo
