/** @file zarr_chunk_file.h
 * @brief One chunk file of a cube's data array, as zarr_chunk_writer.h writes them and GDAL
 * and numcodecs read them: the chunk's bytes in C order, one Zstandard frame with its content
 * size. Shared by the chunk writer, the chunk reader and `resample --update`'s patching of
 * chunk rows; callable from several threads at once (each keeps its own Zstandard context).
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>

#include "util/uncached_writes.h"

namespace stac2h3::store {

/** Compresses `raw` at Zstandard `level` into `out` (resized to the frame's size).
 * @throws stac2h3::Error naming `file` when compression fails. */
void compressChunk(const std::filesystem::path& file, std::span<const uint8_t> raw, int level,
                   AlignedBytes& out);

/** Compresses `raw` at Zstandard `level` and writes it to `file`, replacing it, on the
 * calling thread (the cube writers write theirs past the page cache: zarr_chunk_writer.h).
 * @throws stac2h3::Error when compression fails or the file cannot be written (naming it). */
void writeChunkFile(const std::filesystem::path& file, std::span<const uint8_t> raw, int level);

/**
 * Decodes the first raw.size() bytes of the chunk file `file`, whose frame must hold
 * `chunk_bytes` (a chunk is [day][cell]: the days up to the last one wanted are a prefix, and
 * the rest is not decoded).
 * @return false when the file does not exist (a chunk never written: the fill).
 * @throws stac2h3::Error when it cannot be read or is not a Zstandard frame of chunk_bytes.
 */
bool readChunkFile(const std::filesystem::path& file, size_t chunk_bytes, std::span<uint8_t> raw);

}  // namespace stac2h3::store
