/** @file antimeridian.cpp
 * @brief Splitting lon/lat polygons that jump across ±180 (unwrap, clip with GEOS, shift).
 */
#include "geo/antimeridian.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "geo/geos_context.h"
#include "util/error.h"

namespace stac2h3::geo {
namespace {

/** Unwraps longitudes so consecutive vertices never differ by more than 180°. Returns the
 * total wrap of the closing edge: 0 for an ordinary ring, ±360 for a ring around a pole. */
double unwrapRing(Ring& ring) {
  double offset = 0.0;
  double previous = ring.front().lon;
  for (size_t i = 1; i < ring.size(); ++i) {
    const double raw = ring[i].lon;
    const double step = raw - previous;
    if (step > 180.0) offset -= 360.0;
    if (step < -180.0) offset += 360.0;
    previous = raw;
    ring[i].lon = raw + offset;
  }
  const double closing = ring.front().lon - previous;
  if (closing > 180.0) offset -= 360.0;
  if (closing < -180.0) offset += 360.0;
  return offset;
}

/** Twice the signed planar area (positive when counter-clockwise). */
double signedArea2(const Ring& ring) {
  double sum = 0.0;
  for (size_t i = 0, n = ring.size(); i < n; ++i) {
    const LonLat& a = ring[i];
    const LonLat& b = ring[(i + 1) % n];
    sum += a.lon * b.lat - b.lon * a.lat;
  }
  return sum;
}

GEOSGeometry* toGeosRing(const Ring& ring) {
  GEOSContextHandle_t ctx = geosContext();
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(ring.size() + 1), 2);
  for (size_t i = 0; i <= ring.size(); ++i) {
    const LonLat& v = ring[i % ring.size()];
    GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(i), v.lon, v.lat);
  }
  return GEOSGeom_createLinearRing_r(ctx, seq);
}

GeosPtr toGeosPolygon(const Ring& outer, const std::vector<Ring>& holes) {
  GEOSContextHandle_t ctx = geosContext();
  std::vector<GEOSGeometry*> hole_rings;
  hole_rings.reserve(holes.size());
  for (const Ring& hole : holes) hole_rings.push_back(toGeosRing(hole));
  return GeosPtr(GEOSGeom_createPolygon_r(ctx, toGeosRing(outer), hole_rings.data(),
                                          static_cast<unsigned>(hole_rings.size())));
}

GeosPtr box(double min_lon, double max_lon) {
  return GeosPtr(GEOSGeom_createRectangle_r(geosContext(), min_lon, -90.0, max_lon, 90.0));
}

/** Reads a GEOS ring back, shifted by `shift` degrees, oriented as asked, open. */
Ring fromGeosRing(const GEOSGeometry* ring, double shift, bool counter_clockwise) {
  GEOSContextHandle_t ctx = geosContext();
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, ring);
  unsigned size = 0;
  GEOSCoordSeq_getSize_r(ctx, seq, &size);
  Ring out;
  out.reserve(size);
  for (unsigned i = 0; i + 1 < size; ++i) {
    double x = 0.0;
    double y = 0.0;
    GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y);
    out.push_back({x + shift, y});
  }
  if ((signedArea2(out) > 0.0) != counter_clockwise) std::reverse(out.begin(), out.end());
  return out;
}

/** Appends the polygons of a GEOS (Multi)Polygon, shifted and oriented, dropping slivers. */
void appendParts(const GEOSGeometry* parts, double shift, bool counter_clockwise,
                 MultiPolygon& out) {
  GEOSContextHandle_t ctx = geosContext();
  // Parts thinner than this (in square degrees) are artefacts of cutting along ±180.
  constexpr double kSliverArea = 1e-12;
  const int count = GEOSGetNumGeometries_r(ctx, parts);
  for (int i = 0; i < count; ++i) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(ctx, parts, i);
    if (GEOSGeomTypeId_r(ctx, part) != GEOS_POLYGON || GEOSisEmpty_r(ctx, part)) continue;
    double area = 0.0;
    GEOSArea_r(ctx, part, &area);
    if (area < kSliverArea) continue;
    Polygon polygon;
    polygon.outer = fromGeosRing(GEOSGetExteriorRing_r(ctx, part), shift, counter_clockwise);
    const int holes = GEOSGetNumInteriorRings_r(ctx, part);
    for (int h = 0; h < holes; ++h) {
      polygon.holes.push_back(
          fromGeosRing(GEOSGetInteriorRingN_r(ctx, part, h), shift, !counter_clockwise));
    }
    out.polygons.push_back(std::move(polygon));
  }
}

