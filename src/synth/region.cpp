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

/** The polygons of a geometry (MakeValid may return a collection that also holds lines
 * and points); the caller owns the result. */
GEOSGeometry* polygonalPart(GEOSContextHandle_t ctx, const GEOSGeometry* geometry) {
  std::vector<GEOSGeometry*> polygons;
  const auto collect = [&](const auto& self, const GEOSGeometry* part) -> void {
    const int type = GEOSGeomTypeId_r(ctx, part);
    if (type == GEOS_POLYGON) {
      polygons.push_back(GEOSGeom_clone_r(ctx, part));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
      for (int i = 0; i < GEOSGetNumGeometries_r(ctx, part); ++i) {
        self(self, GEOSGetGeometryN_r(ctx, part, i));
      }
    }
  };
  collect(collect, geometry);
  return GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, polygons.data(),
                                     static_cast<unsigned>(polygons.size()));
}

}  // namespace

struct Region::Impl {
  GEOSContextHandle_t ctx = GEOS_init_r();
  GEOSGeometry* geometry = nullptr;
  const GEOSPreparedGeometry* prepared = nullptr;

  /** Runs a prepared predicate on a footprint built in this context. */
  template <typename Predicate>
  bool test(const geo::MultiPolygon& footprint, Predicate predicate) const {
    GEOSGeometry* other = makeMultiPolygon(ctx, footprint);
    const char answer = predicate(ctx, prepared, other);
    GEOSGeom_destroy_r(ctx, other);
    if (answer == 2) throw Error("GEOS failed on a footprint test");
    return answer == 1;
  }

  ~Impl() {
    if (prepared != nullptr) GEOSPreparedGeom_destroy_r(ctx, prepared);
    if (geometry != nullptr) GEOSGeom_destroy_r(ctx, geometry);
    GEOS_finish_r(ctx);
  }
};

Region::Region(const geo::MultiPolygon& shape) : impl_(std::make_unique<Impl>()) {
  GEOSContextHandle_t ctx = impl_->ctx;
  impl_->geometry = makeMultiPolygon(ctx, shape);
  if (impl_->geometry == nullptr) throw Error("GEOS cannot build a region of polygons");
  if (GEOSisValid_r(ctx, impl_->geometry) != 1) {
    GEOSGeometry* valid = GEOSMakeValid_r(ctx, impl_->geometry);
    if (valid == nullptr) throw Error("GEOS cannot repair the region's polygons");
    GEOSGeom_destroy_r(ctx, impl_->geometry);
    impl_->geometry = polygonalPart(ctx, valid);
    GEOSGeom_destroy_r(ctx, valid);
  }
  impl_->prepared = GEOSPrepare_r(ctx, impl_->geometry);
  if (impl_->prepared == nullptr) throw Error("GEOS cannot prepare the region");
}

Region::~Region() = default;
Region::Region(Region&&) noexcept = default;
Region& Region::operator=(Region&&) noexcept = default;

bool Region::intersects(const geo::MultiPolygon& footprint) const {
  return impl_->test(footprint, GEOSPreparedIntersects_r);
}

bool Region::contains(const geo::MultiPolygon& footprint) const {
  return impl_->test(footprint, GEOSPreparedContains_r);
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
  for (int i = 0; i < GEOSGetNumGeometries_r(ctx, impl_->geometry); ++i) {
    const GEOSGeometry* polygon = GEOSGetGeometryN_r(ctx, impl_->geometry, i);
    geo::Polygon out{ring(GEOSGetExteriorRing_r(ctx, polygon)), {}};
    for (int h = 0; h < GEOSGetNumInteriorRings_r(ctx, polygon); ++h) {
      out.holes.push_back(ring(GEOSGetInteriorRingN_r(ctx, polygon, h)));
    }
    shape.polygons.push_back(std::move(out));
  }
  return shape;
}

bool Region::contains(geo::LonLat point) const {
  GEOSGeometry* geometry = GEOSGeom_createPointFromXY_r(impl_->ctx, point.lon, point.lat);
  const char answer = GEOSPreparedContains_r(impl_->ctx, impl_->prepared, geometry);
  GEOSGeom_destroy_r(impl_->ctx, geometry);
  if (answer == 2) throw Error("GEOS failed on a point test");
  return answer == 1;
}

}  // namespace stac2h3::synth
