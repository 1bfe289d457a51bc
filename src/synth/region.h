/** @file region.h
 * @brief A fixed lon/lat area (land, an AOI) answering "does this footprint touch it?" and
 * "is this point inside?" fast, through GEOS prepared polygons under an STRtree.
 *
 * Planar in lon/lat degrees, as GeoJSON reads polygons: footprints are densified, so this
 * differs from the spherical reading by little.
 */
#pragma once

#include <memory>

#include "geo/geometry.h"

namespace stac2h3::synth {

/**
 * An area with prepared (indexed) queries. Each instance owns its GEOS context: one thread
 * at a time per instance; make one per thread for parallel queries.
 */
class Region {
 public:
  /**
   * @param shape  polygons in lon/lat degrees; invalid ones (self-intersections from
   *               quantised coastlines) are repaired one by one with GEOS MakeValid. The
   *               polygons should not overlap (a point is inside when any holds it).
   * @throws stac2h3::Error when GEOS cannot build or repair the geometry.
   */
  explicit Region(const geo::MultiPolygon& shape);
  ~Region();
  Region(Region&&) noexcept;
  Region& operator=(Region&&) noexcept;

  /** True when the footprint and the region share at least one point. */
  bool intersects(const geo::MultiPolygon& footprint) const;
  /** True when the point lies inside the region. */
  bool contains(geo::LonLat point) const;
  /** The region's polygons as stored (after any repair). */
  geo::MultiPolygon polygons() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace stac2h3::synth
