/** @file cover.cpp
 * @brief The H3 polygon cover of a footprint, and the exact area of footprint ∩ cell for every
 * cell of it.
 *
 * Each part of the footprint is covered by a flood fill: it starts from the cells around one
 * vertex and spreads to the neighbours of every cell that overlaps, so only the cover and its
 * one-cell rim are ever looked at. Each cell is classified cheaply first: footprint edges
 * whose bounding cap misses the cell's cap are skipped, the rest are tested exactly against
 * the cell; a cell no edge touches is wholly inside or wholly outside, which its neighbour
 * (when that is wholly inside) or the winding number of its centre decides. Only cells that
 * an edge touches are clipped. The cells' shapes come from a per-thread cache: neighbouring
 * footprints covered one after the other share many cells.
 */
#include "geo/cover.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "geo/cell_shape.h"
#include "geo/cell_shape_cache.h"
#include "geo/convex_clip.h"
#include "geo/point_in_polygon.h"
#include "geo/sphere_coords.h"
#include "geo/spherical_area.h"
#include "geo/spherical_polygon.h"
#include "util/error.h"
#include "util/packed_key_ids.h"

namespace stac2h3::geo {
namespace {

/** Overlaps smaller than this fraction of the cell's area are rounding, not overlap: a
 * footprint edge running along a cell edge leaves slivers below ~1e-14 of the cell. */
constexpr double kMinOverlapFraction = 1e-12;

/** This thread's cache of cell shapes: footprints that share cells (neighbouring tiles, the
 * full and partial footprints of a tile) compute each cell's shape once while it stays in the
 * cache. 16,384 slots (~13 MB), enough for the footprints of a region when they come in a
 * spatial order. */
CellShapeCache& threadCellShapes() {
  thread_local CellShapeCache cache(16384);
  return cache;
}

PackedKeyIds& threadSeenCells() {
  thread_local PackedKeyIds seen;
  return seen;
}

/** A footprint edge with the cap that holds it (centre `mid`, radius `half`). */
struct Edge {
  Vec3 a;
  Vec3 b;
  Vec3 mid;
  double half = 0.0;
  double cos_half = 1.0;
  double sin_half = 0.0;
};

void appendEdges(const SphericalRing& ring, std::vector<Edge>& edges) {
  for (size_t i = 0; i < ring.size(); ++i) {
    Edge e;
    e.a = ring[i];
    e.b = ring[i + 1 == ring.size() ? 0 : i + 1];
    e.mid = normalized(e.a + e.b);
    e.half = std::max(angleBetween(e.mid, e.a), angleBetween(e.mid, e.b)) * (1.0 + 1e-9) + 1e-12;
    e.cos_half = std::cos(e.half);
    e.sin_half = std::sin(e.half);
    edges.push_back(e);
  }
}

/** Covers the parts of one footprint, reusing its buffers from part to part. */
class Coverer {
 public:
  /** @param need_areas  false when only the cells are wanted: whole cells skip their area. */
  Coverer(int res, bool need_areas) : res_(res), need_areas_(need_areas) {}

  /** Appends those of `cells` that overlap `part`, with areas in steradians. */
  void overlapAmong(const SphericalPolygon& part, std::span<const h3::Cell> cells,
                    std::vector<CellOverlap>& out) {
    setPart(part);
    // A cell whose centre is farther from the part's cap than the cell's largest possible
    // radius cannot meet it.
    const auto [centre, radius] = cap_;
    const double reach = radius + maxCellRadius(res_);
    const bool everywhere = reach >= std::numbers::pi;
    const double cos_reach = std::cos(reach);
    for (const h3::Cell cell : cells) {
      if (!everywhere && dot(centre, toVec3(h3::cellToVector(cell))) < cos_reach) continue;
      shape_ = &cells_.shape(cell);
      const Overlap overlap = classify(false);
      if (overlap != Overlap::kNone) out.push_back({cell, area_, overlap == Overlap::kWhole});
    }
  }

