/** @file aoi_grid.h
 * @brief The area of interest cut into H3 cell pieces (AOI ∩ cell, exact areas on the
 * sphere), the unit on which a selection's coverage and expected clear fraction are summed,
 * and sample points inside each piece that tell which items see which part of it.
 *
 * A piece's sample points are the centres of its cell's descendants two resolutions finer
 * (49 for a hexagon), those inside the AOI kept: they carry the piece's area in equal
 * shares. A footprint that covers the whole cell sees all of them; one cut by the cell
 * sees those it contains. So abutting tiles, split granules and revisits of one footprint
 * combine exactly as their geometry does, to a 49th of the cells they cut.
 */
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "geo/geometry.h"
#include "geo/spherical_polygon.h"
#include "geo/vec3.h"
#include "h3/h3.h"

namespace stac2h3::select {

/** The default resolution cuts the AOI into at least this many cells (of mean area). */
inline constexpr double kMinDefaultCells = 2000.0;

struct AoiGrid {
  geo::MultiPolygon area;  ///< lon/lat degrees, split at ±180°
  int res = 0;
  std::vector<h3::Cell> cells;    ///< the cells the AOI overlaps, sorted
  std::vector<double> piece_km2;  ///< area of AOI ∩ cell, per cell
  double area_km2 = 0.0;          ///< the AOI's area (the sum of piece_km2)
  /** Sample points of piece p: samples[sample_start[p] .. sample_start[p + 1]), unit
   * vectors, at most 64 a piece. */
  std::vector<geo::Vec3> samples;
  std::vector<uint32_t> sample_start;
  /** Per piece, bit k set when its sample k lies in the AOI (every sample of a cell wholly
   * inside; all of them, too, for a sliver of the AOI that holds none). */
  std::vector<uint64_t> inside;
  /** Per piece, the area each inside sample stands for: piece_km2 / popcount(inside). */
  std::vector<double> sample_km2;

  /** The index of `cell` in `cells`, or -1. */
  int pieceOf(h3::Cell cell) const;
  /** The sample points of piece `piece`. */
  std::span<const geo::Vec3> samplesOf(size_t piece) const {
    return {samples.data() + sample_start[piece], sample_start[piece + 1] - sample_start[piece]};
  }
};

/** Bit k set for each sample k of `points` inside `area` (spherical, geodesic edges). */
uint64_t samplesInside(std::span<const geo::Vec3> points,
                       const std::vector<geo::SphericalPolygon>& area);

/** The mean area of the cells of resolution `res` (the sphere over their number). */
double meanCellAreaKm2(int res);

/** The smallest resolution at which `area_km2` spans at least kMinDefaultCells cells of the
 * resolution's mean area (15 at most). */
int defaultResolution(double area_km2);

/**
 * Cuts `area` into cell pieces.
 * @param area  the AOI, lon/lat degrees (split at ±180° or not).
 * @param res   the resolution, or nullopt for defaultResolution(area).
 * @throws stac2h3::InputError when the area is empty (no positive area) or res is not 0..15.
 */
AoiGrid makeAoiGrid(const geo::MultiPolygon& area, std::optional<int> res);

/** The union of the cells as an area (one polygon per cell, repeats dropped).
 * @throws stac2h3::InputError naming a bad cell, or two cells of different resolutions. */
geo::MultiPolygon cellsArea(std::span<const h3::Cell> cells);

/**
 * Boxes {west, south, east, north} (west <= east) that hold the area, its geodesic edges
 * included, widened by `margin_degrees` for the edges of footprints whose vertex envelope
 * stops short of where their geodesic edges bulge.
 */
std::vector<std::array<double, 4>> searchBoxes(const geo::MultiPolygon& area,
                                               double margin_degrees);

}  // namespace stac2h3::select
