/** @file coverage.cpp
 * @brief Swath coverage of the catalog's tiles (see coverage.h).
 */
#include "synth/coverage.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "synth/swath_clip.h"

namespace stac2h3::synth {
namespace {

/** Half the diagonal of a tile, km: the reach of a tile around its centre. */
constexpr double kTileReachKm = kTileSizeM * 0.7072 / 1000.0;

/** A visit whose footprint is still in UTM (partial tiles) until it is stored. */
struct PendingVisit {
  int relative_orbit;
  Visit visit;
  std::vector<UtmXY> cut;
};

/** The cross-track distance at each outline vertex, interpolated bilinearly from the
 * corners: over 110 km the distance field is linear in UTM to ~0.1 km. */
std::vector<double> crossTrackAlongOutline(const CatalogTile& tile,
                                           const std::array<double, 4>& corners) {
  std::vector<double> values(tile.outline.size());
  const double x0 = tile.spec.west_x;
  const double y0 = tile.spec.north_y - kTileSizeM;
  for (size_t i = 0; i < values.size(); ++i) {
    const double s = (tile.outline[i].x - x0) / kTileSizeM;
    const double t = (tile.outline[i].y - y0) / kTileSizeM;
    // Corners: south-west, south-east, north-east, north-west.
    values[i] = (1 - s) * (1 - t) * corners[0] + s * (1 - t) * corners[1] + s * t * corners[2] +
                (1 - s) * t * corners[3];
  }
  return values;
}

/** The outline vertex index of each corner (the outline starts at the south-west corner and
 * has the same number of vertices per side). */
std::array<size_t, 4> cornerIndices(const CatalogTile& tile) {
  const size_t side = tile.outline.size() / 4;
  return {0, side, 2 * side, 3 * side};
}

std::vector<PendingVisit> tileVisits(const CatalogTile& tile, uint32_t index,
                                     const GroundTracks& tracks) {
  std::vector<PendingVisit> visits;
  const auto corner_index = cornerIndices(tile);
  for (const int orbit : tracks.candidateOrbits(tile.centre, kTileReachKm)) {
    const TrackPosition centre = tracks.locate(orbit, tile.centre);
    // The cross-track distance changes by at most the distance moved (on the model's sphere,
    // within 1 % of the ellipsoid's: the margin): beyond this, every point of the tile lies
    // outside the swath on the same side. Tested first, it also keeps out tiles beyond the
    // ends of the daylight track, whose corners fall on both sides of the track's end point
    // and would otherwise look cut by the swath.
    constexpr double kMarginKm = 5.0;
    if (std::abs(centre.cross_track_km) > kSwathHalfWidthKm + kTileReachKm + kMarginKm) continue;
    std::array<double, 4> corners{};
    for (size_t c = 0; c < 4; ++c) {
      corners[c] =
          tracks.locateNear(orbit, tile.outline_lonlat[corner_index[c]], centre).cross_track_km;
    }
    const auto [lowest, highest] = std::minmax_element(corners.begin(), corners.end());
    if (*lowest > kSwathHalfWidthKm || *highest < -kSwathHalfWidthKm) continue;
    PendingVisit pending{orbit, Visit{}, {}};
    pending.visit.tile = index;
    pending.visit.seconds_from_node = centre.seconds_from_node;
    if (*lowest < -kSwathHalfWidthKm || *highest > kSwathHalfWidthKm) {
      pending.cut = clipToSwath(tile.outline, crossTrackAlongOutline(tile, corners),
                                kSwathHalfWidthKm, kFootprintSpacingM);
      pending.visit.valid_share = ringArea(pending.cut) / ringArea(tile.outline);
      if (pending.cut.empty() || pending.visit.valid_share < kMinimumValidShare) continue;
    }
    visits.push_back(std::move(pending));
  }
  return visits;
}

/** The lon/lat footprint of a cut outline. */
geo::MultiPolygon cutFootprint(const std::vector<UtmXY>& cut, const UtmProjection& projection) {
  std::vector<double> x(cut.size()), y(cut.size());
  for (size_t i = 0; i < cut.size(); ++i) {
    x[i] = cut[i].x;
    y[i] = cut[i].y;
  }
  projection.toLonLat(x, y);
  geo::Ring ring;
  ring.reserve(cut.size());
  for (size_t i = 0; i < cut.size(); ++i) ring.push_back({x[i], y[i]});
  return footprintOf(std::move(ring));
}

}  // namespace

size_t Coverage::visitCount() const {
  size_t count = 0;
  for (const auto& visits : by_orbit) count += visits.size();
  return count;
}

Coverage computeCoverage(const std::vector<CatalogTile>& tiles, const GroundTracks& tracks) {
  using Projections = std::map<std::pair<int, bool>, std::unique_ptr<UtmProjection>>;
  tbb::enumerable_thread_specific<Projections> projections;
  std::vector<std::vector<PendingVisit>> per_tile(tiles.size());
  std::vector<std::vector<geo::MultiPolygon>> cuts(tiles.size());
  tbb::parallel_for(size_t{0}, tiles.size(), [&](size_t index) {
    per_tile[index] = tileVisits(tiles[index], static_cast<uint32_t>(index), tracks);
    for (const PendingVisit& pending : per_tile[index]) {
      if (pending.cut.empty()) continue;
      const TileSpec& spec = tiles[index].spec;
      auto& slot = projections.local()[{spec.zone, spec.south}];
      if (!slot) slot = std::make_unique<UtmProjection>(spec.zone, spec.south);
      cuts[index].push_back(cutFootprint(pending.cut, *slot));
    }
  });
  Coverage coverage;
  for (size_t index = 0; index < tiles.size(); ++index) {
    size_t next_cut = 0;
    for (PendingVisit& pending : per_tile[index]) {
      if (!pending.cut.empty()) {
        pending.visit.footprint = static_cast<int32_t>(coverage.partial_footprints.size());
        coverage.partial_footprints.push_back(std::move(cuts[index][next_cut++]));
      }
      coverage.by_orbit[static_cast<size_t>(pending.relative_orbit - 1)].push_back(pending.visit);
    }
  }
  return coverage;
}

}  // namespace stac2h3::synth
