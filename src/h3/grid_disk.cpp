/** @file grid_disk.cpp
 * @brief gridDisk and areNeighborCells: cells within k steps, walked ring by ring, with a
 * breadth-first search where the walk meets a pentagon.
 */
#include <algorithm>
#include <unordered_set>

#include "h3/h3.h"
#include "h3/index_bits.h"
#include "h3/neighbor.h"

namespace stac2h3::h3 {
namespace {

using detail::Digit;

/** The six sides of a ring, walked counter-clockwise starting after a step outwards in
 * the i direction. */
constexpr Digit kRingSides[6] = {detail::kJDigit,  detail::kJKDigit, detail::kKDigit,
                                 detail::kIKDigit, detail::kIDigit,  detail::kIJDigit};

/** Walks the rings around a hexagon; false (with `out` partly filled) as soon as the walk
 * meets a pentagon, where the ring is no longer a hexagonal path. */
bool walkRings(Cell origin, int k, std::vector<Cell>& out) {
  out.push_back(origin);
  if (isPentagon(origin)) return false;
  int rotations = 0;
  Cell current = origin;
  for (int ring = 1; ring <= k; ++ring) {
    auto outward = detail::neighborInDirection(current, detail::kIDigit, rotations);
    if (!outward || isPentagon(*outward)) return false;
    current = *outward;
    for (const Digit side : kRingSides) {
      for (int step = 0; step < ring; ++step) {
        auto next = detail::neighborInDirection(current, side, rotations);
        if (!next) return false;
        current = *next;
        out.push_back(current);
        if (isPentagon(current)) return false;
      }
    }
  }
  return true;
}

/** Breadth-first search over neighbours: correct around pentagons. */
std::vector<Cell> searchDisk(Cell origin, int k) {
  std::vector<Cell> out{origin};
  std::unordered_set<Cell> seen{origin};
  size_t ring_begin = 0;
  for (int ring = 1; ring <= k; ++ring) {
    const size_t ring_end = out.size();
    for (size_t i = ring_begin; i < ring_end; ++i) {
      for (int d = detail::kKDigit; d <= detail::kIJDigit; ++d) {
        int rotations = 0;
        const auto next = detail::neighborInDirection(out[i], static_cast<Digit>(d), rotations);
        if (next && seen.insert(*next).second) out.push_back(*next);
      }
    }
    if (out.size() == ring_end) break;  // the whole grid is covered
    ring_begin = ring_end;
  }
  return out;
}

}  // namespace

std::vector<Cell> gridDisk(Cell origin, int k) {
  std::vector<Cell> out;
  gridDisk(origin, k, out);
  return out;
}

void gridDisk(Cell origin, int k, std::vector<Cell>& out) {
  out.clear();
  if (k < 0) return;
  out.reserve(static_cast<size_t>(std::min(3 * k * (k + 1) + 1, 1 << 20)));
  if (walkRings(origin, k, out)) return;
  out = searchDisk(origin, k);
}

bool areNeighborCells(Cell a, Cell b) {
  if (a == b || !isValidCell(a) || !isValidCell(b)) return false;
  if (detail::resolutionOf(a) != detail::resolutionOf(b)) return false;
  for (int d = detail::kKDigit; d <= detail::kIJDigit; ++d) {
    int rotations = 0;
    if (detail::neighborInDirection(a, static_cast<Digit>(d), rotations) == b) return true;
  }
  return false;
}

}  // namespace stac2h3::h3