  /** Appends the cells overlapping `part`, with areas in steradians. */
  void coverPart(const SphericalPolygon& part, std::vector<CellOverlap>& out) {
    setPart(part);
    seen_.clear();
    queue_.clear();
    h3::Cell seed = 0;
    if (h3::latLngToCell(toLatLng(part.outer.front()), res_, seed) != h3::Error::kSuccess) {
      throw Error("cannot index footprint vertex at resolution " + std::to_string(res_));
    }
    if (insideOneCell(seed, out)) return;
    // The seed cell holds a vertex, but when that vertex lies on a cell edge the footprint may
    // only enter the neighbours: all cells around the vertex are in the seed's disk.
    enqueueNeighbours(seed, false);
    while (!queue_.empty()) {
      const Pending next = queue_.back();
      queue_.pop_back();
      shape_ = &cells_.shape(next.cell);
      const Overlap overlap = classify(next.beside_whole_cell);
      if (overlap == Overlap::kNone) continue;
      out.push_back({next.cell, area_, overlap == Overlap::kWhole});
      enqueueNeighbours(next.cell, overlap == Overlap::kWhole);
    }
  }

 private:
  enum class Overlap { kNone, kPartial, kWhole };

  void setPart(const SphericalPolygon& part) {
    part_ = &part;
    edges_.clear();
    appendEdges(part.outer, edges_);
    for (const SphericalRing& hole : part.holes) appendEdges(hole, edges_);
    // Many footprints (tiles, their partial swaths) are convex: then a point is inside when it
    // lies on the left of every edge's great circle, a few dot products instead of the
    // winding number's arc tangent per edge (which was 4% of a year's pyramid). The two agree
    // on every point that is not within rounding of an edge, and classify() asks only for the
    // centres of cells that no edge touches.
    cap_ = boundingCap();
    cap_cos_ = std::cos(cap_.second);
    convex_normals_.clear();
    if (part.holes.empty() && cap_.second < std::numbers::pi / 2 && isConvex(part.outer)) {
      for (const Edge& e : edges_) convex_normals_.push_back(greatCircleNormal(e.a, e.b));
    }
  }

  /** Whether the part holds point p, which lies in a cell that no edge of the part touches. */
  bool partContains(const Vec3& p) const {
    // Outside the part's cap, outside the part: at coarse levels most of the rim's centres
    // are, and footprints whose vertices make slight right turns (edges straight in UTM,
    // not on the sphere) are not convex and would need the winding number.
    if (cap_.second < std::numbers::pi / 2 && dot(cap_.first, p) < cap_cos_) return false;
    if (convex_normals_.empty()) return polygonContains(*part_, p);
    return std::all_of(convex_normals_.begin(), convex_normals_.end(),
                       [&p](const Vec3& normal) { return dot(normal, p) > 0.0; });
  }

  /** A cap (centre, radius in radians) that holds the part: the cap holding the caps of its
   * edges (the part is the smaller region its rings bound, so a cap smaller than a hemisphere
   * that holds the rings holds it). */
  std::pair<Vec3, double> boundingCap() const {
    Vec3 sum{0.0, 0.0, 0.0};
    for (const Edge& e : edges_) sum = sum + e.mid;
    const Vec3 centre = norm(sum) > 1e-9 ? normalized(sum) : edges_.front().mid;
    double radius = 0.0;
    for (const Edge& e : edges_) radius = std::max(radius, angleBetween(centre, e.mid) + e.half);
    return {centre, radius};
  }

