/** @file cube_levels.cpp
 * @brief Opens each level the store's reader lists, and checks that they agree.
 */
#include "serve/cube_levels.h"

#include <algorithm>

#include "util/error.h"

namespace stac2h3::serve {

namespace {

Level openLevel(const std::filesystem::path& path, int resolution) {
  Level level;
  level.resolution = resolution;
  level.cube = std::make_unique<store::ZarrCubeReader>(path, resolution);
  return level;
}

}  // namespace

CubeLevels::CubeLevels(const std::filesystem::path& path) : path_(path) {
  const store::ZarrCubeReader store(path);
  if (store.resolution() < 0) {
    throw InputError(path.string() + ": cell_ids has no H3 'level' attribute");
  }
  for (const int resolution : store.levels()) levels_.push_back(openLevel(path, resolution));
  std::sort(levels_.begin(), levels_.end(),
            [](const Level& a, const Level& b) { return a.resolution < b.resolution; });
  const auto& cube = *finest().cube;
  for (const auto& name : cube.variables()) {
    variables_.push_back({name, cube.units(name), cube.attribute(name, "long_name")});
  }
  for (const auto& level : levels_) {
    if (level.cube->resolution() != level.resolution) {
      throw InputError(path.string() + ": level " + std::to_string(level.resolution) +
                       " has cell_ids of level " + std::to_string(level.cube->resolution()));
    }
    if (level.cube->days() != cube.days() || level.cube->variables() != cube.variables()) {
      throw InputError(path.string() + ": the time axis or variables of level " +
                       std::to_string(level.resolution) + " differ from those of level " +
                       std::to_string(finest().resolution));
    }
  }
}

const Level* CubeLevels::find(int resolution) const {
  for (const auto& level : levels_) {
    if (level.resolution == resolution) return &level;
  }
  return nullptr;
}

bool CubeLevels::hasVariable(const std::string& name) const {
  return std::any_of(variables_.begin(), variables_.end(),
                     [&](const VariableInfo& variable) { return variable.name == name; });
}

}  // namespace stac2h3::serve
