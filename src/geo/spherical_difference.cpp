/** @file spherical_difference.cpp
 * @brief Successive differences of ranked footprints in a gnomonic projection with GEOS (see
 * spherical_difference.h).
 */
#include "geo/spherical_difference.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <unordered_map>
#include <utility>

#include "geo/geos_context.h"
#include "geo/sphere_coords.h"
#include "geo/spherical_polygon.h"
#include "h3/h3.h"
#include "util/error.h"

namespace stac2h3::geo {
namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kEarthRadiusMetres = h3::kEarthRadiusKm * 1000.0;

/** The unit vector of a vertex; -180° and 180° give the same bits, so the two halves of a
 * footprint split at the antimeridian meet exactly in the projection. */
Vec3 vertexVector(const LonLat& point) {
  return toVec3(point.lon == -180.0 ? LonLat{180.0, point.lat} : point);
}

/** The gnomonic projection about a centre, in units of the sphere's radius: x east, y north,
 * so orientation is kept. Great circles map to straight lines. */
class Gnomonic {
 public:
  explicit Gnomonic(const Vec3& centre) : centre_(centre) {
    const Vec3 axis = std::fabs(centre.z) < 0.9 ? Vec3{0.0, 0.0, 1.0} : Vec3{1.0, 0.0, 0.0};
    east_ = normalized(cross(axis, centre));
    north_ = cross(centre, east_);
  }

  /** The plane position of a unit vector on the centre's side of the sphere. */
  std::pair<double, double> forward(const Vec3& v) const {
    const double scale = 1.0 / dot(v, centre_);
    return {scale * dot(v, east_), scale * dot(v, north_)};
  }

  LonLat inverse(double x, double y) const { return toLonLat(centre_ + x * east_ + y * north_); }

 private:
  Vec3 centre_;
  Vec3 east_;
  Vec3 north_;
};

/** Plane positions by their bits, back to the input vertex they came from. */
struct BitsHash {
  size_t operator()(const std::pair<uint64_t, uint64_t>& key) const {
    return std::hash<uint64_t>()(key.first * 0x9E3779B97F4A7C15ULL ^ key.second);
  }
};
using VertexOrigins = std::unordered_map<std::pair<uint64_t, uint64_t>, LonLat, BitsHash>;

std::pair<uint64_t, uint64_t> bitsOf(double x, double y) {
  return {std::bit_cast<uint64_t>(x), std::bit_cast<uint64_t>(y)};
}

/** The largest gap (metres) between an edge read as a geodesic and read as a straight line in
 * lon/lat, measured at the lon/lat midpoint, where it is largest for edges of a tile's size. */
double readingGapMetres(const LonLat& a, const LonLat& b) {
  double lon_b = b.lon;
  if (lon_b - a.lon > 180.0) lon_b -= 360.0;
  if (lon_b - a.lon < -180.0) lon_b += 360.0;
  const Vec3 normal = greatCircleNormal(vertexVector(a), vertexVector(b));
  const double length = norm(normal);
  if (!(length > 0.0)) return 0.0;
  const Vec3 middle = toVec3(LonLat{0.5 * (a.lon + lon_b), 0.5 * (a.lat + b.lat)});
  return std::fabs(std::asin(std::clamp(dot(middle, normal) / length, -1.0, 1.0))) *
         kEarthRadiusMetres;
}

double readingGapMetres(const MultiPolygon& footprint) {
  double gap = 0.0;
  auto ring_gap = [&gap](const Ring& ring) {
    for (size_t i = 0, n = ring.size(); i < n; ++i) {
      gap = std::max(gap, readingGapMetres(ring[i], ring[(i + 1) % n]));
    }
  };
  for (const Polygon& polygon : footprint.polygons) {
    ring_gap(polygon.outer);
    for (const Ring& hole : polygon.holes) ring_gap(hole);
  }
  return gap;
}

/** All footprints in one projection, and the way back to their vertices. */
class Projection {
 public:
  explicit Projection(std::span<const MultiPolygon* const> footprints)
      : gnomonic_(centreOf(footprints)) {}

