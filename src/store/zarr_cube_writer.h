/** @file zarr_cube_writer.h
 * @brief Writes the cube (cube.zarr, the contract in cube_schema.h) as Zarr v2 through
 * GDAL's multidimensional API, one block of days at a time.
 *
 * Layout: dimensions `time` x `cell_ids`; coordinates `time` (int32 days since 1970-01-01,
 * CF units and calendar) and `cell_ids` (uint64, attributes grid_name "h3" and level R,
 * fill_value null); float32 variables with NaN fill and uint16 `n_items` (0 where
 * none, no fill value so that xarray keeps it an integer), each with
 * `units` and `long_name`; `_ARRAY_DIMENSIONS` on every array; consolidated metadata
 * (.zmetadata). Chunks and compression: see CubeLayout.
 */
#pragma once

#include <filesystem>
#include <memory>

#include "store/cube_block.h"

namespace stac2h3::store {

/** Chunking and compression of the data arrays. */
struct CubeLayout {
  /** Days per chunk: also the block size the writer expects (blocks align to chunks). */
  int time_chunk = 32;
  /** Cells per chunk. */
  int cell_chunk = 8192;
  /** Zstandard level (GDAL's COMPRESS=ZSTD; numcodecs' Zstd reads it). */
  int zstd_level = 3;
};

/** The layout chosen by measurement (bench/cube_layout.py; numbers in the README). */
CubeLayout defaultCubeLayout();

class ZarrCubeWriter {
 public:
  /**
   * Creates the cube with its coordinates and attributes; data arrays start empty (fill).
   * @param path         the .zarr directory to create.
   * @param description  resolution, time axis, sorted cells, attributes.
   * @param layout       chunking and compression.
   * @param overwrite    replace an existing `path`; otherwise an existing path is an error.
   * @throws stac2h3::InputError when `path` exists and `overwrite` is false, or the
   *         description is inconsistent (unsorted cells, no days); stac2h3::Error when GDAL
   *         cannot create the files.
   */
  ZarrCubeWriter(const std::filesystem::path& path, const CubeDescription& description,
                 const CubeLayout& layout = defaultCubeLayout(), bool overwrite = false);
  ~ZarrCubeWriter();
  ZarrCubeWriter(const ZarrCubeWriter&) = delete;
  ZarrCubeWriter& operator=(const ZarrCubeWriter&) = delete;

  /**
   * Writes one block of days for every cell. Blocks that start on a chunk boundary
   * (first_day - description.first_day a multiple of layout.time_chunk) write whole chunks.
   * @throws stac2h3::Error when the block lies outside the time axis, has the wrong number of
   *         cells, or GDAL fails to write.
   */
  void write(const CubeBlock& block);

  /** Flushes and closes the dataset (also done by the destructor, which cannot report
   * errors). @throws stac2h3::Error when GDAL fails to flush. */
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace stac2h3::store
