/** @file exact_cell_areas.cpp
 * @brief Exact overlap areas from the polygon cover (see exact_cell_areas.h).
 */
#include "resample/exact_cell_areas.h"

#include <string>
#include <utility>

#include "geo/cover.h"
#include "geo/footprint_validity.h"

namespace stac2h3::resample {

namespace {

/** Whether `footprint` is valid (and why not), remembering this thread's last answer: a
 * pyramid asks for each footprint at every level, one level after the other on one thread,
 * and validity does not depend on the level (checking it again was 2% of a pyramid's CPU).
 * The footprint itself is remembered, not its address: equal coordinates, equal answer. */
bool isValidRemembered(const geo::MultiPolygon& footprint, std::string& reason) {
  struct Last {
    geo::MultiPolygon footprint;
    bool valid = false;
    std::string reason;
  };
  thread_local Last last;
  thread_local bool any = false;
  if (!any || last.footprint != footprint) {
    // Remembered only once answered: should the check throw, nothing stale is kept.
    any = false;
    std::string why;
    last.valid = geo::isValidFootprint(footprint, &why);
    last.reason = std::move(why);
    last.footprint = footprint;
    any = true;
  }
  reason = last.reason;
  return last.valid;
}

}  // namespace

CellAreaFunction exactCellAreas() {
  return [](const geo::MultiPolygon& footprint, int res, std::vector<CellArea>& out,
            std::string& reason) {
    out.clear();
    if (!isValidRemembered(footprint, reason)) return false;
    for (const geo::CellOverlap& overlap : geo::cellOverlaps(footprint, res)) {
      out.push_back({overlap.cell, overlap.area_km2});
    }
    return true;
  };
}

}  // namespace stac2h3::resample
