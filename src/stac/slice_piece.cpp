/** @file slice_piece.cpp
 * @brief Piece intervals and names, time halves, area halves (see slice_piece.h).
 */
#include "stac/slice_piece.h"

#include <algorithm>

#include "stac/json_object.h"

namespace stac2h3::stac {

namespace {

constexpr int64_t kMicrosPerSecond = 1'000'000;

LonLatBox boxOf(const SearchQuery& query) {
  if (query.intersects) {
    LonLatBox box = {180, 90, -180, -90};
    for (const auto& polygon : query.intersects->polygons) {
      for (const auto& vertex : polygon.outer) {
        box = {std::min(box[0], vertex.lon), std::min(box[1], vertex.lat),
               std::max(box[2], vertex.lon), std::max(box[3], vertex.lat)};
      }
    }
    return box;
  }
  return query.bbox.value_or(LonLatBox{-180, -90, 180, 90});
}

/** The part of `ring` (planar lon/lat, open) inside the half plane where `inside` holds,
 * Sutherland-Hodgman: `cut` gives the crossing of an edge with the half plane's border. */
template <class Inside, class Cut>
geo::Ring clipRing(const geo::Ring& ring, Inside inside, Cut cut) {
  geo::Ring out;
  for (size_t i = 0; i < ring.size(); ++i) {
    const geo::LonLat& from = ring[i];
    const geo::LonLat& to = ring[(i + 1) % ring.size()];
    if (inside(from)) out.push_back(from);
    if (inside(from) != inside(to)) out.push_back(cut(from, to));
  }
  return out;
}

/** `ring` clipped to an axis-aligned box (west < east) in the lon/lat plane, as search
 * servers read `intersects`; fewer than three vertices when they do not meet. */
geo::Ring clipRingToBox(geo::Ring ring, const LonLatBox& box) {
  const auto atLon = [](double lon) {
    return [lon](const geo::LonLat& a, const geo::LonLat& b) {
      return geo::LonLat{lon, a.lat + (b.lat - a.lat) * (lon - a.lon) / (b.lon - a.lon)};
    };
  };
  const auto atLat = [](double lat) {
    return [lat](const geo::LonLat& a, const geo::LonLat& b) {
      return geo::LonLat{a.lon + (b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat), lat};
    };
  };
  ring = clipRing(
      ring, [&](const geo::LonLat& p) { return p.lon >= box[0]; }, atLon(box[0]));
  ring = clipRing(
      ring, [&](const geo::LonLat& p) { return p.lat >= box[1]; }, atLat(box[1]));
  ring = clipRing(
      ring, [&](const geo::LonLat& p) { return p.lon <= box[2]; }, atLon(box[2]));
  return clipRing(
      ring, [&](const geo::LonLat& p) { return p.lat <= box[3]; }, atLat(box[3]));
}

geo::MultiPolygon clipToBox(const geo::MultiPolygon& area, const LonLatBox& box) {
  geo::MultiPolygon clipped;
  for (const auto& polygon : area.polygons) {
    geo::Polygon piece{clipRingToBox(polygon.outer, box), {}};
    if (piece.outer.size() < 3) continue;
    for (const auto& hole : polygon.holes) {
      geo::Ring kept = clipRingToBox(hole, box);
      if (kept.size() >= 3) piece.holes.push_back(std::move(kept));
    }
    clipped.polygons.push_back(std::move(piece));
  }
  return clipped;
}

}  // namespace

std::string SlicePiece::requestInterval() const {
  return stac::requestInterval(start_micros, end_micros);
}

std::string SlicePiece::describe() const {
  std::string text = formatUtcSeconds(start_micros) + "/" + formatUtcSeconds(end_micros);
  if (box) {
    text += " in [" + jsonNumber((*box)[0]) + ',' + jsonNumber((*box)[1]) + ',' +
            jsonNumber((*box)[2]) + ',' + jsonNumber((*box)[3]) + ']';
  }
  return text;
}

SlicePiece wholeSlice(const DateSlice& slice, const SearchQuery& query) {
  return {slice.start * kMicrosPerDay, slice.end * kMicrosPerDay, query, std::nullopt};
}

std::vector<SlicePiece> splitByTime(const SlicePiece& piece) {
  const int64_t span = piece.end_micros - piece.start_micros;
  if (span <= kMinPieceSpanMicros) return {};
  const int64_t middle = piece.start_micros + span / 2 / kMicrosPerSecond * kMicrosPerSecond;
  SlicePiece first = piece;
  SlicePiece second = piece;
  first.end_micros = middle;
  second.start_micros = middle;
  return {first, second};
}

std::vector<SlicePiece> splitByArea(const SlicePiece& piece) {
  const LonLatBox box = piece.box.value_or(boxOf(piece.query));
  double width = box[2] - box[0];
  if (width < 0) width += 360;  // across the antimeridian
  const double height = box[3] - box[1];
  if (std::max(width, height) <= kMinPieceDegrees) return {};
  std::array<LonLatBox, 2> halves = {box, box};
  if (width >= height) {
    double middle = box[0] + width / 2;
    if (middle > 180) middle -= 360;
    halves[0][2] = halves[1][0] = middle;
  } else {
    halves[0][3] = halves[1][1] = box[1] + height / 2;
  }
  std::vector<SlicePiece> pieces;
  for (const auto& half : halves) {
    SlicePiece narrowed = piece;
    narrowed.box = half;
    if (piece.query.intersects) {
      narrowed.query.intersects = clipToBox(*piece.query.intersects, half);
      if (narrowed.query.intersects->empty()) continue;
    } else {
      narrowed.query.bbox = half;
    }
    pieces.push_back(std::move(narrowed));
  }
  return pieces;
}

}  // namespace stac2h3::stac
