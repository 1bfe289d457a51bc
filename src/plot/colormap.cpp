/** @file colormap.cpp
 * @brief Colour map lookup by name and quantisation, and the robust value range.
 */
#include "plot/colormap.h"

#include <algorithm>
#include <cmath>

#include "util/error.h"

namespace stac2h3::plot {

namespace {

struct NamedTable {
  std::string_view name;
  const ColourTable* table;
};

const std::array<NamedTable, 4> kTables = {{
    {"viridis", &kViridisTable},
    {"cividis", &kCividisTable},
    {"magma", &kMagmaTable},
    {"blues", &kBluesTable},
}};

constexpr std::string_view kReversedSuffix = "_r";

}  // namespace

std::vector<std::string> Colormap::names() {
  std::vector<std::string> out;
  for (const auto& entry : kTables) {
    out.emplace_back(entry.name);
    out.emplace_back(std::string(entry.name) + std::string(kReversedSuffix));
  }
  return out;
}

std::string Colormap::defaultFor(std::string_view variable) {
  return variable == "cloud_cover" ? "blues" : "viridis";
}

Colormap::Colormap(std::string_view name, int levels) : name_(name) {
  if (levels < 2 || levels > 256) {
    throw InputError("colour map levels must be 2..256, got " + std::to_string(levels));
  }
  const bool reversed = name.ends_with(kReversedSuffix);
  const std::string_view base =
      reversed ? name.substr(0, name.size() - kReversedSuffix.size()) : name;
  const auto found = std::find_if(kTables.begin(), kTables.end(),
                                  [&](const NamedTable& entry) { return entry.name == base; });
  if (found == kTables.end()) {
    std::string known;
    for (const auto& known_name : names()) known += (known.empty() ? "" : ", ") + known_name;
    throw InputError("unknown colour map '" + std::string(name) + "' (known: " + known + ")");
  }
  colours_.resize(static_cast<size_t>(levels));
  for (int i = 0; i < levels; ++i) {
    // Evenly spaced samples of the 256-entry table, end points included.
    const int index = static_cast<int>(std::lround(i * 255.0 / (levels - 1)));
    colours_[static_cast<size_t>(i)] =
        (*found->table)[static_cast<size_t>(reversed ? 255 - index : index)];
  }
}

int Colormap::level(double t) const {
  if (!(t > 0.0)) return 0;  // also NaN
  if (t >= 1.0) return levels() - 1;
  return static_cast<int>(std::floor(t * levels()));
}

std::optional<ColourScale> robustRange(const std::vector<float>& values) {
  std::vector<float> finite;
  finite.reserve(values.size());
  for (float v : values) {
    if (std::isfinite(v)) finite.push_back(v);
  }
  if (finite.empty()) return std::nullopt;
  const auto at_fraction = [&](double fraction) {
    const auto index =
        static_cast<size_t>(std::llround(fraction * static_cast<double>(finite.size() - 1)));
    std::nth_element(finite.begin(), finite.begin() + static_cast<std::ptrdiff_t>(index),
                     finite.end());
    return static_cast<double>(finite[index]);
  };
  ColourScale scale{at_fraction(0.02), at_fraction(0.98)};
  if (!(scale.hi > scale.lo)) {
    const double pad = std::max(std::abs(scale.lo) * 0.05, 0.5);
    scale.lo -= pad;
    scale.hi += pad;
  }
  return scale;
}

}  // namespace stac2h3::plot
