/** @file footprint_validity.cpp
 * @brief Whether a footprint is a usable polygon on the sphere: no degenerate or
 * self-intersecting rings, holes inside their outer ring.
 *
 * Written on the sphere rather than with GEOS's planar validity in lon/lat, because the cover
 * reads footprints on the sphere: a ring crossing the antimeridian unsplit or running around
 * a pole is valid there and would be judged wrongly in the plane.
 */
#include "geo/footprint_validity.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

#include "geo/arc_intersection.h"
#include "geo/point_in_polygon.h"
#include "geo/spherical_area.h"
#include "geo/spherical_polygon.h"

namespace stac2h3::geo {
namespace {

/** Rings smaller than this (steradians, about 4e-10 m² on the Earth) have no area. */
constexpr double kMinRingArea = 1e-23;

const Vec3& vertexAfter(const SphericalRing& ring, size_t i) {
  return ring[i + 1 == ring.size() ? 0 : i + 1];
}

/** Why a single ring is unusable, or nothing when it is fine. */
std::optional<std::string> ringProblem(const SphericalRing& ring) {
  if (ring.size() < 3) return "fewer than 3 distinct vertices";
  const size_t n = ring.size();
  for (size_t i = 0; i < n; ++i) {
    if (angleBetween(ring[i], vertexAfter(ring, i)) >= 0.5 * std::numbers::pi) {
      return "edge " + std::to_string(i) + " spans a quarter circle or more";
    }
  }
  for (size_t i = 0; i < n; ++i) {
    // Edges i and j are neighbours when j == i + 1 or (i == 0, j == n - 1).
    for (size_t j = i + 2; j < n; ++j) {
      if (i == 0 && j == n - 1) continue;
      if (arcsIntersect(ring[i], vertexAfter(ring, i), ring[j], vertexAfter(ring, j))) {
        return "edges " + std::to_string(i) + " and " + std::to_string(j) + " intersect";
      }
    }
  }
  if (std::abs(ringSignedArea(ring)) < kMinRingArea) return "zero area";
  return std::nullopt;
}

bool ringsMeet(const SphericalRing& x, const SphericalRing& y) {
  for (size_t i = 0; i < x.size(); ++i) {
    for (size_t j = 0; j < y.size(); ++j) {
      if (arcsIntersect(x[i], vertexAfter(x, i), y[j], vertexAfter(y, j))) return true;
    }
  }
  return false;
}

bool fail(std::string* reason, const std::string& text) {
  if (reason != nullptr) *reason = text;
  return false;
}

}  // namespace

bool isValidFootprint(const MultiPolygon& footprint, std::string* reason) {
  if (footprint.empty()) return fail(reason, "empty footprint");
  for (size_t p = 0; p < footprint.polygons.size(); ++p) {
    const Polygon& polygon = footprint.polygons[p];
    const std::string where = "polygon " + std::to_string(p);
    const auto not_position = [](const Ring& ring) {
      return std::any_of(ring.begin(), ring.end(), [](const LonLat& v) { return !isPosition(v); });
    };
    if (not_position(polygon.outer) ||
        std::any_of(polygon.holes.begin(), polygon.holes.end(), not_position)) {
      return fail(reason, where + ": a vertex is not a lon/lat position");
    }
    SphericalRing outer = toSphericalRing(polygon.outer);
    if (const auto problem = ringProblem(outer)) {
      return fail(reason, where + " outer ring: " + *problem);
    }
    const SphericalPolygon oriented = toSpherical(polygon);
    for (size_t h = 0; h < polygon.holes.size(); ++h) {
      const std::string hole_where = where + " hole " + std::to_string(h);
      SphericalRing hole = toSphericalRing(polygon.holes[h]);
      if (const auto problem = ringProblem(hole)) return fail(reason, hole_where + ": " + *problem);
      if (ringsMeet(oriented.outer, hole))
        return fail(reason, hole_where + " meets the outer ring");
      if (!ringContains(oriented.outer, hole.front())) {
        return fail(reason, hole_where + " lies outside the outer ring");
      }
    }
  }
  return true;
}

}  // namespace stac2h3::geo