  /** The footprint as one valid GEOS (Multi)Polygon; null when it is not valid in the plane. */
  GeosPtr toGeos(const MultiPolygon& footprint) {
    GEOSContextHandle_t ctx = geosContext();
    std::vector<GEOSGeometry*> parts;
    bool valid = true;
    for (const Polygon& polygon : footprint.polygons) {
      GeosPtr part = toGeos(polygon);
      if (!part || GEOSisValid_r(ctx, part.get()) != 1) {
        valid = false;
        continue;
      }
      parts.push_back(part.release());
    }
    GeosPtr collection(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                   static_cast<unsigned>(parts.size())));
    if (!valid || parts.empty()) return nullptr;
    // Parts of one footprint may share edges (halves split at ±180): merge them.
    return GeosPtr(GEOSUnaryUnion_r(ctx, collection.get()));
  }

  /** The polygons of a GEOS result, back on the sphere, dropping pieces no wider than
   * `sliver_width` (plane units). */
  MultiPolygon fromGeos(const GEOSGeometry* shape, double sliver_width) const {
    GEOSContextHandle_t ctx = geosContext();
    MultiPolygon out;
    const int count = GEOSGetNumGeometries_r(ctx, shape);
    for (int i = 0; i < count; ++i) {
      const GEOSGeometry* part = GEOSGetGeometryN_r(ctx, shape, i);
      if (GEOSGeomTypeId_r(ctx, part) != GEOS_POLYGON || GEOSisEmpty_r(ctx, part)) continue;
      if (!widerThan(part, sliver_width)) continue;
      Polygon polygon;
      polygon.outer = fromGeos(GEOSGetExteriorRing_r(ctx, part), true);
      for (int h = 0, holes = GEOSGetNumInteriorRings_r(ctx, part); h < holes; ++h) {
        polygon.holes.push_back(fromGeos(GEOSGetInteriorRingN_r(ctx, part, h), false));
      }
      out.polygons.push_back(std::move(polygon));
    }
    return out;
  }

 private:
  static Vec3 centreOf(std::span<const MultiPolygon* const> footprints) {
    Vec3 sum;
    std::vector<Vec3> vertices;
    for (const MultiPolygon* footprint : footprints) {
      for (const Polygon& polygon : footprint->polygons) {
        for (const LonLat& v : polygon.outer) {
          if (!isPosition(v)) {
            throw InputError("footprint difference: vertex (" + std::to_string(v.lon) + ", " +
                             std::to_string(v.lat) + ") is not a lon/lat position");
          }
          vertices.push_back(vertexVector(v));
          sum = sum + vertices.back();
        }
      }
    }
    if (!(norm(sum) > 0.0)) throw InputError("footprint difference: footprints have no centre");
    const Vec3 centre = normalized(sum);
    const double min_cos = std::cos(kMaxDifferenceRadiusDegrees * kDegToRad);
    for (const Vec3& v : vertices) {
      if (!(dot(v, centre) > min_cos)) {
        throw InputError("footprint difference: footprints span more than " +
                         std::to_string(static_cast<int>(kMaxDifferenceRadiusDegrees)) +
                         "° from their centre");
      }
    }
    return centre;
  }

  GeosPtr toGeos(const Polygon& polygon) {
    GEOSContextHandle_t ctx = geosContext();
    GEOSGeometry* outer = toGeosRing(polygon.outer);
    if (!outer) return nullptr;
    std::vector<GEOSGeometry*> holes;
    for (const Ring& ring : polygon.holes) {
      GEOSGeometry* hole = toGeosRing(ring);
      if (!hole) {
        GEOSGeom_destroy_r(ctx, outer);
        for (GEOSGeometry* made : holes) GEOSGeom_destroy_r(ctx, made);
        return nullptr;
      }
      holes.push_back(hole);
    }
    return GeosPtr(
        GEOSGeom_createPolygon_r(ctx, outer, holes.data(), static_cast<unsigned>(holes.size())));
  }

