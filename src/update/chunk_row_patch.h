/** @file chunk_row_patch.h
 * @brief Rewriting one time chunk row of a cube whose cells did not change, chunk file by
 * chunk file: each (array, cell chunk) is decoded from the old store, its recomputed days are
 * replaced, and it is encoded into the new store, by its own task. No buffer of the whole
 * row is made (a row of a global cube at res 5 is 690 MB over all arrays), and days the old
 * chunk keeps are never copied out of it.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "store/cube_block.h"
#include "store/zarr_chunk_writer.h"

namespace stac2h3::update {

/** Where a day of the row takes its values from. */
enum class DaySource : uint8_t {
  kOld,    ///< the old chunk (the same day there)
  kFresh,  ///< the recomputed block
  kFill,   ///< unobserved: NaN / 0 (days outside both axes, padding)
};

struct ChunkRowPatch {
  std::filesystem::path old_group;  ///< the old store's group of the cube's arrays
  std::filesystem::path new_group;
  /** The data arrays: the value variables and obs_fraction (float32), then n_items (uint16). */
  std::vector<std::string> arrays;
  store::ChunkShape chunk;  ///< the same in both stores
  int64_t num_cells = 0;    ///< the same cells in both stores
  int64_t old_row = 0;      ///< the old row holding the same days (unused when none is kOld)
  int64_t new_row = 0;
  std::vector<DaySource> days;  ///< one per day of the chunk shape
  int32_t first_day = 0;        ///< the row's first day (for the fresh block)
  /** The recomputed days (nullptr when no day is kFresh); floats in the order of `arrays`. */
  const store::CubeBlock* fresh = nullptr;
  /** For each cube cell, its index among the fresh block's cells, or -1 (unobserved). */
  const std::vector<int64_t>* fresh_index = nullptr;
  int zstd_level = 1;
};

/** Writes the row's chunk files into the new store (see the file comment).
 * @throws stac2h3::Error when an old chunk cannot be read or a new one written. */
void patchChunkRow(const ChunkRowPatch& patch);

}  // namespace stac2h3::update
