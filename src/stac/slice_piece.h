/** @file slice_piece.h
 * @brief A piece of a download slice searched on its own (a span of time and a search area),
 * and the halves it is cut into when its paging loops or comes up short.
 *
 * A piece that cannot be trusted is searched again as two halves, each paged afresh: halves
 * of its time span while the span is longer than kMinPieceSpanMicros; then, where what is
 * left are items sharing one datetime (the tiles of one datatake), halves of its area (the
 * bbox, the AOI cut by halves of its bounding box, or the globe) while the area is wider
 * than kMinPieceDegrees.
 */
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stac/date_slices.h"
#include "stac/search_request.h"

namespace stac2h3::stac {

/** Time halving stops at pieces of this span or shorter (1 minute): below it a server that
 * still loops or comes up short is not going to be helped by more requests. */
inline constexpr int64_t kMinPieceSpanMicros = 60'000'000;
/** Area halving stops at boxes this many degrees wide and high or less: a Sentinel-2 tile is
 * ~1.1 degrees, so smaller boxes hold the same tiles. */
inline constexpr double kMinPieceDegrees = 1.0;

/** West, south, east, north in degrees (east < west crosses the antimeridian). */
using LonLatBox = std::array<double, 4>;

struct SlicePiece {
  int64_t start_micros = 0;  ///< first instant of the span
  int64_t end_micros = 0;    ///< the instant after the span (exclusive)
  /** The slice's query, its bbox or AOI narrowed by area splits. */
  SearchQuery query;
  /** The box area splits narrowed the query to; nullopt before any area split. */
  std::optional<LonLatBox> box;

  /** The closed interval asked for, a second wider on each side (see requestInterval()). */
  std::string requestInterval() const;
  /** Names the piece in messages: "2024-01-01T05:00:00Z/2024-01-01T05:01:00Z", followed by
   * " in [W,S,E,N]" after area splits. */
  std::string describe() const;
};

/** The piece that is the whole of `slice`, searched with `query`. */
SlicePiece wholeSlice(const DateSlice& slice, const SearchQuery& query);

/** The two halves of `piece`'s span, cut at a whole second; empty when the span is
 * kMinPieceSpanMicros or shorter. */
std::vector<SlicePiece> splitByTime(const SlicePiece& piece);

/**
 * The halves of `piece`'s area, cut across the longer side of its box (the query's bbox, the
 * AOI's bounding box, or the globe): a bbox query gets the half boxes, an AOI query the AOI
 * clipped to each half (a half holding none of it is left out).
 * @return the halves; empty when the box is kMinPieceDegrees or less on both sides.
 */
std::vector<SlicePiece> splitByArea(const SlicePiece& piece);

}  // namespace stac2h3::stac
