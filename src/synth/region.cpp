/** @file region.cpp
 * @brief GEOS-prepared lon/lat areas (see region.h).
 */
#include "synth/region.h"

#include <geos_c.h>

#include <vector>

#include "util/error.h"

namespace stac2h3::synth {
namespace {

GEOSGeometry* makeRing(GEOSContextHandle_t ctx, const geo::Ring& ring) {
  GEOSCoordSequence* sequence =
      GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(ring.size() + 1), 2);
  for (size_t i = 0; i <= ring.size(); ++i) {
    const geo::LonLat& v = ring[i % ring.size()];
    GEOSCoordSeq_setXY_r(ctx, sequence, static_cast<unsigned>(i), v.lon, v.lat);
  }
  return GEOSGeom_createLinearRing_r(ctx, sequence);
}

/** Builds a GEOS MultiPolygon; the caller owns the result (nullptr on failure). */
GEOSGeometry* makeMultiPolygon(GEOSContextHandle_t ctx, const geo::MultiPolygon& shape) {
  std::vector<GEOSGeometry*> polygons;
  polygons.reserve(shape.polygons.size());
  for (const geo::Polygon& polygon : shape.polygons) {
    std::vector<GEOSGeometry*> holes;
    for (const geo::Ring& hole : polygon.holes) holes.push_back(makeRing(ctx, hole));
    polygons.push_back(GEOSGeom_createPolygon_r(ctx, makeRing(ctx, polygon.outer), holes.data(),
                                                static_cast<unsigned>(holes.size())));
  }
  return GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, polygons.data(),
                                     static_cast<unsigned>(polygons.size()));
}

/** Adds the polygons of a geometry to `out` as separate geometries (MakeValid may return a
 * collection that also holds lines and points, which are dropped); `out` owns them. */
void collectPolygons(GEOSContextHandle_t ctx, const GEOSGeometry* geometry,
                     std::vector<GEOSGeometry*>& out) {
  const int type = GEOSGeomTypeId_r(ctx, geometry);
  if (type == GEOS_POLYGON) {
    out.push_back(GEOSGeom_clone_r(ctx, geometry));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    for (int i = 0; i < GEOSGetNumGeometries_r(ctx, geometry); ++i) {
      collectPolygons(ctx, GEOSGetGeometryN_r(ctx, geometry, i), out);
    }
  }
}

void collectCandidate(void* item, void* userdata) {
  static_cast<std::vector<const GEOSPreparedGeometry*>*>(userdata)->push_back(
      static_cast<const GEOSPreparedGeometry*>(item));
}

}  // namespace

/** The polygons one by one, each prepared, under an STRtree of their envelopes: a query
 * tests only the few polygons whose envelope it meets. One prepared MultiPolygon of all
 * land would test every part's representative point on each query (~1,500 parts). */
struct Region::Impl {
  GEOSContextHandle_t ctx = GEOS_init_r();
  std::vector<GEOSGeometry*> parts;
  std::vector<const GEOSPreparedGeometry*> prepared;
  GEOSSTRtree* tree = GEOSSTRtree_create_r(ctx, 10);
  /** Reused query result, so a query allocates nothing once warm. */
  mutable std::vector<const GEOSPreparedGeometry*> candidates;

  /** Whether `predicate` holds between any part and `geometry` (which this call owns). */
  template <typename Predicate>
  bool anyPart(GEOSGeometry* geometry, Predicate predicate) const {
    candidates.clear();
    GEOSSTRtree_query_r(ctx, tree, geometry, collectCandidate, &candidates);
    char answer = 0;
    for (const GEOSPreparedGeometry* part : candidates) {
      answer = predicate(ctx, part, geometry);
      if (answer != 0) break;
    }
    GEOSGeom_destroy_r(ctx, geometry);
    if (answer == 2) throw Error("GEOS failed on a region test");
    return answer == 1;
  }

  ~Impl() {
    GEOSSTRtree_destroy_r(ctx, tree);
    for (const GEOSPreparedGeometry* part : prepared) GEOSPreparedGeom_destroy_r(ctx, part);
    for (GEOSGeometry* part : parts) GEOSGeom_destroy_r(ctx, part);
    GEOS_finish_r(ctx);
  }
};

Region::Region(const geo::MultiPolygon& shape) : impl_(std::make_unique<Impl>()) {
  GEOSContextHandle_t ctx = impl_->ctx;
  // Polygon by polygon: repairing the few invalid ones alone is fast, where validating and
  // repairing the whole MultiPolygon at once took seconds (it also checks how parts meet).
  for (const geo::Polygon& polygon : shape.polygons) {
    GEOSGeometry* geometry = makeMultiPolygon(ctx, geo::MultiPolygon{{polygon}});
    if (geometry == nullptr) throw Error("GEOS cannot build a region polygon");
    if (GEOSisValid_r(ctx, geometry) != 1) {
      GEOSGeometry* valid = GEOSMakeValid_r(ctx, geometry);
      GEOSGeom_destroy_r(ctx, geometry);
      if (valid == nullptr) throw Error("GEOS cannot repair a region polygon");
      geometry = valid;
    }
    collectPolygons(ctx, geometry, impl_->parts);
    GEOSGeom_destroy_r(ctx, geometry);
  }
  for (GEOSGeometry* part : impl_->parts) {
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(ctx, part);
    if (prepared == nullptr) throw Error("GEOS cannot prepare a region polygon");
    impl_->prepared.push_back(prepared);
    GEOSSTRtree_insert_r(ctx, impl_->tree, part, const_cast<GEOSPreparedGeometry*>(prepared));
  }
}

Region::~Region() = default;
Region::Region(Region&&) noexcept = default;
Region& Region::operator=(Region&&) noexcept = default;

bool Region::intersects(const geo::MultiPolygon& footprint) const {
  return impl_->anyPart(makeMultiPolygon(impl_->ctx, footprint), GEOSPreparedIntersects_r);
}

geo::MultiPolygon Region::polygons() const {
  GEOSContextHandle_t ctx = impl_->ctx;
  const auto ring = [&](const GEOSGeometry* geos_ring) {
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(ctx, geos_ring);
    unsigned size = 0;
    GEOSCoordSeq_getSize_r(ctx, sequence, &size);
    geo::Ring out(size > 0 ? size - 1 : 0);
    for (unsigned i = 0; i + 1 < size; ++i) {
      GEOSCoordSeq_getXY_r(ctx, sequence, i, &out[i].lon, &out[i].lat);
    }
    return out;
  };
  geo::MultiPolygon shape;
  for (const GEOSGeometry* polygon : impl_->parts) {
    geo::Polygon out{ring(GEOSGetExteriorRing_r(ctx, polygon)), {}};
    for (int h = 0; h < GEOSGetNumInteriorRings_r(ctx, polygon); ++h) {
      out.holes.push_back(ring(GEOSGetInteriorRingN_r(ctx, polygon, h)));
    }
    shape.polygons.push_back(std::move(out));
  }
  return shape;
}

bool Region::contains(geo::LonLat point) const {
  return impl_->anyPart(GEOSGeom_createPointFromXY_r(impl_->ctx, point.lon, point.lat),
                        GEOSPreparedContains_r);
}

}  // namespace stac2h3::synth
