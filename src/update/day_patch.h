/** @file day_patch.h
 * @brief Patching whole days of a block of the cube from another block whose cells are a
 * different sorted set (the old cube's, or those a recomputation observed): the chunk
 * rows of an updated cube are put together from the two.
 */
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "h3/h3.h"
#include "store/cube_block.h"

namespace stac2h3::update {

/** For each cell of `from` (sorted), its index in `to` (sorted), or -1 when `to` lacks it. */
std::vector<int64_t> cellIndexMap(const std::vector<h3::Cell>& from,
                                  const std::vector<h3::Cell>& to);

/**
 * Copies into `target` every day of `source` that both hold and `wanted` accepts, whole:
 * each of the target's cells takes the source's value for that cell (NaN / 0 first, so a
 * cell the source lacks reads as unobserved); cells of the source that the target lacks
 * (index -1 in `source_to_target`) are dropped, so they must be unobserved on those days.
 * @param source_to_target  cellIndexMap(source cells, target cells).
 * @throws stac2h3::Error when the blocks' variables or the map's size do not match.
 */
void copyDays(const store::CubeBlock& source, const std::vector<int64_t>& source_to_target,
              const std::function<bool(int32_t day)>& wanted, store::CubeBlock& target);

}  // namespace stac2h3::update
