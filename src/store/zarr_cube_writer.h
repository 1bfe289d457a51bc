/** @file zarr_cube_writer.h
 * @brief Writes the cube (cube.zarr, the contract in cube_schema.h) as Zarr v2, one block of
 * days at a time: the metadata through GDAL's multidimensional API, the data chunks encoded
 * and written in parallel beside it (zarr_chunk_writer.h).
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
  /** Zstandard level (declared as GDAL's COMPRESS=ZSTD; numcodecs' Zstd reads it). Level -3,
   * one of the fast levels (literals left uncompressed, a coarser match search): on a year
   * at res 5 level -1 compressed 1.25x faster than level 1 for 8% more bytes, and level 1
   * 1.7x faster than 3 for 10% more; on a sample of that year's chunks (`zstd -b`) level -3
   * compresses 1.25x faster than -1 for 6% more bytes, and decompresses 1.1x faster. The
   * values (noisy float mantissas between runs of NaN) gain little from entropy coding or
   * slower match finders, nor from a byte shuffle first (tried: 8% larger at -3). */
  int zstd_level = -3;
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
   *         cannot create the metadata.
   */
  ZarrCubeWriter(const std::filesystem::path& path, const CubeDescription& description,
                 const CubeLayout& layout = defaultCubeLayout(), bool overwrite = false);
  ~ZarrCubeWriter();
  ZarrCubeWriter(const ZarrCubeWriter&) = delete;
  ZarrCubeWriter& operator=(const ZarrCubeWriter&) = delete;

  /**
   * Writes one block as whole chunks: its days start on a chunk boundary (first_day -
   * description.first_day a multiple of layout.time_chunk) and are layout.time_chunk days or
   * the rest of the axis; its cells start at a multiple of layout.cell_chunk and are whole
   * chunks or reach the last cell. Its chunks are encoded when it returns and written in the
   * background; close() waits for them.
   * @throws stac2h3::Error when the block lies outside the cube, is not whole chunks, or a
   *         chunk of this or an earlier block could not be written.
   */
  void write(const CubeBlock& block);

  /** Ends the writing (later writes throw): waits until every chunk written is on disk. The
   * metadata is complete from the constructor on. A writer destroyed without close() still
   * waits for its chunks, but a failed write then goes unreported.
   * @throws stac2h3::Error naming the first chunk file that could not be written. */
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace stac2h3::store
