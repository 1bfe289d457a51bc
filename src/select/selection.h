/** @file selection.h
 * @brief `stac2h3 select` as a library call: the AOI's pieces, each window's candidates,
 * the greedy choice and the figures of each window.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "geo/geometry.h"
#include "select/aoi_grid.h"
#include "select/candidates.h"
#include "select/greedy.h"
#include "select/objective.h"
#include "select/windows.h"

namespace stac2h3::select {

struct SelectOptions {
  std::filesystem::path items;  ///< the items GeoPackage
  geo::MultiPolygon aoi;        ///< lon/lat degrees
  std::optional<int> res;       ///< nullopt: defaultResolution
  stac::UtcDay first_day = 0;   ///< --start
  stac::UtcDay last_day = 0;    ///< --end (inclusive)
  std::optional<stac::SliceLength> every;
  CandidateRules rules;
  int max_items = 0;  ///< per window; 0: no limit
};

/** The outcome of one window. */
struct WindowSelection {
  Window window;
  std::vector<Candidate> candidates;  ///< every candidate of the window
  std::vector<Pick> picks;            ///< the selected candidates, in rank order
  SelectionState state;               ///< the objective with the picks added
  double coverage = 0.0;              ///< G
  double expected_clear = 0.0;        ///< E
};

struct Selection {
  AoiGrid grid;
  std::vector<WindowSelection> windows;
  int64_t items_read = 0;  ///< rows the R-tree and datetime filters let through
  int64_t footprints = 0;  ///< distinct footprints whose overlaps were computed
};

/**
 * Runs a selection.
 * @throws stac2h3::InputError on bad options (an empty AOI, --end before --start);
 *         stac2h3::Error when the items file cannot be read.
 */
Selection runSelection(const SelectOptions& options);

}  // namespace stac2h3::select
