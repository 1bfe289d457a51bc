/** @file fuzz_gpkg_geometry.cpp
 * @brief Fuzzes GeoPackage geometry blobs as `cells`, `resample` and `simplify` read an
 * items.gpkg (decodeGpkgGeometry, gpkgEnvelope): a bad blob is a stac2h3::Error, and a
 * decoded footprint encodes to a blob that decodes to the same footprint.
 */
#include <vector>

#include "fuzz/fuzz_check.h"
#include "store/gpkg_geometry.h"
#include "store/items_gpkg.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> blob(data, size);
  try {
    (void)stac2h3::store::gpkgEnvelope(blob);
  } catch (const stac2h3::Error&) {
  }
  stac2h3::geo::MultiPolygon footprint;
  try {
    stac2h3::store::decodeGpkgGeometry(blob, footprint);
  } catch (const stac2h3::Error&) {
    return 0;
  }
  std::vector<uint8_t> encoded, again;
  stac2h3::geo::MultiPolygon decoded;
  stac2h3::store::encodeGpkgGeometry(footprint, encoded);
  stac2h3::store::decodeGpkgGeometry(encoded, decoded);
  stac2h3::store::encodeGpkgGeometry(decoded, again);
  FUZZ_CHECK(encoded == again);
  (void)stac2h3::store::gpkgEnvelope(encoded);  // our own blob: never refused
  return 0;
}
