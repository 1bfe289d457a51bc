/** @file zarr_chunk_writer.cpp
 * @brief Parallel Zstandard encoding and writing of a cube's chunks (see zarr_chunk_writer.h).
 */
#include "store/zarr_chunk_writer.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "store/zarr_chunk_file.h"
#include "util/error.h"

namespace stac2h3::store {

static_assert(std::endian::native == std::endian::little,
              "chunks are written as the little-endian dtypes GDAL declares (<f4, <u2)");

/** A chunk's bytes, before compression. */
struct ChunkScratch {
  std::vector<uint8_t> raw;
};

ChunkShape chunkShape(const CubeLayout& layout, int32_t num_days, int64_t num_cells) {
  ChunkShape shape;
  shape.days = std::clamp(layout.time_chunk, 1, std::max(1, num_days));
  shape.cells = std::clamp<int64_t>(layout.cell_chunk, 1, std::max<int64_t>(1, num_cells));
  return shape;
}

ZarrChunkWriter::ZarrChunkWriter(std::filesystem::path group_directory,
                                 const CubeDescription& description, const CubeLayout& layout,
                                 std::shared_ptr<UncachedFileWriter> files)
    : directory_(std::move(group_directory)),
      first_day_(description.first_day),
      num_days_(description.num_days),
      num_cells_(static_cast<int64_t>(description.cells.size())),
      chunk_(
          chunkShape(layout, description.num_days, static_cast<int64_t>(description.cells.size()))),
      zstd_level_(layout.zstd_level),
      scratches_(std::make_unique<tbb::enumerable_thread_specific<ChunkScratch>>()),
      files_(files ? std::move(files) : std::make_shared<UncachedFileWriter>()) {
  float_names_ = description.variables;
  float_names_.emplace_back(cube::kObsFraction);
}

ZarrChunkWriter::~ZarrChunkWriter() = default;
ZarrChunkWriter::ZarrChunkWriter(ZarrChunkWriter&&) noexcept = default;
ZarrChunkWriter& ZarrChunkWriter::operator=(ZarrChunkWriter&&) noexcept = default;

void ZarrChunkWriter::write(const CubeBlock& block) {
  const int64_t offset = static_cast<int64_t>(block.first_day) - first_day_;
  const std::string where = directory_.string();
  if (offset < 0 || block.num_days <= 0 || offset + block.num_days > num_days_) {
    throw Error(where + ": block of days outside the time axis");
  }
  if (offset % chunk_.days != 0 ||
      (block.num_days != chunk_.days && offset + block.num_days != num_days_)) {
    throw Error(where + ": block of days is not whole time chunks");
  }
  const int64_t end_cell = block.first_cell + block.num_cells;
  if (block.first_cell < 0 || end_cell > num_cells_ || block.first_cell % chunk_.cells != 0 ||
      (block.num_cells % chunk_.cells != 0 && end_cell != num_cells_)) {
    throw Error(where + ": block of cells is not whole cell chunks");
  }
  if (block.floats.size() != float_names_.size()) {
    throw Error(where + ": block has the wrong number of variables");
  }
  if (block.num_cells == 0) return;

  const int64_t time_chunk = offset / chunk_.days;
  const int64_t first_chunk = block.first_cell / chunk_.cells;
  const int64_t cell_chunks = (block.num_cells + chunk_.cells - 1) / chunk_.cells;
  const int num_floats = static_cast<int>(float_names_.size());
  const int arrays = num_floats + 1;  // the floats, then n_items
  tbb::enumerable_thread_specific<ChunkScratch>& scratches = *scratches_;
  tbb::parallel_for(int64_t{0}, arrays * cell_chunks, [&](int64_t task) {
    const int array = static_cast<int>(task / cell_chunks);
    const int64_t cell_chunk = task % cell_chunks;
    const bool is_count = array == num_floats;
    const size_t element = is_count ? sizeof(uint16_t) : sizeof(float);
    const auto* source = is_count ? reinterpret_cast<const uint8_t*>(block.n_items.data())
                                  : reinterpret_cast<const uint8_t*>(block.floats[array].data());
    const auto chunk_elements =
        static_cast<size_t>(chunk_.days) * static_cast<size_t>(chunk_.cells);
    const int64_t first_cell = cell_chunk * chunk_.cells;  // in the block
    const int64_t cells = std::min(chunk_.cells, block.num_cells - first_cell);
    const bool whole = cells == chunk_.cells && block.num_days == chunk_.days;
    std::span<const uint8_t> raw;
    if (whole && block.num_cells == chunk_.cells) {
      // A block of exactly one chunk (the engine's usual block) is the chunk itself.
      raw = {source, chunk_elements * element};
    } else {
      // The chunk in C order, [day][cell], padded with the fill to the whole chunk shape.
      ChunkScratch& scratch = scratches.local();
      scratch.raw.resize(chunk_elements * element);
      // Only a chunk the cube does not fill (the last cells, the last days) has padding:
      // filling every chunk first cost as much as copying it.
      if (!whole) {
        if (is_count) {
          std::fill_n(reinterpret_cast<uint16_t*>(scratch.raw.data()), chunk_elements, uint16_t{0});
        } else {
          std::fill_n(reinterpret_cast<float*>(scratch.raw.data()), chunk_elements,
                      std::numeric_limits<float>::quiet_NaN());
        }
      }
      for (int32_t day = 0; day < block.num_days; ++day) {
        std::memcpy(scratch.raw.data() + static_cast<size_t>(day) * chunk_.cells * element,
                    source + (static_cast<size_t>(day) * block.num_cells + first_cell) * element,
                    static_cast<size_t>(cells) * element);
      }
      raw = scratch.raw;
    }

    const std::string_view name =
        is_count ? cube::kCount : std::string_view(float_names_[static_cast<size_t>(array)]);
    std::filesystem::path file =
        directory_ / std::string(name) /
        (std::to_string(time_chunk) + "." + std::to_string(first_chunk + cell_chunk));
    AlignedBytes compressed = files_->buffer(0);
    compressChunk(file, raw, zstd_level_, compressed);
    files_->write(std::move(file), std::move(compressed));
  });
}

void ZarrChunkWriter::finish() {
  files_->finish();
}

}  // namespace stac2h3::store
