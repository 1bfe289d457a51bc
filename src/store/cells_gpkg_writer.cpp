/** @file cells_gpkg_writer.cpp
 * @brief cells.gpkg through OGR (see cells_gpkg_writer.h).
 */
#include "store/cells_gpkg_writer.h"

#include "geo/antimeridian.h"
#include "geo/cell_polygon.h"
#include "store/ogr_gpkg.h"
#include "util/progress.h"

namespace stac2h3::store {

void writeCellsGpkg(const std::filesystem::path& path, std::span<const h3::Cell> cells,
                    bool overwrite) {
  const std::string where = path.string();
  GdalDatasetPtr dataset = createGeoPackage(path, overwrite);
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* layer = dataset->CreateLayer(kCellsTable, &wgs84, wkbMultiPolygon, nullptr);
  if (layer == nullptr) failOgr(where, "cannot create the cells table");
  addField(*layer, "cell", OFTString, OFSTNone, where);
  addField(*layer, "res", OFTInteger, OFSTNone, where);
  addField(*layer, "area_km2", OFTReal, OFSTNone, where);
  addField(*layer, "is_pentagon", OFTInteger, OFSTBoolean, where);

  Progress progress("cells", static_cast<int64_t>(cells.size()));
  if (dataset->StartTransaction() != OGRERR_NONE) failOgr(where, "cannot start a transaction");
  OGRFeature feature(layer->GetLayerDefn());
  for (const h3::Cell cell : cells) {
    feature.SetFID(OGRNullFID);
    feature.SetField(0, h3::cellToString(cell).c_str());
    feature.SetField(1, h3::getResolution(cell));
    feature.SetField(2, h3::cellAreaKm2(cell));
    feature.SetField(3, h3::isPentagon(cell) ? 1 : 0);
    const OGRMultiPolygon geometry =
        toOgrMultiPolygon(geo::splitAntimeridian(geo::cellPolygon(cell)));
    feature.SetGeometry(&geometry);
    if (layer->CreateFeature(&feature) != OGRERR_NONE) {
      failOgr(where, "cannot write cell " + h3::cellToString(cell));
    }
    progress.add();
  }
  if (dataset->CommitTransaction() != OGRERR_NONE) failOgr(where, "cannot commit");
  progress.finish();
}

}  // namespace stac2h3::store
