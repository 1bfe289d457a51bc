/** @file ogr_gpkg.cpp
 * @brief GeoPackage creation helpers over OGR (see ogr_gpkg.h).
 */
#include "store/ogr_gpkg.h"

#include "store/output_path.h"
#include "util/error.h"

namespace stac2h3::store {

OGRMultiPolygon toOgrMultiPolygon(const geo::MultiPolygon& shape) {
  OGRMultiPolygon multi;
  for (const auto& part : shape.polygons) {
    OGRPolygon polygon;
    auto add_ring = [&](const geo::Ring& ring) {
      OGRLinearRing linear;
      for (const auto& vertex : ring) linear.addPoint(vertex.lon, vertex.lat);
      linear.closeRings();
      polygon.addRing(&linear);
    };
    add_ring(part.outer);
    for (const auto& hole : part.holes) add_ring(hole);
    multi.addGeometry(&polygon);
  }
  return multi;
}

void failOgr(const std::string& where, const std::string& action) {
  throw Error(where + ": " + action + ": " + CPLGetLastErrorMsg());
}

GdalDatasetPtr createGeoPackage(const std::filesystem::path& path, bool overwrite) {
  prepareOutputPath(path, overwrite);
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (driver == nullptr) throw Error(path.string() + ": GDAL has no GPKG driver");
  GdalDatasetPtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!dataset) failOgr(path.string(), "cannot create the GeoPackage");
  return dataset;
}

void addField(OGRLayer& layer, const char* name, OGRFieldType type, OGRFieldSubType subtype,
              const std::string& where) {
  OGRFieldDefn field(name, type);
  field.SetSubType(subtype);
  if (layer.CreateField(&field) != OGRERR_NONE) failOgr(where, std::string("cannot add ") + name);
}

}  // namespace stac2h3::store
