/** @file convex_clip.h
 * @brief Clipping rings against a convex spherical polygon, and the exact test of whether a
 * geodesic arc touches one.
 *
 * A convex spherical polygon (smaller than a hemisphere) is the intersection of the
 * hemispheres on the left of its edges' great circles, so Sutherland-Hodgman clipping runs
 * plane by plane on unit vectors: each cut point is where a geodesic edge meets a great
 * circle, exact on the sphere without any projection. (In a gnomonic projection centred inside
 * the polygon, the same algorithm would be planar: geodesics are straight lines there.)
 */
#pragma once

#include <array>
#include <span>
#include <vector>

#include "geo/vec3.h"

namespace stac2h3::geo {

/** A convex spherical polygon of at most kMaxVertices vertices, counter-clockwise. */
class ConvexPolygon {
 public:
  static constexpr int kMaxVertices = 10;

  /**
   * @param ccw_vertices  3..kMaxVertices unit vectors, counter-clockwise, convex (see
   *                      isConvex), the polygon smaller than a hemisphere.
   * @throws stac2h3::Error when the vertex count is out of range.
   */
  explicit ConvexPolygon(std::span<const Vec3> ccw_vertices);

  int size() const { return count_; }
  const Vec3& vertex(int i) const { return vertices_[i]; }
  /** Unit normal of edge i (vertex i to i+1): the polygon lies where dot(normal, p) >= 0,
   * which is the sine of p's distance from the edge's great circle. */
  const Vec3& normal(int i) const { return normals_[i]; }

 private:
  int count_ = 0;
  std::array<Vec3, kMaxVertices> vertices_{};
  std::array<Vec3, kMaxVertices> normals_{};
};

/**
 * True when the counter-clockwise ring turns left (or runs straight) at every vertex, so that
 * ConvexPolygon can hold it.
 * @param ccw_vertices  unit vectors, at least 3.
 */
bool isConvex(std::span<const Vec3> ccw_vertices);

/**
 * Clips a ring against a convex polygon (Sutherland-Hodgman, one edge plane at a time).
 * @param ring     open ring of unit vectors whose edges are shorter than a half circle; the
 *                 part of it near the clip polygon must lie within a hemisphere.
 * @param clip     the convex polygon.
 * @param out      receives the clipped ring, same orientation as ring (empty when they do not
 *                 meet). Pieces of a concave ring that fall apart are joined by zero-area
 *                 edges along clip edges, which leaves the signed area exact.
 * @param scratch  a buffer reused between calls.
 */
void clipRing(std::span<const Vec3> ring, const ConvexPolygon& clip, std::vector<Vec3>& out,
              std::vector<Vec3>& scratch);

/** Distance (radians, ~0.6 mm on the Earth) within which arcTouches counts an arc as touching:
 * a footprint edge that runs along a cell edge must count as touching whatever the rounding,
 * since touching only sends the cell to exact clipping while missing would call it wholly
 * inside or outside. */
inline constexpr double kTouchTolerance = 1e-13;

/**
 * True when the geodesic arc from a to b meets the closed convex polygon (crosses it, lies in
 * it, or touches its boundary), or passes within kTouchTolerance of it. By separating planes:
 * the arc misses the polygon if and only if both its ends lie outside one edge's great circle,
 * or all the polygon's vertices lie on one side of the arc's great circle.
 * @param a, b  unit vectors, the arc shorter than a quarter circle beyond the polygon.
 */
bool arcTouches(const Vec3& a, const Vec3& b, const ConvexPolygon& convex);

}  // namespace stac2h3::geo
