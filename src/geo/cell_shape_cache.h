/** @file cell_shape_cache.h
 * @brief A bounded cache of cell shapes (makeCellShape) and cell areas, for covers that look
 * at the same cells again: neighbouring footprints share their cells and rims.
 */
#pragma once

#include <cstddef>
#include <vector>

#include "geo/cell_shape.h"
#include "h3/h3.h"

namespace stac2h3::geo {

/**
 * Direct-mapped: each cell has one slot, chosen by a hash of its index, which holds the last
 * cell that used it; a miss recomputes the shape (and the area when asked). The values are
 * those makeCellShape and areaSteradians compute, bit for bit. Not thread-safe: one per thread.
 */
class CellShapeCache {
 public:
  /** @param slots  the number of slots, rounded up to a power of two (at least 1). */
  explicit CellShapeCache(size_t slots);

  /** The shape of `cell` (a valid cell); the reference is valid until the next call. */
  const CellShape& shape(h3::Cell cell) { return slot(cell).shape; }

  /** areaSteradians(shape(cell)). */
  double areaSteradians(h3::Cell cell);

 private:
  struct Slot {
    CellShape shape;  // shape.cell == 0: empty (0 is no valid cell)
    double area = 0.0;
    bool has_area = false;
  };
  Slot& slot(h3::Cell cell);

  std::vector<Slot> slots_;
  int shift_ = 64;
};

}  // namespace stac2h3::geo