  /**
   * When the part's cap lies inside one convex piece of the seed cell (a tile inside a cell
   * of the coarse levels of a pyramid), no other cell meets it and the cell's overlap is the
   * part's own area: appended (unless below kMinOverlapFraction), and true. The flood fill
   * would classify the seed and its six neighbours and clip the part against the seed; in a
   * year's pyramid the levels 4..0 took more CPU than level 5.
   */
  bool insideOneCell(h3::Cell seed, std::vector<CellOverlap>& out) {
    const auto [centre, radius] = cap_;
    if (radius >= std::numbers::pi / 2) return false;
    // Inside a convex piece with a margin: the sine of the centre's distance from each
    // edge's great circle at least that of the radius (and a hair more, for rounding).
    const double margin = std::sin(radius) + 1e-12;
    shape_ = &cells_.shape(seed);
    for (const ConvexPolygon& piece : shape_->pieces) {
      bool inside = true;
      for (int i = 0; i < piece.size() && inside; ++i)
        inside = dot(piece.normal(i), centre) >= margin;
      if (!inside) continue;
      area_ = areaSteradians(*part_);
      if (area_ > kMinOverlapFraction * cells_.areaSteradians(seed)) {
        out.push_back({seed, area_, false});
      }
      return true;
    }
    return false;
  }

  /** More than the angular radius of any cell of resolution `res`: the largest res-0 cell
   * reaches ~0.2 rad (1,281 km edges), each finer resolution divides that by ~√7; twice
   * that, for the distortion of H3's projection. */
  static double maxCellRadius(int res) { return 0.4 / std::pow(std::sqrt(7.0), res); }

  /** A cell to classify, and whether it was reached from a cell wholly inside. */
  struct Pending {
    h3::Cell cell;
    bool beside_whole_cell;
  };

  void enqueueNeighbours(h3::Cell cell, bool whole) {
    h3::gridDisk(cell, 1, disk_);
    for (const h3::Cell neighbour : disk_) {
      uint32_t& seen = seen_[neighbour];
      if (seen == 0) {
        seen = 1;
        queue_.push_back({neighbour, whole});
      }
    }
  }

  /** True when some footprint edge meets the closed cell. */
  bool touchedByEdge() const {
    for (const Edge& e : edges_) {
      // Caps that are apart cannot share a point: angle(centre, mid) > radius + half.
      if (shape_->radius + e.half < std::numbers::pi &&
          dot(shape_->center, e.mid) <
              shape_->cos_radius * e.cos_half - shape_->sin_radius * e.sin_half) {
        continue;
      }
      for (const ConvexPolygon& piece : shape_->pieces) {
        if (arcTouches(e.a, e.b, piece)) return true;
      }
    }
    return false;
  }

  /** Area of part ∩ cell by clipping every ring against every convex piece of the cell. */
  double clippedArea() {
    double area = 0.0;
    for (const ConvexPolygon& piece : shape_->pieces) {
      clipRing(part_->outer, piece, clipped_, scratch_);
      area += ringSignedArea(clipped_);
      for (const SphericalRing& hole : part_->holes) {
        clipRing(hole, piece, clipped_, scratch_);
        area -= ringSignedArea(clipped_);
      }
    }
    return area;
  }

  /** Classifies the current cell and sets area_ (steradians) for an overlapping one. */
  Overlap classify(bool beside_whole_cell) {
    if (!touchedByEdge()) {
      // No footprint edge meets the cell: it is wholly inside or wholly outside. Beside a
      // cell wholly inside, the two closed cells form a connected set that no edge meets, so
      // it is inside too; otherwise whether the part holds its centre decides.
      if (!beside_whole_cell && !partContains(shape_->center)) return Overlap::kNone;
      area_ = need_areas_ ? cells_.areaSteradians(shape_->cell) : 0.0;
      return Overlap::kWhole;
    }
    area_ = clippedArea();
    return area_ > kMinOverlapFraction * cells_.areaSteradians(shape_->cell) ? Overlap::kPartial
                                                                             : Overlap::kNone;
  }