  /** A closed GEOS ring of the projected vertices (repeats dropped); null when fewer than three
   * distinct vertices remain or a vertex is not a position. */
  GEOSGeometry* toGeosRing(const Ring& ring) {
    std::vector<std::pair<double, double>> points;
    points.reserve(ring.size() + 1);
    for (const LonLat& v : ring) {
      if (!isPosition(v)) return nullptr;
      const auto point = gnomonic_.forward(vertexVector(v));
      if (!points.empty() && points.back() == point) continue;
      points.push_back(point);
      origins_.try_emplace(bitsOf(point.first, point.second), v);
    }
    while (points.size() > 1 && points.back() == points.front()) points.pop_back();
    if (points.size() < 3) return nullptr;
    points.push_back(points.front());
    GEOSContextHandle_t ctx = geosContext();
    GEOSCoordSequence* sequence =
        GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(points.size()), 2);
    for (size_t i = 0; i < points.size(); ++i) {
      GEOSCoordSeq_setXY_r(ctx, sequence, static_cast<unsigned>(i), points[i].first,
                           points[i].second);
    }
    return GEOSGeom_createLinearRing_r(ctx, sequence);
  }

  /** Whether `part` holds a disk wider than `width`: its inward buffer by half that is not
   * empty (the largest inscribed circle, without searching for it). */
  static bool widerThan(const GEOSGeometry* part, double width) {
    GEOSContextHandle_t ctx = geosContext();
    GeosPtr inner(GEOSBuffer_r(ctx, part, -0.5 * width, 2));
    if (!inner) throw Error("footprint difference: GEOS could not measure a piece's width");
    return GEOSisEmpty_r(ctx, inner.get()) == 0;
  }

  /** An open lon/lat ring of a GEOS ring: input vertices restored bit for bit, new ones mapped
   * back; counter-clockwise or clockwise as asked. */
  Ring fromGeos(const GEOSGeometry* ring, bool counter_clockwise) const {
    GEOSContextHandle_t ctx = geosContext();
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(ctx, ring);
    unsigned size = 0;
    GEOSCoordSeq_getSize_r(ctx, sequence, &size);
    Ring out;
    out.reserve(size);
    double twice_area = 0.0;
    double previous_x = 0.0;
    double previous_y = 0.0;
    for (unsigned i = 0; i < size; ++i) {
      double x = 0.0;
      double y = 0.0;
      GEOSCoordSeq_getXY_r(ctx, sequence, i, &x, &y);
      if (i > 0) twice_area += previous_x * y - x * previous_y;
      previous_x = x;
      previous_y = y;
      if (i + 1 == size) break;  // the closing repeat
      const auto origin = origins_.find(bitsOf(x, y));
      out.push_back(origin != origins_.end() ? origin->second : gnomonic_.inverse(x, y));
    }
    if ((twice_area > 0.0) != counter_clockwise) std::reverse(out.begin(), out.end());
    return out;
  }

  Gnomonic gnomonic_;
  VertexOrigins origins_;
};

double areaOf(const GEOSGeometry* shape) {
  double area = 0.0;
  GEOSArea_r(geosContext(), shape, &area);
  return area;
}

}  // namespace

std::vector<MultiPolygon> successiveDifferences(std::span<const MultiPolygon* const> ranked) {
  std::vector<MultiPolygon> result;
  result.reserve(ranked.size());
  if (ranked.empty()) return result;
  if (ranked.size() == 1) {
    result.push_back(*ranked[0]);
    return result;
  }
  GEOSContextHandle_t ctx = geosContext();
  Projection projection(ranked);
  GeosPtr covered;  // the union of the valid footprints ranked so far
  double gap_metres = 0.0;
  for (const MultiPolygon* footprint : ranked) {
    gap_metres = std::max(gap_metres, readingGapMetres(*footprint));
    GeosPtr shape = projection.toGeos(*footprint);
    if (!shape) {  // invalid: neither loses nor covers ground
      result.push_back(*footprint);
      continue;
    }
    if (!covered || GEOSIntersects_r(ctx, shape.get(), covered.get()) != 1) {
      result.push_back(*footprint);
    } else {
      GeosPtr left(GEOSDifference_r(ctx, shape.get(), covered.get()));
      if (!left) throw Error("footprint difference: GEOS could not subtract two footprints");
      if (areaOf(left.get()) >= areaOf(shape.get())) {  // touching only
        result.push_back(*footprint);
      } else {
        const double sliver_width = (gap_metres + kSliverMarginMetres) / kEarthRadiusMetres;
        result.push_back(projection.fromGeos(left.get(), sliver_width));
      }
    }
    if (!covered) {
      covered = std::move(shape);
    } else {
      covered.reset(GEOSUnion_r(ctx, covered.get(), shape.get()));
      if (!covered) throw Error("footprint difference: GEOS could not merge two footprints");
    }
  }
  return result;
}

}  // namespace stac2h3::geo
