/** @file zone_data_binary.h
 * @brief Zone data in the viewer's compact binary (f=bin), little-endian, ready for typed
 * arrays and deck.gl's binary attributes:
 *
 * | offset | type | content |
 * | --- | --- | --- |
 * | 0 | 4 bytes | magic "H3Z1" |
 * | 4 | uint32 | N cells |
 * | 8 | uint32 | P properties (the request's order) |
 * | 12 | uint32 | level |
 * | 16 | float32 | lift (m) of the polygons above the sphere (see plot/page_geometry.h) |
 * | 20 | uint32 | V polygon vertices |
 * | 24 | N × uint64 | cell ids, sorted |
 * | ... | P × N × float32 | values per property, NaN for none |
 * | ... | N × uint32 | n_items summed over the window |
 * | ... | N × uint8, zero-padded to 4 bytes | vertices of each cell's polygon |
 * | ... | V × 2 × float32 | polygon vertices, lon lat in degrees, cell after cell |
 */
#pragma once

#include <string>

#include "serve/zone_data.h"

namespace stac2h3::serve {

/** The binary document of `data` (layout above). */
std::string zoneDataBinary(const ZoneData& data);

}  // namespace stac2h3::serve
