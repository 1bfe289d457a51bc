/** @file zarr_cube_metadata.h
 * @brief The metadata of a cube (cube_schema.h) created through GDAL's multidimensional API in
 * a Zarr v2 group: dimensions, coordinates (written whole), empty data arrays with their
 * chunking and codec, attributes. The data chunks are written beside it (zarr_chunk_writer.h).
 * Shared by the single cube (zarr_cube_writer.h) and the pyramid (zarr_pyramid_writer.h).
 */
#pragma once

#include <gdal_priv.h>

#include <filesystem>
#include <memory>
#include <string>

#include "store/cube_block.h"
#include "store/zarr_cube_writer.h"

namespace stac2h3::store {

/**
 * @throws stac2h3::InputError when the description has no days or its cells are not sorted
 *         and unique (`where` names the output).
 */
void checkCubeDescription(const CubeDescription& description, const std::string& where);

/**
 * Creates a Zarr v2 dataset with consolidated metadata at `path` (which must not exist).
 * @throws stac2h3::Error when GDAL cannot.
 */
std::unique_ptr<GDALDataset> createZarrDataset(const std::filesystem::path& path);

/**
 * Creates the cube's dimensions, coordinates, data arrays and attributes in `group`.
 * @throws stac2h3::Error when GDAL fails (naming `where`).
 */
void createCubeArrays(GDALGroup& group, const CubeDescription& description,
                      const CubeLayout& layout, const std::string& where);

/** Writes a text attribute. @throws stac2h3::Error naming `where` when GDAL fails. */
void writeTextAttribute(GDALIHasAttribute& owner, const std::string& name, const std::string& value,
                        const std::string& where);

/**
 * Closes the dataset: GDAL writes the remaining metadata and .zmetadata.
 * @throws stac2h3::Error (naming `where`) when GDAL reports a failure.
 */
void closeZarrDataset(std::unique_ptr<GDALDataset>& dataset, const std::string& where);

}  // namespace stac2h3::store
