/** @file zarr_chunk_file.cpp
 * @brief Reading and writing one Zstandard chunk file (see zarr_chunk_file.h).
 */
#include "store/zarr_chunk_file.h"

#include <zstd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "util/error.h"

namespace stac2h3::store {

namespace {

using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

/** A thread's Zstandard contexts and file buffer, kept between chunks: made anew for each,
 * their pages were faulted in again every time. */
struct ChunkCodec {
  std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> compress{ZSTD_createCCtx(), ZSTD_freeCCtx};
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> decompress{ZSTD_createDCtx(), ZSTD_freeDCtx};
  std::vector<uint8_t> packed;
};

ChunkCodec& threadCodec(const std::filesystem::path& file) {
  thread_local ChunkCodec codec;
  if (!codec.compress || !codec.decompress) {
    throw Error(file.string() + ": cannot create a Zstandard context");
  }
  return codec;
}

/** Decodes the first raw.size() bytes of the frame in `packed`.
 * @return false when the frame is bad or shorter. */
bool decodePrefix(ZSTD_DCtx* context, const std::vector<uint8_t>& packed, std::span<uint8_t> raw) {
  ZSTD_DCtx_reset(context, ZSTD_reset_session_only);
  ZSTD_inBuffer in{packed.data(), packed.size(), 0};
  ZSTD_outBuffer out{raw.data(), raw.size(), 0};
  while (out.pos < out.size) {
    const size_t in_before = in.pos;
    const size_t out_before = out.pos;
    if (ZSTD_isError(ZSTD_decompressStream(context, &out, &in))) return false;
    if (in.pos == in_before && out.pos == out_before) return false;  // ended early, or cut
  }
  return true;
}

}  // namespace

void compressChunk(const std::filesystem::path& file, std::span<const uint8_t> raw, int level,
                   AlignedBytes& out) {
  ChunkCodec& codec = threadCodec(file);
  out.resize(ZSTD_compressBound(raw.size()));
  const size_t packed = ZSTD_compressCCtx(codec.compress.get(), out.data(), out.size(), raw.data(),
                                          raw.size(), level);
  if (ZSTD_isError(packed)) {
    throw Error(file.string() + ": Zstandard failed: " + ZSTD_getErrorName(packed));
  }
  out.resize(packed);
}

void writeChunkFile(const std::filesystem::path& file, std::span<const uint8_t> raw, int level) {
  thread_local AlignedBytes compressed;
  compressChunk(file, raw, level, compressed);
  // Through the page cache: the few chunks patched in place (`resample --update`) are written
  // one by one on the caller's thread, which O_DIRECT would make wait for the device.
  std::FILE* out = std::fopen(file.c_str(), "wb");
  if (out == nullptr) throw Error(file.string() + ": cannot create the chunk file");
  const bool written =
      std::fwrite(compressed.data(), 1, compressed.size(), out) == compressed.size();
  if (std::fclose(out) != 0 || !written) throw Error(file.string() + ": cannot write the chunk");
}

bool readChunkFile(const std::filesystem::path& file, size_t chunk_bytes, std::span<uint8_t> raw) {
  ChunkCodec& codec = threadCodec(file);
  File in(std::fopen(file.c_str(), "rb"), &std::fclose);
  if (!in) {
    if (!std::filesystem::exists(file)) return false;
    throw Error(file.string() + ": cannot open the chunk");
  }
  codec.packed.clear();
  uint8_t buffer[1 << 16];
  while (const size_t n = std::fread(buffer, 1, sizeof buffer, in.get())) {
    codec.packed.insert(codec.packed.end(), buffer, buffer + n);
  }
  if (std::ferror(in.get())) throw Error(file.string() + ": cannot read the chunk");
  const unsigned long long size =
      ZSTD_getFrameContentSize(codec.packed.data(), codec.packed.size());
  if (size != chunk_bytes || raw.size() > chunk_bytes ||
      !decodePrefix(codec.decompress.get(), codec.packed, raw)) {
    throw Error(file.string() + ": not a Zstandard chunk of " + std::to_string(chunk_bytes) +
                " bytes");
  }
  return true;
}

}  // namespace stac2h3::store
