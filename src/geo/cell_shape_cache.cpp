/** @file cell_shape_cache.cpp
 * @brief A direct-mapped cache of cell shapes and areas (see cell_shape_cache.h).
 */
#include "geo/cell_shape_cache.h"

#include <algorithm>
#include <bit>

namespace stac2h3::geo {

CellShapeCache::CellShapeCache(size_t slots) : slots_(std::bit_ceil(std::max<size_t>(slots, 1))) {
  shift_ = 64 - std::countr_zero(slots_.size());
}

CellShapeCache::Slot& CellShapeCache::slot(h3::Cell cell) {
  // Fibonacci hashing: the top bits of the product mix every bit of the index, whose low
  // bits are the unused digits (all ones) of a coarse cell.
  const size_t index =
      shift_ == 64 ? 0 : static_cast<size_t>((cell * 0x9E3779B97F4A7C15ULL) >> shift_);
  Slot& found = slots_[index];
  if (found.shape.cell != cell) {
    makeCellShape(cell, found.shape);
    found.has_area = false;
  }
  return found;
}

double CellShapeCache::areaSteradians(h3::Cell cell) {
  Slot& found = slot(cell);
  if (!found.has_area) {
    found.area = geo::areaSteradians(found.shape);
    found.has_area = true;
  }
  return found.area;
}

}  // namespace stac2h3::geo
