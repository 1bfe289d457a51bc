/** @file gpkg_geometry.h
 * @brief GeoPackage geometry blobs (header, XY envelope, little-endian ISO WKB) for
 * footprints, written and read by hand: it is the hot path of items.gpkg I/O and the
 * format is small. decodeGpkgGeometry itself is public in items_gpkg.h.
 */
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "geo/geometry.h"

namespace stac2h3::store {

/** EPSG code written into every blob and into gpkg_geometry_columns. */
inline constexpr int32_t kFootprintSrsId = 4326;

/** Bounds of a blob's geometry. */
struct Envelope {
  double min_x = 0.0, max_x = 0.0, min_y = 0.0, max_y = 0.0;
  bool empty = true;
};

/**
 * Encodes a footprint as a GeoPackage MultiPolygon blob with an XY envelope, rings closed.
 * @param footprint  the polygons (an empty one gives an empty MultiPolygon blob).
 * @param out        receives the blob (cleared first; reuse it to avoid allocations).
 */
void encodeGpkgGeometry(const geo::MultiPolygon& footprint, std::vector<uint8_t>& out);

/**
 * The envelope of a blob: read from its header when it has one, computed from the WKB
 * otherwise.
 * @throws stac2h3::Error when the blob is not a GeoPackage (Multi)Polygon.
 */
Envelope gpkgEnvelope(std::span<const uint8_t> blob);

}  // namespace stac2h3::store
