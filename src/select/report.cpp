/** @file report.cpp
 * @brief The report JSON and the summary lines (see report.h).
 */
#include "select/report.h"

#include <cstdio>

#include "stac/json_object.h"

namespace stac2h3::select {

std::string reportJson(const Selection& selection) {
  std::string windows = "[";
  for (const WindowSelection& window : selection.windows) {
    std::vector<std::string> ids;
    for (const Pick& pick : window.picks) ids.push_back(window.candidates[pick.candidate].item.id);
    stac::JsonObject entry;
    entry.set("start", stac::jsonString(stac::formatUtcDay(window.window.first)));
    entry.set("end", stac::jsonString(stac::formatUtcDay(window.window.last)));
    entry.set("candidates", std::to_string(window.candidates.size()));
    entry.set("selected", stac::jsonStringArray(ids));
    entry.set("coverage", stac::jsonNumber(window.coverage));
    entry.set("expected_clear", stac::jsonNumber(window.expected_clear));
    windows += (windows.size() > 1 ? "," : "") + entry.dump();
  }
  stac::JsonObject report;
  report.set("aoi_area_km2", stac::jsonNumber(selection.grid.area_km2));
  report.set("windows", windows + "]");
  return report.dump() + "\n";
}

std::string summaryLine(const WindowSelection& window) {
  char line[256];
  std::snprintf(line, sizeof line,
                "%s..%s: %zu of %zu candidates selected, coverage %.4f, expected clear %.4f",
                stac::formatUtcDay(window.window.first).c_str(),
                stac::formatUtcDay(window.window.last).c_str(), window.picks.size(),
                window.candidates.size(), window.coverage, window.expected_clear);
  return line;
}

}  // namespace stac2h3::select
