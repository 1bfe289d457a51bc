/** @file cube_levels.h
 * @brief The levels a served store holds: one cube per H3 resolution, either a pyramid (a
 * group per level, named by the level) or a single-level cube (a pyramid of one level).
 */
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/zarr_cube_reader.h"

namespace stac2h3::serve {

/** A variable of the cube, as the API lists it. */
struct VariableInfo {
  std::string name;
  std::string units;
  std::string long_name;
};

/** One level: its cube and the lock that serialises reads of it (a reader is not
 * thread-safe). */
struct Level {
  int resolution = 0;
  std::unique_ptr<store::ZarrCubeReader> cube;
  std::unique_ptr<std::mutex> lock = std::make_unique<std::mutex>();
};

class CubeLevels {
 public:
  /**
   * Opens every level of the store (store::ZarrCubeReader::levels(): a pyramid's groups
   * named by level, or a single cube's one level).
   * @throws InputError naming the path when it holds no cube, when a level's cell_ids
   *         level differs from its group name, or when levels disagree on time or variables.
   */
  explicit CubeLevels(const std::filesystem::path& path);

  const std::filesystem::path& path() const { return path_; }
  /** The levels, coarsest first. */
  const std::vector<Level>& levels() const { return levels_; }
  /** The level of resolution `resolution`, or nullptr when the store lacks it. */
  const Level* find(int resolution) const;
  /** The finest level (its metadata stands for the store's). */
  const Level& finest() const { return levels_.back(); }
  /** The data variables with their units and long names, in the cube's order. */
  const std::vector<VariableInfo>& variables() const { return variables_; }
  /** True when `name` is a data variable. */
  bool hasVariable(const std::string& name) const;

 private:
  std::filesystem::path path_;
  std::vector<Level> levels_;
  std::vector<VariableInfo> variables_;
};

}  // namespace stac2h3::serve
