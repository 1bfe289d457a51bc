/** @file cells_output.cpp
 * @brief The per-cell output as CSV or GeoPackage (see cells_output.h).
 */
#include "select/cells_output.h"

#include <functional>

#include "geo/antimeridian.h"
#include "geo/cell_polygon.h"
#include "select/item_output.h"
#include "stac/json_object.h"
#include "store/ogr_gpkg.h"
#include "util/error.h"

namespace stac2h3::select {
namespace {

constexpr const char* kTable = "selection_cells";

/** One row of the output. */
struct CellRow {
  const WindowSelection& window;
  size_t piece;
  std::string items;  ///< ids covering the piece, rank order, space-separated
};

/** Calls `row` for every window and piece, in order. */
void forEachRow(const Selection& selection, const std::function<void(const CellRow&)>& row) {
  for (const WindowSelection& window : selection.windows) {
    std::vector<std::string> items(selection.grid.cells.size());
    for (const Pick& pick : window.picks) {
      const Candidate& candidate = window.candidates[pick.candidate];
      for (const PieceCover& cover : candidate.cover) {
        std::string& ids = items[cover.piece];
        ids += (ids.empty() ? "" : " ") + candidate.item.id;
      }
    }
    for (size_t piece = 0; piece < items.size(); ++piece) row(CellRow{window, piece, items[piece]});
  }
}

void writeCsv(const std::filesystem::path& path, const Selection& selection) {
  std::string text = "window_start,window_end,cell,area_km2,coverage,expected_clear,items\n";
  forEachRow(selection, [&](const CellRow& row) {
    text += stac::formatUtcDay(row.window.window.first) + ',' +
            stac::formatUtcDay(row.window.window.last) + ',' +
            h3::cellToString(selection.grid.cells[row.piece]) + ',' +
            stac::jsonNumber(selection.grid.piece_km2[row.piece]) + ',' +
            stac::jsonNumber(row.window.state.pieceCoverage(row.piece)) + ',' +
            stac::jsonNumber(row.window.state.pieceExpectedClear(row.piece)) + ',' +
            // ids hold no comma or quote in any known source; quote them anyway for safety
            stac::jsonString(row.items) + '\n';
  });
  writeTextFile(path, text);
}

void writeGpkg(const std::filesystem::path& path, const Selection& selection) {
  const std::string where = path.string();
  store::GdalDatasetPtr dataset = store::createGeoPackage(path, /*overwrite=*/true);
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* layer = dataset->CreateLayer(kTable, &wgs84, wkbMultiPolygon, nullptr);
  if (layer == nullptr) store::failOgr(where, "cannot create the selection_cells table");
  store::addField(*layer, "window_start", OFTString, OFSTNone, where);
  store::addField(*layer, "window_end", OFTString, OFSTNone, where);
  store::addField(*layer, "cell", OFTString, OFSTNone, where);
  store::addField(*layer, "area_km2", OFTReal, OFSTNone, where);
  store::addField(*layer, "coverage", OFTReal, OFSTNone, where);
  store::addField(*layer, "expected_clear", OFTReal, OFSTNone, where);
  store::addField(*layer, "items", OFTString, OFSTNone, where);
  if (dataset->StartTransaction() != OGRERR_NONE)
    store::failOgr(where, "cannot start a transaction");
  std::vector<OGRMultiPolygon> shapes;
  for (const h3::Cell cell : selection.grid.cells) {
    shapes.push_back(store::toOgrMultiPolygon(geo::splitAntimeridian(geo::cellPolygon(cell))));
  }
  OGRFeature feature(layer->GetLayerDefn());
  forEachRow(selection, [&](const CellRow& row) {
    feature.SetFID(OGRNullFID);
    feature.SetField(0, stac::formatUtcDay(row.window.window.first).c_str());
    feature.SetField(1, stac::formatUtcDay(row.window.window.last).c_str());
    feature.SetField(2, h3::cellToString(selection.grid.cells[row.piece]).c_str());
    feature.SetField(3, selection.grid.piece_km2[row.piece]);
    feature.SetField(4, row.window.state.pieceCoverage(row.piece));
    feature.SetField(5, row.window.state.pieceExpectedClear(row.piece));
    feature.SetField(6, row.items.c_str());
    feature.SetGeometry(&shapes[row.piece]);
    if (layer->CreateFeature(&feature) != OGRERR_NONE) store::failOgr(where, "cannot write a cell");
  });
  if (dataset->CommitTransaction() != OGRERR_NONE) store::failOgr(where, "cannot commit");
}

}  // namespace

CellsFormat cellsFormatOf(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  if (extension == ".csv") return CellsFormat::kCsv;
  if (extension == ".gpkg") return CellsFormat::kGpkg;
  throw InputError(path.string() + ": unknown cells output type (use .csv or .gpkg)");
}

void writeSelectionCells(const std::filesystem::path& path, const Selection& selection) {
  if (cellsFormatOf(path) == CellsFormat::kCsv) {
    writeCsv(path, selection);
  } else {
    writeGpkg(path, selection);
  }
}

}  // namespace stac2h3::select
