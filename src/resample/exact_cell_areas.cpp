/** @file exact_cell_areas.cpp
 * @brief Exact overlap areas from the polygon cover (see exact_cell_areas.h).
 */
#include "resample/exact_cell_areas.h"

#include "geo/cover.h"
#include "geo/footprint_validity.h"

namespace stac2h3::resample {

CellAreaFunction exactCellAreas() {
  return [](const geo::MultiPolygon& footprint, int res, std::vector<CellArea>& out,
            std::string& reason) {
    out.clear();
    if (!geo::isValidFootprint(footprint, &reason)) return false;
    for (const geo::CellOverlap& overlap : geo::cellOverlaps(footprint, res)) {
      out.push_back({overlap.cell, overlap.area_km2});
    }
    return true;
  };
}

}  // namespace stac2h3::resample
