/** @file land_mask.cpp
 * @brief Reading land polygons with OGR (see land_mask.h).
 */
#include "synth/land_mask.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <mutex>

#include "geo/antimeridian.h"
#include "synth/region.h"
#include "util/error.h"

namespace stac2h3::synth {
namespace {

geo::Ring toRing(const OGRLinearRing& ring) {
  geo::Ring out;
  const int count = ring.getNumPoints();
  out.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) out.push_back({ring.getX(i), ring.getY(i)});
  if (out.size() > 1 && out.front() == out.back()) out.pop_back();
  return out;
}

void addPolygon(const OGRPolygon& polygon, geo::MultiPolygon& out) {
  const OGRLinearRing* exterior = polygon.getExteriorRing();
  if (exterior == nullptr || exterior->getNumPoints() < 4) return;
  geo::Polygon converted{toRing(*exterior), {}};
  for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
    converted.holes.push_back(toRing(*polygon.getInteriorRing(i)));
  }
  out.polygons.push_back(std::move(converted));
}

void addGeometry(const OGRGeometry& geometry, geo::MultiPolygon& out) {
  switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPolygon:
      addPolygon(*geometry.toPolygon(), out);
      break;
    case wkbMultiPolygon:
    case wkbGeometryCollection:
      for (const OGRGeometry* part : *geometry.toGeometryCollection()) addGeometry(*part, out);
      break;
    default:
      break;
  }
}

}  // namespace

std::filesystem::path defaultLandPath() {
  return std::filesystem::path(STAC2H3_NODE_MODULES) / "world-atlas" / "land-50m.json";
}

geo::MultiPolygon readLandPolygons(const std::filesystem::path& path) {
  static std::once_flag registered;
  std::call_once(registered, [] { GDALAllRegister(); });
  std::unique_ptr<GDALDataset> dataset(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!dataset) {
    throw InputError(path.string() +
                     ": cannot read land polygons (run scripts/setup.sh to install world-atlas)");
  }
  geo::MultiPolygon land;
  for (OGRLayer* layer : dataset->GetLayers()) {
    for (const auto& feature : *layer) {
      if (const OGRGeometry* geometry = feature->GetGeometryRef()) addGeometry(*geometry, land);
    }
  }
  if (land.empty()) throw InputError(path.string() + ": holds no polygon");
  // world-atlas rings cross ±180 as jumps (Eurasia at Chukotka, Wrangel Island, Fiji,
  // Antarctica around the pole); read in the plane, each would fill a band of latitudes
  // around the globe, so they are split first. Quantised TopoJSON also has a few
  // self-intersections: repair them once here, so that every Region built from the result
  // (one per thread) starts from valid polygons.
  return Region(geo::splitAntimeridian(land)).polygons();
}

}  // namespace stac2h3::synth
