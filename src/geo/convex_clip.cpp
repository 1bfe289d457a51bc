/** @file convex_clip.cpp
 * @brief Clipping rings against a convex spherical polygon, and the exact test of whether a
 * geodesic arc touches one.
 */
#include "geo/convex_clip.h"

#include <string>

#include "util/error.h"

namespace stac2h3::geo {
namespace {

/** Where the geodesic from p (signed distance dp to the plane) to q (dq, opposite sign) meets
 * the plane: the chord point with zero distance, pushed back onto the sphere. */
Vec3 cutPoint(const Vec3& p, double dp, const Vec3& q, double dq) {
  const double t = dp / (dp - dq);
  return normalized(p + t * (q - p));
}

/** Keeps the part of `in` where dot(normal, p) >= 0. */
void clipByPlane(const std::vector<Vec3>& in, const Vec3& normal, std::vector<Vec3>& out) {
  out.clear();
  if (in.empty()) return;
  const Vec3* prev = &in.back();
  double d_prev = dot(normal, *prev);
  for (const Vec3& cur : in) {
    const double d_cur = dot(normal, cur);
    if (d_cur >= 0.0) {
      if (d_prev < 0.0) out.push_back(cutPoint(*prev, d_prev, cur, d_cur));
      out.push_back(cur);
    } else if (d_prev >= 0.0) {
      out.push_back(cutPoint(*prev, d_prev, cur, d_cur));
    }
    prev = &cur;
    d_prev = d_cur;
  }
}

}  // namespace

ConvexPolygon::ConvexPolygon(std::span<const Vec3> ccw_vertices) {
  if (ccw_vertices.size() < 3 || ccw_vertices.size() > kMaxVertices) {
    throw Error("convex polygon with " + std::to_string(ccw_vertices.size()) +
                " vertices (3 to 10 allowed)");
  }
  count_ = static_cast<int>(ccw_vertices.size());
  for (int i = 0; i < count_; ++i) {
    vertices_[i] = ccw_vertices[i];
    normals_[i] = normalized(greatCircleNormal(ccw_vertices[i], ccw_vertices[(i + 1) % count_]));
  }
}

bool isConvex(std::span<const Vec3> ccw_vertices) {
  const size_t n = ccw_vertices.size();
  for (size_t i = 0; i < n; ++i) {
    const Vec3& prev = ccw_vertices[(i + n - 1) % n];
    const Vec3& next = ccw_vertices[(i + 1) % n];
    // Edge vectors instead of the vertices themselves keep the sign right for tiny cells.
    if (det(prev - ccw_vertices[i], ccw_vertices[i], next - ccw_vertices[i]) < 0.0) return false;
  }
  return true;
}

void clipRing(std::span<const Vec3> ring, const ConvexPolygon& clip, std::vector<Vec3>& out,
              std::vector<Vec3>& scratch) {
  out.assign(ring.begin(), ring.end());
  for (int i = 0; i < clip.size() && !out.empty(); ++i) {
    clipByPlane(out, clip.normal(i), scratch);
    out.swap(scratch);
  }
}

bool arcTouches(const Vec3& a, const Vec3& b, const ConvexPolygon& convex) {
  for (int i = 0; i < convex.size(); ++i) {
    if (dot(convex.normal(i), a) < -kTouchTolerance &&
        dot(convex.normal(i), b) < -kTouchTolerance) {
      return false;
    }
  }
  const Vec3 arc_normal = greatCircleNormal(a, b);
  const double length = norm(arc_normal);
  if (length == 0.0) return true;  // a point inside every edge's hemisphere
  bool any_left = false;
  bool any_right = false;
  for (int i = 0; i < convex.size(); ++i) {
    const double side = dot(arc_normal, convex.vertex(i)) / length;
    any_left = any_left || side >= -kTouchTolerance;
    any_right = any_right || side <= kTouchTolerance;
  }
  return any_left && any_right;
}

}  // namespace stac2h3::geo