  int res_;
  bool need_areas_;
  const SphericalPolygon* part_ = nullptr;
  double area_ = 0.0;
  std::vector<Edge> edges_;
  std::pair<Vec3, double> cap_;       // boundingCap() of the part
  double cap_cos_ = -1.0;             // the cosine of its radius
  std::vector<Vec3> convex_normals_;  // the outer edges' normals when the part is convex
  // The cells queued (id 1) for the current part; the thread's, kept from footprint to
  // footprint (cleared in constant time): a set of its own per footprint was a tenth of the
  // cover's time in allocations.
  PackedKeyIds& seen_ = threadSeenCells();
  std::vector<h3::Cell> disk_;
  std::vector<Pending> queue_;
  CellShapeCache& cells_ = threadCellShapes();
  const CellShape* shape_ = nullptr;  // in cells_, valid until its next lookup
  std::vector<Vec3> clipped_;
  std::vector<Vec3> scratch_;
};

void checkResolution(int res) {
  if (res < 0 || res > h3::kMaxResolution) {
    throw InputError("resolution " + std::to_string(res) + " is outside 0.." +
                     std::to_string(h3::kMaxResolution));
  }
}

/** Sorts overlaps by cell and merges the entries of a cell met by several parts. */
void mergeParts(std::vector<CellOverlap>& overlaps) {
  std::sort(overlaps.begin(), overlaps.end(),
            [](const CellOverlap& x, const CellOverlap& y) { return x.cell < y.cell; });
  // Parts that meet (e.g. the two halves of a footprint split at ±180°) share cells.
  size_t kept = 0;
  for (size_t i = 0; i < overlaps.size(); ++i) {
    if (kept > 0 && overlaps[kept - 1].cell == overlaps[i].cell) {
      overlaps[kept - 1].area_km2 += overlaps[i].area_km2;
      overlaps[kept - 1].whole = overlaps[kept - 1].whole || overlaps[i].whole;
    } else {
      overlaps[kept++] = overlaps[i];
    }
  }
  overlaps.resize(kept);
}

/** The overlaps of all parts in steradians, sorted by cell, a cell met by several parts
 * merged into one entry. */
std::vector<CellOverlap> overlapsSteradians(const MultiPolygon& footprint, int res,
                                            bool need_areas) {
  checkResolution(res);
  std::vector<CellOverlap> overlaps;
  Coverer coverer(res, need_areas);
  for (const SphericalPolygon& part : toSpherical(footprint)) coverer.coverPart(part, overlaps);
  mergeParts(overlaps);
  return overlaps;
}

constexpr double kKm2PerSteradian = h3::kEarthRadiusKm * h3::kEarthRadiusKm;

}  // namespace

std::vector<h3::Cell> polygonCover(const MultiPolygon& footprint, int res) {
  const std::vector<CellOverlap> overlaps = overlapsSteradians(footprint, res, false);
  std::vector<h3::Cell> cells;
  cells.reserve(overlaps.size());
  for (const CellOverlap& overlap : overlaps) cells.push_back(overlap.cell);
  return cells;
}

std::vector<CellOverlap> cellOverlaps(const MultiPolygon& footprint, int res) {
  std::vector<CellOverlap> overlaps = overlapsSteradians(footprint, res, true);
  for (CellOverlap& overlap : overlaps) overlap.area_km2 *= kKm2PerSteradian;
  return overlaps;
}

std::vector<CellOverlap> cellOverlapsAmong(const MultiPolygon& footprint,
                                           std::span<const h3::Cell> cells) {
  std::vector<CellOverlap> overlaps;
  if (cells.empty()) return overlaps;
  const int res = h3::getResolution(cells.front());
  checkResolution(res);
  std::vector<h3::Cell> unique(cells.begin(), cells.end());
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  Coverer coverer(res, /*need_areas=*/true);
  for (const SphericalPolygon& part : toSpherical(footprint)) {
    coverer.overlapAmong(part, unique, overlaps);
  }
  mergeParts(overlaps);
  for (CellOverlap& overlap : overlaps) overlap.area_km2 *= kKm2PerSteradian;
  return overlaps;
}

double areaKm2(const MultiPolygon& footprint) {
  double area = 0.0;
  for (const SphericalPolygon& part : toSpherical(footprint)) area += areaSteradians(part);
  return area * kKm2PerSteradian;
}

}  // namespace stac2h3::geo
