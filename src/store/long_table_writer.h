/** @file long_table_writer.h
 * @brief The cube as a long table for GIS users (`stac2h3 resample --gpkg long.gpkg`): one
 * row per cell and day that some item observed.
 *
 * Table `observations` (a GeoPackage attributes table, no geometry: join it to cells.gpkg on
 * `cell`): `cell` TEXT (hex id), `date` DATE (UTC, "YYYY-MM-DD"), the six values and
 * `obs_fraction` as REAL (NULL where no item had the value), `n_items` INTEGER.
 */
#pragma once

#include <filesystem>
#include <memory>

#include "store/cube_block.h"

namespace stac2h3::store {

/** The table name of the long table. */
inline constexpr const char* kObservationsTable = "observations";

class LongTableWriter {
 public:
  /**
   * Creates the file and its table.
   * @param path         the .gpkg file.
   * @param description  the cube's cells (the blocks index into them).
   * @param overwrite    replace an existing file.
   * @throws stac2h3::InputError when `path` exists and `overwrite` is false;
   *         stac2h3::Error when GDAL cannot create it.
   */
  LongTableWriter(const std::filesystem::path& path, const CubeDescription& description,
                  bool overwrite = false);
  ~LongTableWriter();
  LongTableWriter(const LongTableWriter&) = delete;
  LongTableWriter& operator=(const LongTableWriter&) = delete;

  /** Appends the observed (cell, day) pairs of a block, in one transaction.
   * @throws stac2h3::Error when GDAL cannot write. */
  void write(const CubeBlock& block);
  /** Closes the file. @throws stac2h3::Error when GDAL fails to flush. */
  void close();
  /** Rows written so far. */
  int64_t rows() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace stac2h3::store
