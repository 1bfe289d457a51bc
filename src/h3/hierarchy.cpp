/** @file hierarchy.cpp
 * @brief Parents and children: truncating digits, and enumerating them (pentagons lack
 * the k-direction child of every pentagon descendant).
 */
#include "h3/h3.h"
#include "h3/index_bits.h"

namespace stac2h3::h3 {
namespace {

using detail::Digit;

int64_t powerOf7(int n) {
  int64_t out = 1;
  for (int i = 0; i < n; ++i) out *= 7;
  return out;
}

/** Appends the descendants of `cell` at `child_res` in ascending id order; `pentagon` when
 * `cell` is a pentagon (its k-direction child does not exist). */
void appendChildren(Cell cell, bool pentagon, int child_res, std::vector<Cell>& out) {
  const int res = detail::resolutionOf(cell);
  if (res == child_res) {
    out.push_back(cell);
    return;
  }
  const Cell first = detail::withResolution(cell, res + 1);
  for (int d = detail::kCenterDigit; d < detail::kInvalidDigit; ++d) {
    if (pentagon && d == detail::kKDigit) continue;
    const Cell child = detail::withDigit(first, res + 1, static_cast<Digit>(d));
    appendChildren(child, pentagon && d == detail::kCenterDigit, child_res, out);
  }
}

}  // namespace

Error cellToParent(Cell cell, int parent_res, Cell& out) {
  const int res = detail::resolutionOf(cell);
  if (parent_res < 0 || parent_res > res) return Error::kResDomain;
  Cell parent = detail::withResolution(cell, parent_res);
  for (int r = parent_res + 1; r <= res; ++r)
    parent = detail::withDigit(parent, r, detail::kInvalidDigit);
  out = parent;
  return Error::kSuccess;
}

int64_t cellToChildrenSize(Cell cell, int child_res) {
  const int res = detail::resolutionOf(cell);
  if (child_res < res || child_res > kMaxResolution) return -1;
  const int64_t hexagon_count = powerOf7(child_res - res);
  // A pentagon keeps one pentagon child and five hexagons per level.
  return isPentagon(cell) ? 1 + 5 * (hexagon_count - 1) / 6 : hexagon_count;
}

Error cellToChildren(Cell cell, int child_res, std::vector<Cell>& out) {
  const int64_t count = cellToChildrenSize(cell, child_res);
  if (count < 0) return Error::kResDomain;
  out.clear();
  out.reserve(static_cast<size_t>(count));
  appendChildren(cell, isPentagon(cell), child_res, out);
  return Error::kSuccess;
}

}  // namespace stac2h3::h3
