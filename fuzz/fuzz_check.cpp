/** @file fuzz_check.cpp
 * @brief Item invariants shared by the STAC fuzz targets (see fuzz_check.h).
 */
#include "fuzz/fuzz_check.h"

#include <cstring>
#include <vector>

#include "geo/footprint_validity.h"
#include "stac/utc_time.h"
#include "store/gpkg_geometry.h"
#include "store/items_gpkg.h"

namespace stac2h3::fuzz {

void checkItems(const stac::Page& page) {
  FUZZ_CHECK(page.features >= static_cast<int64_t>(page.items.size()));
  for (const std::string& reason : page.skipped) {
    FUZZ_CHECK(!reason.empty());
  }
  std::vector<uint8_t> blob, again;
  geo::MultiPolygon decoded;
  for (const stac::Item& item : page.items) {
    FUZZ_CHECK(!item.id.empty());
    FUZZ_CHECK(!item.footprint.empty());
    FUZZ_CHECK(item.mgrs_tile.empty() || item.mgrs_tile.size() == 5);
    // items.gpkg stores the footprint as a blob: it must read back as written.
    store::encodeGpkgGeometry(item.footprint, blob);
    store::decodeGpkgGeometry(blob, decoded);
    store::encodeGpkgGeometry(decoded, again);
    FUZZ_CHECK(blob == again);
    // What resample does with an item: check its footprint, read its time.
    std::string reason;
    if (!geo::isValidFootprint(item.footprint, &reason)) FUZZ_CHECK(!reason.empty());
    (void)stac::parseUtcMicros(item.datetime);
  }
}

}  // namespace stac2h3::fuzz
