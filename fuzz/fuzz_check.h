/** @file fuzz_check.h
 * @brief What the fuzz targets assert beyond "no crash": FUZZ_CHECK aborts with the broken
 * invariant (a finding), and checkItems holds every parsed item to the promises the rest of
 * stac2h3 relies on.
 */
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "stac/item_parser.h"

/** Aborts (a libFuzzer finding) when `condition` is false. */
#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (0)

namespace stac2h3::fuzz {

/**
 * Checks the items and skip reasons of a parsed page: ids present, footprints that survive
 * a GeoPackage round trip byte for byte, normalised tile codes, one-line skip reasons; and
 * runs the downstream readers of an item (footprint validity, the datetime parser) on it.
 */
void checkItems(const stac::Page& page);

/** The fuzz input as text. */
inline std::string_view asText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace stac2h3::fuzz
