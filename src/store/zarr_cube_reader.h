/** @file zarr_cube_reader.h
 * @brief Reads the cube.zarr that `resample` writes (layout in cube_schema.h): its cells,
 * days and variables, and any run of days of any run of cells of one variable, touching
 * only the chunks that block needs. A pyramid (`resample --pyramid`) is read one level at a time:
 * the level's group is a cube like a single one.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stac2h3::store {

/** A run of consecutive cells of the cube: indices [begin, begin + count) of cells(). */
struct CellRange {
  size_t begin = 0;
  size_t count = 0;
};

/** An open cube. Reading is not thread-safe (one GDAL dataset underneath). */
class ZarrCubeReader {
 public:
  /**
   * Opens the cube (of a pyramid: one level's) and reads its coordinates (time, cell_ids).
   * @param path   the cube.zarr directory.
   * @param level  of a pyramid, the level (H3 resolution) to read; default the finest. A
   *               single cube has one level, its resolution.
   * @throws InputError when the path is not a Zarr cube with the time and cell_ids
   *         coordinates of cube_schema.h, or has no level `level` (the message names the
   *         path, what is missing, and the levels there are).
   */
  explicit ZarrCubeReader(const std::filesystem::path& path,
                          std::optional<int> level = std::nullopt);
  ~ZarrCubeReader();
  ZarrCubeReader(const ZarrCubeReader&) = delete;
  ZarrCubeReader& operator=(const ZarrCubeReader&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /** H3 cell ids, in the cube's (sorted) order. */
  const std::vector<uint64_t>& cells() const { return cells_; }
  /** The H3 resolution from the cell_ids `level` attribute (-1 when absent). */
  int resolution() const { return resolution_; }
  /** The store's levels, finest first: a pyramid's groups, or a single cube's resolution. */
  const std::vector<int>& levels() const { return levels_; }
  /** Days since 1970-01-01 of the time coordinate, ascending. */
  const std::vector<int32_t>& days() const { return days_; }
  /** Names of the [time][cell_ids] data arrays, in the cube's order: the value variables
   * its `variables` attribute lists, obs_fraction, n_items (older cubes without the list:
   * every such array found). */
  std::vector<std::string> variables() const;
  /** True when the cube has a [time][cell_ids] array named `variable`. */
  bool hasVariable(std::string_view variable) const;
  /** The `units` of a variable ("" when it has none).
   * @throws InputError when the variable does not exist. */
  std::string units(std::string_view variable) const;
  /** A string attribute of a variable, or of the cube's group when `variable` is empty (""
   * when absent or not a string).
   * @throws InputError when the variable does not exist. */
  std::string attribute(std::string_view variable, std::string_view name) const;
  /** Days per time chunk of a variable (reads aligned to it touch the fewest chunks).
   * @throws InputError when the variable does not exist. */
  size_t timeChunk(std::string_view variable) const;
  /** Cells per chunk of a variable. @throws InputError when the variable does not exist. */
  size_t cellChunk(std::string_view variable) const;
  /** A numeric attribute of the cube's group as numbers (one for a scalar; empty when absent
   * or not numeric). */
  std::vector<double> numbersAttribute(std::string_view name) const;

  /**
   * Reads `count` days of `variable` starting at time index `first`, as float32 in
   * [time][cell] order (integer arrays such as n_items are converted; NaN stays NaN).
   * @param out  resized to count * cells().size() and overwritten (reuse it across calls).
   * @throws InputError when the variable does not exist or the range is outside the cube;
   *         Error when GDAL fails to read a chunk (the message names the cube and array).
   */
  void readDays(std::string_view variable, size_t first, size_t count,
                std::vector<float>& out) const;
  /** readDays() of the cells `cells` only, [time][cell of the range] in `out`; only the
   * chunks holding those cells are read.
   * @throws InputError also when the range is outside the cube's cells. */
  void readDays(std::string_view variable, size_t first, size_t count, CellRange cells,
                std::vector<float>& out) const;

 private:
  struct Impl;
  std::filesystem::path path_;
  std::unique_ptr<Impl> impl_;
  std::vector<uint64_t> cells_;
  std::vector<int32_t> days_;
  int resolution_ = -1;
  std::vector<int> levels_;
};

}  // namespace stac2h3::store
