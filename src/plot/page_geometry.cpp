/** @file page_geometry.cpp
 * @brief Cell polygons and coastlines in the page's flat layout, with the lift that keeps
 * their chords above the globe's surface.
 */
#include "plot/page_geometry.h"

#include <algorithm>
#include <cmath>

#include "geo/sphere_coords.h"
#include "h3/h3.h"
#include "plot/basemap.h"

namespace stac2h3::plot {

namespace {

constexpr double kEarthRadiusM = 6371008.8;
/** Margin on the lift: float positions and the globe's own mesh are not exact. */
constexpr double kLiftMargin = 1.25;

/** How far below the unit sphere the mean of `points` lies: the depth of the chord
 * surface (plane or segment) they span, at its deepest. */
double chordDepth(const UnitVector* begin, const UnitVector* end) {
  double x = 0.0;
  double y = 0.0;
  double z = 0.0;
  for (const UnitVector* p = begin; p != end; ++p) {
    x += p->x;
    y += p->y;
    z += p->z;
  }
  const double n = static_cast<double>(end - begin);
  return std::max(0.0, 1.0 - std::hypot(x, y, z) / n);
}

void appendPoint(FlatLonLat& flat, const UnitVector& p) {
  const geo::LonLat point = toLonLat(p.x, p.y, p.z);
  flat.lonlat.push_back(static_cast<float>(point.lon));
  flat.lonlat.push_back(static_cast<float>(point.lat));
}

}  // namespace

FlatLonLat cellPolygons(const std::vector<uint64_t>& cells) {
  FlatLonLat flat;
  flat.lonlat.reserve(cells.size() * 12);
  flat.counts.reserve(cells.size());
  double deepest = 0.0;
  std::vector<UnitVector> ring;
  for (const uint64_t cell : cells) {
    const h3::CellBoundary boundary = h3::cellToBoundary(cell);
    ring.clear();
    for (int i = 0; i < boundary.count; ++i) {
      const geo::LonLat vertex = geo::toLonLat(boundary.verts[static_cast<size_t>(i)]);
      flat.lonlat.push_back(static_cast<float>(vertex.lon));
      flat.lonlat.push_back(static_cast<float>(vertex.lat));
      ring.push_back(toUnitVector(vertex));
    }
    deepest = std::max(deepest, chordDepth(ring.data(), ring.data() + ring.size()));
    flat.counts.push_back(static_cast<uint32_t>(boundary.count));
  }
  flat.lift_m = deepest * kEarthRadiusM * kLiftMargin;
  return flat;
}

FlatLonLat coastlinePolylines() {
  FlatLonLat flat;
  double deepest = 0.0;
  for (const Polyline& line : coastlines()) {
    for (size_t i = 0; i < line.size(); ++i) {
      appendPoint(flat, line[i]);
      if (i > 0) deepest = std::max(deepest, chordDepth(&line[i - 1], &line[i] + 1));
    }
    flat.counts.push_back(static_cast<uint32_t>(line.size()));
  }
  flat.lift_m = deepest * kEarthRadiusM * kLiftMargin;
  return flat;
}

}  // namespace stac2h3::plot
