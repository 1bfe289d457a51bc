/** @file zarr_chunk_reader.h
 * @brief Reads days of one data array of a cube straight from its chunk files, decoding them
 * in parallel on the TBB workers: the counterpart of zarr_chunk_writer.h, for the chunks that
 * writer wrote (C order, little-endian, one Zstandard frame each). `resample --update` reads
 * the old chunk rows it patches this way (GDAL decodes one chunk after another).
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "store/zarr_chunk_writer.h"

namespace stac2h3::store {

/**
 * Reads time indices [first, first + count) of every cell of the array `<group>/<array>`.
 * @param shape      the array's chunk shape.
 * @param num_cells  the cube's cells.
 * @param out        resized to count * num_cells, [day][cell]; a missing chunk file reads as
 *                   the fill (NaN for floats, 0 for counts).
 * @throws stac2h3::Error when a chunk cannot be read or is not a Zstandard frame of the
 *         chunk's size (naming it).
 */
void readChunkDays(const std::filesystem::path& group, const std::string& array, ChunkShape shape,
                   int64_t num_cells, int64_t first, int64_t count, std::vector<float>& out);
/** The same for the uint16 n_items. */
void readChunkDays(const std::filesystem::path& group, const std::string& array, ChunkShape shape,
                   int64_t num_cells, int64_t first, int64_t count, std::vector<uint16_t>& out);

}  // namespace stac2h3::store
