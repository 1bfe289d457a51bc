/** @file chunk_row_patch.cpp
 * @brief A chunk row patched chunk by chunk (see chunk_row_patch.h).
 */
#include "update/chunk_row_patch.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <limits>
#include <span>

#include "store/zarr_chunk_file.h"
#include "util/error.h"

namespace stac2h3::update {

namespace {

/** One chunk of one array: `values(day, cell)` gives a fresh day's value of a cube cell. */
template <typename T, typename FreshValues>
void patchChunk(const ChunkRowPatch& patch, const std::string& array, int64_t cell_chunk, T fill,
                FreshValues&& fresh_values) {
  const store::ChunkShape& shape = patch.chunk;
  const auto days = static_cast<int64_t>(patch.days.size());
  const std::string name = std::to_string(cell_chunk);
  thread_local std::vector<uint8_t> bytes;
  bytes.resize(static_cast<size_t>(shape.days * shape.cells) * sizeof(T));
  const std::span<T> chunk(reinterpret_cast<T*>(bytes.data()),
                           static_cast<size_t>(shape.days * shape.cells));
  // The old days are a prefix to decode: up to the last one kept.
  int64_t decoded = 0;
  for (int64_t d = 0; d < days; ++d) {
    if (patch.days[d] == DaySource::kOld) decoded = d + 1;
  }
  if (decoded > 0) {
    const auto prefix = static_cast<size_t>(decoded * shape.cells) * sizeof(T);
    if (!store::readChunkFile(
            patch.old_group / array / (std::to_string(patch.old_row) + "." + name), bytes.size(),
            std::span(bytes.data(), prefix))) {
      // Never written: the old days are the fill.
      for (int64_t d = 0; d < days; ++d) {
        if (patch.days[d] == DaySource::kOld) {
          std::fill_n(chunk.begin() + d * shape.cells, shape.cells, fill);
        }
      }
    }
  }
  const int64_t first_cell = cell_chunk * shape.cells;
  const int64_t cells = std::min(shape.cells, patch.num_cells - first_cell);
  for (int64_t d = 0; d < days; ++d) {
    T* const row = chunk.data() + d * shape.cells;
    if (patch.days[d] == DaySource::kFresh) {
      for (int64_t c = 0; c < cells; ++c) {
        row[c] = fresh_values(patch.first_day + static_cast<int32_t>(d), first_cell + c);
      }
      std::fill(row + cells, row + shape.cells, fill);  // padding past the last cell
    } else if (patch.days[d] == DaySource::kFill) {
      std::fill_n(row, shape.cells, fill);
    }
  }
  store::writeChunkFile(patch.new_group / array / (std::to_string(patch.new_row) + "." + name),
                        bytes, patch.zstd_level);
}

}  // namespace

void patchChunkRow(const ChunkRowPatch& patch) {
  if (patch.days.size() != static_cast<size_t>(patch.chunk.days) || patch.arrays.empty()) {
    throw Error("update: a chunk row patch with the wrong days or no arrays");
  }
  const bool any_fresh =
      std::find(patch.days.begin(), patch.days.end(), DaySource::kFresh) != patch.days.end();
  if (any_fresh && (patch.fresh == nullptr || patch.fresh_index == nullptr ||
                    patch.fresh->floats.size() + 1 != patch.arrays.size())) {
    throw Error("update: recomputed days without their block");
  }
  if (patch.num_cells == 0) return;
  const int64_t cell_chunks = (patch.num_cells + patch.chunk.cells - 1) / patch.chunk.cells;
  const auto arrays = static_cast<int64_t>(patch.arrays.size());
  tbb::parallel_for(int64_t{0}, arrays * cell_chunks, [&](int64_t task) {
    const auto array = static_cast<size_t>(task / cell_chunks);
    const int64_t cell_chunk = task % cell_chunks;
    const store::CubeBlock* fresh = patch.fresh;
    // The fresh value of a cube cell on a day, or the fill where the recomputation did not
    // observe it.
    const auto at = [&](const auto& values, auto fill, int32_t day, int64_t cell) {
      const int64_t index = (*patch.fresh_index)[static_cast<size_t>(cell)];
      if (index < 0) return fill;
      return values[static_cast<size_t>(day - fresh->first_day) *
                        static_cast<size_t>(fresh->num_cells) +
                    static_cast<size_t>(index)];
    };
    if (array + 1 == patch.arrays.size()) {
      patchChunk(
          patch, patch.arrays[array], cell_chunk, uint16_t{0},
          [&](int32_t day, int64_t cell) { return at(fresh->n_items, uint16_t{0}, day, cell); });
    } else {
      const float nan = std::numeric_limits<float>::quiet_NaN();
      patchChunk(patch, patch.arrays[array], cell_chunk, nan, [&](int32_t day, int64_t cell) {
        return at(fresh->floats[array], nan, day, cell);
      });
    }
  });
}

}  // namespace stac2h3::update
