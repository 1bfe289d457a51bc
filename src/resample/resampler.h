/** @file resampler.h
 * @brief The area-weighted engine: items in, one block of days of the cube at a time out.
 *
 * Definition (the README says the same): for cell c and UTC day d, take the items of day d
 * whose footprint overlaps c; a_i is the area of footprint_i ∩ c. For each value,
 * value = Σ a_i·v_i / Σ a_i over the items whose v_i is not NULL (NaN where there is none);
 * n_items counts the items with a_i > 0; obs_fraction = Σ a_i / area(c). An acquisition counts
 * each piece of ground once: an item shared with others of its acquisition has as footprint
 * only the ground that those ranked before it do not cover (acquisition.h).
 *
 * Use: add() every item (new distinct footprints start their overlap computations on the
 * TBB workers in batches of a few thousand, so the reading and the geometry run side by
 * side), prepare() once
 * (applies the acquisition rule, waits for the overlaps, fixes the cells and the days), then run()
 * to receive the blocks in day order. Memory: the items as ~48-byte records, the overlaps of the
 * distinct footprints, and one block of days (of a range of cells, when asked), never the whole
 * span.
 *
 * Several resolutions at once (the pyramid, ResampleOptions::min_resolution): the items are
 * read, put through the acquisition rule and sorted once; only the overlaps are computed per
 * resolution, and each resolution is run() on its own, from its own overlaps: exactly the cube a
 * Resampler of that single resolution makes, never averaged from the finer one.
 */
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "resample/cell_areas.h"
#include "stac/item.h"
#include "store/cube_block.h"
#include "store/items_gpkg.h"

namespace stac2h3::resample {

struct ResampleOptions {
  /** The (finest) resolution. */
  int resolution = 3;
  /** Also every coarser resolution down to this one (a pyramid); default: `resolution` only. */
  std::optional<int> min_resolution;
  /** First and last UTC day (days since 1970-01-01), inclusive; default: the items' own. */
  std::optional<int32_t> first_day;
  std::optional<int32_t> last_day;
  /** Days per block handed to the sink; blocks start at first_day + k * block_days. */
  int block_days = 16;
  /** Cells per block handed to the sink, rounded up to whole accumulation tiles
   * (DayAccumulator::kTileCells); blocks start at cell k * block_cells. 0: every cell, one
   * block a block of days. A sink that writes whole chunks (the Zarr writers) takes blocks of a
   * few chunks: a block of every cell of res 5 for 32 days is 680 MB, faulted in and streamed
   * through memory twice (filled, then read to compress); one of 16,384 cells is 16 MB. */
  int64_t block_cells = 0;
  /** The value variables: columns of the items table (the six value columns, or numeric
   * extra columns), each resampled into the cube variable of the same name. */
  std::vector<std::string> variables = cube::defaultValueVariables();
  /** Only these days (sorted, within [first_day, last_day], which must then be given) go
   * into the cube; the items of other days are still read for the acquisition rule (an
   * acquisition may cross midnight) but left out like days outside the span. A run may then
   * come out empty (no cells, no items): a day recomputed by `resample --update` may have
   * lost every item. Default: every day. */
  std::optional<std::vector<int32_t>> only_days;
  /** The exact area of a cell in km² (obs_fraction's denominator), called from several
   * threads; empty: geo::exactCellAreaKm2 (`resample` answers from the store's cache,
   * update/cell_area_cache.h). */
  std::function<double(h3::Cell)> cell_area_km2;
};

/** What happened to the items; filled as the work goes. */
struct ResampleStats {
  int64_t items_added = 0;
  int64_t items_used = 0;  ///< items that went into the cube (the finest one)
  int64_t duplicates = 0;  ///< dropped: their acquisition's higher-ranked items cover them
  int64_t partial_contributions = 0;  ///< items that contribute part of their footprint
  int64_t outside_days = 0;           ///< outside [first_day, last_day]
  int64_t bad_datetime = 0;           ///< datetime that is not an RFC 3339 instant
  int64_t unusable_footprints = 0;    ///< distinct footprints skipped (self-intersecting...)
  int64_t unusable_items = 0;         ///< items skipped for their footprint
  std::vector<std::string> unusable_reasons;  ///< the first few reasons, one line each
  int64_t distinct_footprints = 0;
  int64_t cell_days = 0;  ///< (cell, day) pairs with at least one item, summed over run()s
  // Where the time went. The overlaps are computed in the background while items are
  // added, so overlap_cpu_seconds overlaps with the caller's reading; the other phases
  // follow one another.
  double dedupe_seconds = 0.0;       ///< prepare(): acquisition rule and days (wall)
  double overlap_seconds = 0.0;      ///< prepare(): waiting for the overlaps, indexing cells (wall)
  double overlap_cpu_seconds = 0.0;  ///< the overlap computations, summed over threads
  double accumulate_seconds = 0.0;   ///< run(): accumulating the blocks (wall)
  double sink_seconds = 0.0;         ///< run(): inside the sink, summed over blocks
};

class Resampler {
 public:
  /**
   * @param options    resolution, days, block size, variables.
   * @param cell_areas the overlap computation (exactOverlaps() for the real thing).
   * @throws stac2h3::InputError on a resolution outside 0..15, a min_resolution outside
   *         0..resolution, block_days < 1, block_cells < 0, or no variable (or one named
   *         twice).
   */
  Resampler(ResampleOptions options, CellAreaFunction cell_areas);
  ~Resampler();
  Resampler(const Resampler&) = delete;
  Resampler& operator=(const Resampler&) = delete;

