/** @file ogr_gpkg.h
 * @brief Creating GeoPackage outputs through GDAL/OGR (cells.gpkg, the long table): the
 * dataset, its layer and fields, with failures as one-line stac2h3::Error. Used by src/store
 * and by the selection's cells output (src/select).
 */
#pragma once

#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>
#include <string>

#include "geo/geometry.h"

namespace stac2h3::store {

/** Closes a GDAL dataset (and flushes it) when it goes out of scope. */
struct GdalDatasetCloser {
  void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using GdalDatasetPtr = std::unique_ptr<GDALDataset, GdalDatasetCloser>;

/**
 * Creates an empty GeoPackage.
 * @param path       the .gpkg file.
 * @param overwrite  replace an existing file (else an existing file is an InputError).
 * @throws stac2h3::InputError / stac2h3::Error as prepareOutputPath, or when GDAL fails.
 */
GdalDatasetPtr createGeoPackage(const std::filesystem::path& path, bool overwrite);

/**
 * Adds a field to a layer.
 * @param subtype  e.g. OFSTInt16 or OFSTBoolean; OFSTNone for none.
 * @throws stac2h3::Error naming `where` when OGR refuses.
 */
void addField(OGRLayer& layer, const char* name, OGRFieldType type, OGRFieldSubType subtype,
              const std::string& where);

/** A lon/lat MultiPolygon as OGR geometry (rings closed). */
OGRMultiPolygon toOgrMultiPolygon(const geo::MultiPolygon& shape);

/** Throws stac2h3::Error "<where>: <action>: <GDAL's last message>". */
[[noreturn]] void failOgr(const std::string& where, const std::string& action);

}  // namespace stac2h3::store
