/** @file collection_documents.h
 * @brief The JSON documents that describe the served cube: the collection (variables, time
 * extent, levels, source query), its DGGS list and the H3 DGGS with its levels.
 */
#pragma once

#include <string>

#include "serve/cube_levels.h"

namespace stac2h3::serve {

/** GET /collections/cube */
std::string collectionJson(const CubeLevels& cube);
/** GET /collections/cube/dggs */
std::string dggsListJson();
/** GET /collections/cube/dggs/H3 */
std::string h3DggsJson(const CubeLevels& cube);

}  // namespace stac2h3::serve