  /** Adds an item (decoded footprint). Items with an unparsable datetime are counted and
   * skipped. @throws stac2h3::Error after prepare(), or when a variable is not one of the
   * six value columns (others are read from a GeoPackage: add(RawItem)). */
  void add(const stac::Item& item);
  /** Adds an item as read raw from an items GeoPackage: its footprint is decoded only the
   * first time its geometry bytes are seen; its `numbers` are the variables' values, in
   * order. @throws stac2h3::Error on an undecodable blob or a wrong number of values. */
  void add(const store::RawItem& item);

  /** Makes room for about `items` items (a hint: more still fit, fewer waste only address
   * space), so that the records are not moved and faulted in again as they grow: for a year,
   * ~600 MB copied while reading. */
  void reserve(int64_t items);

  /** The value variables (ResampleOptions::variables). */
  const std::vector<std::string>& valueVariables() const;

  /**
   * Applies the acquisition rule, picks the days, computes the cell overlaps of the distinct
   * footprints (in parallel, in the calling thread's TBB arena) and collects the cells ever
   * observed, at every resolution.
   * @return the finest cube's resolution, time axis, cells and item count (attributes empty).
   * @throws stac2h3::InputError when no item falls in the days, first_day > last_day, or no
   *         item has a footprint usable at some resolution.
   */
  store::CubeDescription prepare();

  /** The cube of one of the resolutions, as prepare() returns the finest.
   * @throws stac2h3::Error before prepare() or for a resolution not resampled. */
  store::CubeDescription describe(int resolution) const;

  /**
   * Accumulates block after block (days in parallel) and hands each to `sink`, in day order
   * and, within a block of days, in cell order (ResampleOptions::block_cells), on the calling
   * thread (the sink may use the TBB workers itself, as the cube writer does).
   * @param sink  receives each block; the block is reused after the call returns.
   * @throws whatever `sink` throws; stac2h3::Error when called before prepare().
   */
  void run(const std::function<void(const store::CubeBlock&)>& sink);
  /** As run(sink), for one of the resolutions (in any order).
   * @throws as run(sink); stac2h3::Error for a resolution not resampled. */
  void run(int resolution, const std::function<void(const store::CubeBlock&)>& sink);

  const ResampleStats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace stac2h3::resample
