/** @file zarr_chunk_reader.cpp
 * @brief Parallel decoding of a cube's chunk files (see zarr_chunk_reader.h).
 */
#include "store/zarr_chunk_reader.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <zstd.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>

#include "util/error.h"

namespace stac2h3::store {

namespace {

static_assert(std::endian::native == std::endian::little,
              "chunks are the little-endian dtypes GDAL declares (<f4, <u2)");

struct DecodeScratch {
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> context{ZSTD_createDCtx(), ZSTD_freeDCtx};
  std::vector<uint8_t> packed;
  std::vector<uint8_t> raw;
};

/** Decodes the first raw.size() bytes of the frame in `packed` (a chunk is [day][cell]: the
 * days up to the last one wanted are a prefix, and the rest is not decoded).
 * @return false when the frame is bad or shorter. */
bool decodePrefix(DecodeScratch& scratch) {
  ZSTD_DCtx_reset(scratch.context.get(), ZSTD_reset_session_only);
  ZSTD_inBuffer in{scratch.packed.data(), scratch.packed.size(), 0};
  ZSTD_outBuffer out{scratch.raw.data(), scratch.raw.size(), 0};
  while (out.pos < out.size) {
    const size_t in_before = in.pos;
    const size_t out_before = out.pos;
    if (ZSTD_isError(ZSTD_decompressStream(scratch.context.get(), &out, &in))) return false;
    if (in.pos == in_before && out.pos == out_before) return false;  // ended early, or cut
  }
  return true;
}

/** Reads the whole file into `bytes`; false when it does not exist. */
bool readFile(const std::filesystem::path& path, std::vector<uint8_t>& bytes) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) {
    if (!std::filesystem::exists(path)) return false;
    throw Error(path.string() + ": cannot open the chunk");
  }
  bytes.clear();
  uint8_t buffer[1 << 16];
  while (const size_t n = std::fread(buffer, 1, sizeof buffer, file.get())) {
    bytes.insert(bytes.end(), buffer, buffer + n);
  }
  if (std::ferror(file.get())) throw Error(path.string() + ": cannot read the chunk");
  return true;
}

template <typename T>
void readDays(const std::filesystem::path& group, const std::string& array, ChunkShape shape,
              int64_t num_cells, int64_t first, int64_t count, T fill, std::vector<T>& out) {
  out.assign(static_cast<size_t>(count * num_cells), fill);
  if (count <= 0 || num_cells <= 0) return;
  const int64_t first_row = first / shape.days;
  const int64_t rows = (first + count - 1) / shape.days - first_row + 1;
  const int64_t cell_chunks = (num_cells + shape.cells - 1) / shape.cells;
  const size_t chunk_bytes = static_cast<size_t>(shape.days * shape.cells) * sizeof(T);
  tbb::enumerable_thread_specific<DecodeScratch> scratches;
  tbb::parallel_for(int64_t{0}, rows * cell_chunks, [&](int64_t task) {
    const int64_t row = first_row + task / cell_chunks;
    const int64_t chunk = task % cell_chunks;
    const std::filesystem::path path =
        group / array / (std::to_string(row) + "." + std::to_string(chunk));
    DecodeScratch& scratch = scratches.local();
    if (!scratch.context) throw Error(path.string() + ": cannot create a Zstandard context");
    if (!readFile(path, scratch.packed)) return;  // never written: the fill
    const int64_t first_cell = chunk * shape.cells;
    const int64_t cells = std::min(shape.cells, num_cells - first_cell);
    const int64_t from = std::max(first, row * shape.days);
    const int64_t to = std::min(first + count, (row + 1) * shape.days);
    const unsigned long long size =
        ZSTD_getFrameContentSize(scratch.packed.data(), scratch.packed.size());
    scratch.raw.resize(static_cast<size_t>((to - row * shape.days) * shape.cells) * sizeof(T));
    if (size != chunk_bytes || !decodePrefix(scratch)) {
      throw Error(path.string() + ": not a Zstandard chunk of " + std::to_string(chunk_bytes) +
                  " bytes");
    }
    for (int64_t day = from; day < to; ++day) {
      std::memcpy(out.data() + (day - first) * num_cells + first_cell,
                  scratch.raw.data() +
                      static_cast<size_t>((day - row * shape.days) * shape.cells) * sizeof(T),
                  static_cast<size_t>(cells) * sizeof(T));
    }
  });
}

}  // namespace

void readChunkDays(const std::filesystem::path& group, const std::string& array, ChunkShape shape,
                   int64_t num_cells, int64_t first, int64_t count, std::vector<float>& out) {
  readDays(group, array, shape, num_cells, first, count, std::numeric_limits<float>::quiet_NaN(),
           out);
}

void readChunkDays(const std::filesystem::path& group, const std::string& array, ChunkShape shape,
                   int64_t num_cells, int64_t first, int64_t count, std::vector<uint16_t>& out) {
  readDays(group, array, shape, num_cells, first, count, uint16_t{0}, out);
}

}  // namespace stac2h3::store
