/** @file zarr_pyramid_writer.h
 * @brief Writes a multi-resolution cube (`resample --pyramid`): one Zarr v2 store whose group
 * named after each H3 resolution ("5", "4", ...) is a complete cube of cube_schema.h, and
 * whose root lists the levels after the zarr-conventions `multiscales` proposal.
 *
 * Root attributes: `zarr_conventions` (the multiscales convention's uuid, name, spec),
 * `multiscales` {`layout`: one entry per level, finest first, each {`asset`: the group name,
 * `dggs`: {`name` "h3", `refinement_level` L, `spatial_dimension` and `coordinate`
 * "cell_ids", `compression` "none"}}, and `resampling_method`, how every level was made},
 * the items' text attributes (source, query, software). No `derived_from`: no level is made from
 * another. Consolidated metadata (.zmetadata) at the root covers every group.
 */
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "store/cube_block.h"
#include "store/zarr_cube_writer.h"

namespace stac2h3::store {

/** How every level of a stac2h3 pyramid is made (the root's multiscales.resampling_method). */
inline constexpr std::string_view kPyramidResamplingMethod =
    "area-weighted mean over the footprints intersected with each cell of the level "
    "(computed at every level from the footprints, not from the finer level)";

class ZarrPyramidWriter {
 public:
  /**
   * Creates the store with every level's metadata and coordinates; data arrays start empty.
   * @param path       the .zarr directory to create.
   * @param levels     one cube per resolution, distinct resolutions, finest first; each has
   *                   its own cells and the same time axis. The root takes the finest one's
   *                   text attributes.
   * @param layout     chunking and compression of every level.
   * @param overwrite  replace an existing `path`; otherwise an existing path is an error.
   * @throws stac2h3::InputError when `path` exists and `overwrite` is false, or a level is
   *         inconsistent; stac2h3::Error when GDAL cannot create the metadata.
   */
  ZarrPyramidWriter(const std::filesystem::path& path, std::span<const CubeDescription> levels,
                    const CubeLayout& layout = defaultCubeLayout(), bool overwrite = false);
  ~ZarrPyramidWriter();
  ZarrPyramidWriter(const ZarrPyramidWriter&) = delete;
  ZarrPyramidWriter& operator=(const ZarrPyramidWriter&) = delete;

  /**
   * Writes one block of days of the level `resolution` (whole chunks, as
   * ZarrCubeWriter::write).
   * @throws stac2h3::Error for a resolution the store lacks, or as ZarrCubeWriter::write.
   */
  void write(int resolution, const CubeBlock& block);

  /** Waits until every block written is on disk (as ZarrCubeWriter::close).
   * @throws stac2h3::Error naming the first chunk file that could not be written. */
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace stac2h3::store