bool polygonCrosses(const Polygon& polygon) {
  if (ringCrossesAntimeridian(polygon.outer)) return true;
  for (const Ring& hole : polygon.holes) {
    if (ringCrossesAntimeridian(hole)) return true;
  }
  return false;
}

void splitInto(const Polygon& polygon, MultiPolygon& out) {
  if (!polygonCrosses(polygon)) {
    out.polygons.push_back(polygon);
    return;
  }
  Ring outer = polygon.outer;
  const double wrap = unwrapRing(outer);
  if (wrap != 0.0) {
    // The ring winds around a pole: close it along the pole on the side it lies.
    double mean_lat = 0.0;
    for (const LonLat& v : outer) mean_lat += v.lat;
    const double pole = mean_lat >= 0.0 ? 90.0 : -90.0;
    const LonLat first = outer.front();
    outer.push_back({first.lon + wrap, first.lat});
    outer.push_back({first.lon + wrap, pole});
    outer.push_back({first.lon, pole});
  }
  double min_lon = outer.front().lon;
  double max_lon = min_lon;
  for (const LonLat& v : outer) {
    min_lon = std::fmin(min_lon, v.lon);
    max_lon = std::fmax(max_lon, v.lon);
  }
  const double centre = 0.5 * (min_lon + max_lon);
  std::vector<Ring> holes = polygon.holes;
  for (Ring& hole : holes) {
    unwrapRing(hole);
    const double shift = 360.0 * std::round((hole.front().lon - centre) / 360.0);
    for (LonLat& v : hole) v.lon -= shift;
  }
  // The unwrapped (and, around a pole, closed) ring has the input's orientation.
  const bool counter_clockwise = signedArea2(outer) > 0.0;

  GEOSContextHandle_t ctx = geosContext();
  GeosPtr unwrapped = toGeosPolygon(outer, holes);
  if (!unwrapped) throw Error("antimeridian split: GEOS could not build the polygon");
  for (int window = -1; window <= 1; ++window) {
    const double west = -180.0 + 360.0 * window;
    if (max_lon <= west || min_lon >= west + 360.0) continue;
    GeosPtr clip = box(west, west + 360.0);
    GeosPtr parts(GEOSIntersection_r(ctx, unwrapped.get(), clip.get()));
    if (!parts) {
      throw Error(
          "antimeridian split: GEOS could not clip a ring crossing ±180 (is it "
          "self-intersecting?)");
    }
    appendParts(parts.get(), -360.0 * window, counter_clockwise, out);
  }
}

}  // namespace

bool ringCrossesAntimeridian(const Ring& ring) {
  for (size_t i = 0, n = ring.size(); i < n; ++i) {
    if (std::fabs(ring[(i + 1) % n].lon - ring[i].lon) > 180.0) return true;
  }
  return false;
}

MultiPolygon splitAntimeridian(const Polygon& polygon) {
  MultiPolygon out;
  splitInto(polygon, out);
  return out;
}

MultiPolygon splitAntimeridian(const MultiPolygon& shape) {
  MultiPolygon out;
  out.polygons.reserve(shape.polygons.size());
  for (const Polygon& polygon : shape.polygons) splitInto(polygon, out);
  return out;
}

std::array<double, 4> stacBbox(const MultiPolygon& footprint) {
  constexpr double kHuge = std::numeric_limits<double>::max();
  double west = kHuge, south = kHuge, east = -kHuge, north = -kHuge;
  double east_part_west = kHuge, west_part_east = -kHuge;
  bool touches_east = false, touches_west = false;
  for (const Polygon& polygon : footprint.polygons) {
    double lo = kHuge, hi = -kHuge;
    for (const LonLat& v : polygon.outer) {
      lo = std::min(lo, v.lon);
      hi = std::max(hi, v.lon);
      south = std::min(south, v.lat);
      north = std::max(north, v.lat);
    }
    west = std::min(west, lo);
    east = std::max(east, hi);
    if (hi >= 180.0) {
      touches_east = true;
      east_part_west = std::min(east_part_west, lo);
    }
    if (lo <= -180.0) {
      touches_west = true;
      west_part_east = std::max(west_part_east, hi);
    }
  }
  if (touches_east && touches_west) {
    west = east_part_west;
    east = west_part_east;
  }
  return {west, south, east, north};
}

}  // namespace stac2h3::geo
