/** @file zarr_chunk_reader.cpp
 * @brief Parallel decoding of a cube's chunk files (see zarr_chunk_reader.h).
 */
#include "store/zarr_chunk_reader.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

#include "store/zarr_chunk_file.h"

namespace stac2h3::store {

namespace {

static_assert(std::endian::native == std::endian::little,
              "chunks are the little-endian dtypes GDAL declares (<f4, <u2)");

template <typename T>
void readDays(const std::filesystem::path& group, const std::string& array, ChunkShape shape,
              int64_t num_cells, int64_t first, int64_t count, T fill, std::vector<T>& out) {
  out.assign(static_cast<size_t>(count * num_cells), fill);
  if (count <= 0 || num_cells <= 0) return;
  const int64_t first_row = first / shape.days;
  const int64_t rows = (first + count - 1) / shape.days - first_row + 1;
  const int64_t cell_chunks = (num_cells + shape.cells - 1) / shape.cells;
  const size_t chunk_bytes = static_cast<size_t>(shape.days * shape.cells) * sizeof(T);
  tbb::enumerable_thread_specific<std::vector<uint8_t>> raws;
  tbb::parallel_for(int64_t{0}, rows * cell_chunks, [&](int64_t task) {
    const int64_t row = first_row + task / cell_chunks;
    const int64_t chunk = task % cell_chunks;
    const std::filesystem::path path =
        group / array / (std::to_string(row) + "." + std::to_string(chunk));
    const int64_t first_cell = chunk * shape.cells;
    const int64_t cells = std::min(shape.cells, num_cells - first_cell);
    const int64_t from = std::max(first, row * shape.days);
    const int64_t to = std::min(first + count, (row + 1) * shape.days);
    std::vector<uint8_t>& raw = raws.local();
    raw.resize(static_cast<size_t>((to - row * shape.days) * shape.cells) * sizeof(T));
    if (!readChunkFile(path, chunk_bytes, raw)) return;  // never written: the fill
    for (int64_t day = from; day < to; ++day) {
      std::memcpy(
          out.data() + (day - first) * num_cells + first_cell,
          raw.data() + static_cast<size_t>((day - row * shape.days) * shape.cells) * sizeof(T),
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
