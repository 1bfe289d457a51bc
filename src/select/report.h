/** @file report.h
 * @brief What a selection tells: the `--report` JSON and the summary line of each window.
 */
#pragma once

#include <string>

#include "select/selection.h"

namespace stac2h3::select {

/**
 * The report: {"aoi_area_km2": A, "windows": [{"start", "end", "candidates": n,
 * "selected": [ids in rank order], "coverage": G, "expected_clear": E}, ...]} (days as
 * YYYY-MM-DD, both inclusive).
 */
std::string reportJson(const Selection& selection);

/** One line: "2025-01-01..2025-01-31: 3 of 41 candidates, coverage 0.998, expected clear
 * 0.912". */
std::string summaryLine(const WindowSelection& window);

}  // namespace stac2h3::select
