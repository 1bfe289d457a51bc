/** @file zarr_chunk_writer.h
 * @brief Writes the data chunks of one cube (one Zarr group) straight to their files,
 * encoded with Zstandard in parallel on the TBB workers, beside the metadata GDAL writes.
 *
 * Why not through GDAL: its multidimensional arrays encode and write one chunk after another
 * on the calling thread (19 s of a 31 s resample of a global year at res 5), and an array may
 * not be written from several threads. Zarr chunks are independent files, so each
 * (variable, cell chunk) of a block of days is copied out, compressed and written by its
 * own task. The bytes are what GDAL wrote: C order, little-endian, padded to the whole chunk
 * shape with the fill (NaN for floats, 0 for n_items), one Zstandard frame with its content
 * size (numcodecs' `Zstd` and GDAL read it), file `<group>/<variable>/<t>.<c>` (Zarr v2's
 * "." dimension separator).
 */
#pragma once

#include <tbb/enumerable_thread_specific.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "store/cube_block.h"
#include "store/zarr_cube_writer.h"
#include "util/uncached_writes.h"

namespace stac2h3::store {

/** The chunk shape of a cube: the layout's, clamped to the cube's extent (at least 1). */
struct ChunkShape {
  int32_t days = 1;
  int64_t cells = 1;
};

/** The chunk shape `layout` gives a cube of `num_days` x `num_cells`. */
ChunkShape chunkShape(const CubeLayout& layout, int32_t num_days, int64_t num_cells);

/** One thread's reusable buffer for encoding chunks (zarr_chunk_writer.cpp). */
struct ChunkScratch;

class ZarrChunkWriter {
 public:
  /**
   * @param group_directory  the Zarr group holding the cube's data arrays (their .zarray
   *                         already written, with the chunk shape below).
   * @param description      the cube's time axis and cells.
   * @param layout           chunk shape and Zstandard level.
   * @param files            the threads that write the compressed chunks (a pyramid's
   *                         levels share theirs); null: its own.
   */
  ZarrChunkWriter(std::filesystem::path group_directory, const CubeDescription& description,
                  const CubeLayout& layout, std::shared_ptr<UncachedFileWriter> files = nullptr);
  ~ZarrChunkWriter();
  ZarrChunkWriter(ZarrChunkWriter&&) noexcept;
  ZarrChunkWriter& operator=(ZarrChunkWriter&&) noexcept;

  /**
   * Encodes every chunk of a block, all variables, in parallel, and queues them for the file
   * writer's threads, which write them past the page cache while the caller goes on (the
   * next block's accumulation): waiting for each block's files left the disk idle between
   * blocks and the cores idle at each block's end. finish() waits for them.
   * @param block  whole chunks: its days start on a chunk boundary and are a chunk's days or
   *               the rest of the time axis; its cells start on a chunk boundary and are whole
   *               chunks or reach the last cell.
   * @throws stac2h3::Error when the block lies outside the cube, is not whole chunks, or a
   *         chunk file of this or an earlier block could not be written (naming it).
   */
  void write(const CubeBlock& block);

  /** Waits until every chunk written so far is on disk.
   * @throws stac2h3::Error naming the first chunk file that could not be written. */
  void finish();

 private:
  std::filesystem::path directory_;
  int32_t first_day_ = 0;
  int32_t num_days_ = 0;
  int64_t num_cells_ = 0;
  std::vector<std::string> float_names_;  ///< the value variables, then obs_fraction
  ChunkShape chunk_;
  int zstd_level_ = 3;
  // Each thread's chunk buffer, kept from block to block: made anew for every block, its
  // pages were faulted in again each time (the Zstandard contexts: zarr_chunk_file.cpp).
  std::unique_ptr<tbb::enumerable_thread_specific<ChunkScratch>> scratches_;
  std::shared_ptr<UncachedFileWriter> files_;
};

}  // namespace stac2h3::store
