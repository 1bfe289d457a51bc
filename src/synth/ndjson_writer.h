/** @file ndjson_writer.h
 * @brief Writing synthetic items as STAC Item JSON, one per line (NDJSON), in the shape of
 * Earth Search's sentinel-2-l2a items, so `stac2h3 import` and other STAC tools read them.
 *
 * Hand-written rather than through a JSON library: the output is fixed and flat, and
 * formatting numbers with std::to_chars into one reused buffer writes ~1 M items a minute
 * less than a DOM would (numbers are the shortest text that reads back to the same double).
 */
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <span>
#include <string>

#include "stac/item.h"

namespace stac2h3::synth {

/**
 * Appends one item as a single-line STAC Item (no newline) to `out`: type, stac_version,
 * stac_extensions, id, collection, bbox, geometry (Polygon, or MultiPolygon when split at
 * ±180; rings closed), properties (datetime, platform, constellation, instruments,
 * eo:cloud_cover, the s2:*_percentage values (the six, then Item::extra under
 * kOtherPercentageKeys, as synth makes them), s2:processing_baseline, grid:code, mgrs:*,
 * "stac2h3:synthetic": true, stac2h3:seed and a description saying the item is synthetic),
 * links and assets (none: there is no image behind a synthetic item).
 * @param item  a synthetic item (mgrs_tile set, footprint not empty).
 * @param seed  the seed it was generated with.
 * @param out   the buffer to append to.
 */
void appendItemJson(const stac::Item& item, uint64_t seed, std::string& out);

/** Writes items to an NDJSON file, one line each. */
class NdjsonWriter {
 public:
  /**
   * Creates (or truncates) the file.
   * @throws stac2h3::Error when it cannot be created.
   */
  NdjsonWriter(const std::filesystem::path& path, uint64_t seed);
  ~NdjsonWriter();
  NdjsonWriter(const NdjsonWriter&) = delete;
  NdjsonWriter& operator=(const NdjsonWriter&) = delete;

  /** Appends the items. @throws stac2h3::Error on a write error. */
  void write(std::span<const stac::Item> items);
  /** Flushes and closes the file. @throws stac2h3::Error on a write error. */
  void close();

 private:
  std::filesystem::path path_;
  uint64_t seed_;
  std::FILE* file_;
  std::string buffer_;
};

}  // namespace stac2h3::synth
