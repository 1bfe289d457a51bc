/** @file cube_update.h
 * @brief `resample --update`: brings a cube up to date with its items file, recomputing only
 * the days that rows added or replaced since the cube was made touch, and keeping every other
 * chunk, so that the result equals a cube built from scratch from the same items.
 *
 * What it reads: the cube's record of its items (cube_provenance.h), the datetimes that
 * changed since (store/items_history.h), the rows of the touched days (with a margin for
 * acquisitions that cross midnight), and of the old cube the chunk rows that hold a touched
 * day (and n_items, to find the cells still observed, when a touched day was in the cube).
 *
 * What it writes: a new store beside the old (update/store_swap.h), then swaps it in. In it,
 * each chunk that holds no touched day and whose cells did not move is a hard link to the old
 * chunk (the same bytes); the others are put together from the old days and the recomputed
 * ones and encoded again. When cells are seen for the first time (or no longer at all), the
 * cell chunks shift: every chunk is then rewritten. Days added before the first day shift the
 * time chunks: rewritten too, unless the shift is a whole number of chunks.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "resample/resampler.h"
#include "store/zarr_cube_writer.h"

namespace stac2h3::update {

struct CubeUpdateRequest {
  std::filesystem::path items;
  std::filesystem::path store;
  int resolution = 3;
  std::optional<int> min_resolution;  ///< a pyramid down to this level
  std::vector<std::string> variables = cube::defaultValueVariables();
  /** --start / --end as given now: a cube made with them must be given the same (or none). */
  std::optional<int32_t> first_day;
  std::optional<int32_t> last_day;
  store::CubeLayout layout = store::defaultCubeLayout();
};

struct CubeUpdateOutcome {
  bool up_to_date = false;               ///< nothing changed in the items: nothing written
  std::vector<int32_t> recomputed_days;  ///< within the new time axis
  int32_t first_day = 0;
  int32_t num_days = 0;
  std::vector<int> resolutions;      ///< the levels, finest first
  std::vector<size_t> cells_before;  ///< per level
  std::vector<size_t> cells_after;
  int64_t chunk_rows_kept = 0;       ///< (level, time chunk) rows hard-linked from the old store
  int64_t chunk_rows_rewritten = 0;  ///< rows encoded again
  resample::ResampleStats stats;     ///< of the recomputation (empty when none)
  double read_seconds = 0.0;         ///< reading the rows of the touched days (wall)
  int64_t overlaps_cached = 0;       ///< footprint overlaps taken from the store's cache
  int64_t overlaps_computed = 0;     ///< and computed
};

/**
 * Updates the cube `request.store` from `request.items` (see the file comment).
 * @throws stac2h3::InputError (one line naming the store and what differs, the store
 *         untouched) when the cube was made from another items file, at another resolution,
 *         with other variables, other pyramid levels or another --start/--end, or before
 *         `--update` existed; stac2h3::Error on a read or write failure (the old store stays).
 */
CubeUpdateOutcome updateCube(const CubeUpdateRequest& request);

}  // namespace stac2h3::update
