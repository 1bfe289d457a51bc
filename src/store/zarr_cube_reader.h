/** @file zarr_cube_reader.h
 * @brief Reads the cube.zarr that `resample` writes (layout in cube_schema.h): its cells,
 * days and variables, and any run of days of one variable, touching only the time chunks
 * that run needs.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace stac2h3::store {

/** An open cube. Reading is not thread-safe (one GDAL dataset underneath). */
class ZarrCubeReader {
 public:
  /**
   * Opens the cube and reads its coordinates (time and cell_ids).
   * @param path  the cube.zarr directory.
   * @throws InputError when the path is not a Zarr cube with the time and cell_ids
   *         coordinates of cube_schema.h (the message names the path and what is missing).
   */
  explicit ZarrCubeReader(const std::filesystem::path& path);
  ~ZarrCubeReader();
  ZarrCubeReader(const ZarrCubeReader&) = delete;
  ZarrCubeReader& operator=(const ZarrCubeReader&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /** H3 cell ids, in the cube's (sorted) order. */
  const std::vector<uint64_t>& cells() const { return cells_; }
  /** The H3 resolution from the cell_ids `level` attribute (-1 when absent). */
  int resolution() const { return resolution_; }
  /** Days since 1970-01-01 of the time coordinate, ascending. */
  const std::vector<int32_t>& days() const { return days_; }
  /** Names of the [time][cell_ids] data arrays, in the cube's order. */
  std::vector<std::string> variables() const;
  /** True when the cube has a [time][cell_ids] array named `variable`. */
  bool hasVariable(std::string_view variable) const;
  /** The `units` of a variable ("" when it has none).
   * @throws InputError when the variable does not exist. */
  std::string units(std::string_view variable) const;
  /** Days per time chunk of a variable (reads aligned to it touch the fewest chunks).
   * @throws InputError when the variable does not exist. */
  size_t timeChunk(std::string_view variable) const;

  /**
   * Reads `count` days of `variable` starting at time index `first`, as float32 in
   * [time][cell] order (integer arrays such as n_items are converted; NaN stays NaN).
   * @param out  resized to count * cells().size() and overwritten (reuse it across calls).
   * @throws InputError when the variable does not exist or the range is outside the cube;
   *         Error when GDAL fails to read a chunk (the message names the cube and array).
   */
  void readDays(std::string_view variable, size_t first, size_t count,
                std::vector<float>& out) const;

 private:
  struct Impl;
  std::filesystem::path path_;
  std::unique_ptr<Impl> impl_;
  std::vector<uint64_t> cells_;
  std::vector<int32_t> days_;
  int resolution_ = -1;
};

}  // namespace stac2h3::store
