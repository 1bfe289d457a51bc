/** @file antimeridian_support.h
 * @brief Test helpers for lon/lat shapes: planar areas and bounds, and reading an item's
 * footprint from the real NDJSON files.
 */
#pragma once

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "geo/geometry.h"
#include "stac/item_parser.h"

namespace stac2h3::test {

/** Planar shoelace area in square degrees (holes subtracted). */
inline double planarArea(const geo::Ring& ring) {
  double sum = 0.0;
  for (size_t i = 0; i < ring.size(); ++i) {
    const auto& a = ring[i];
    const auto& b = ring[(i + 1) % ring.size()];
    sum += a.lon * b.lat - b.lon * a.lat;
  }
  return std::fabs(sum) / 2.0;
}

inline double planarArea(const geo::MultiPolygon& shape) {
  double area = 0.0;
  for (const auto& polygon : shape.polygons) {
    area += planarArea(polygon.outer);
    for (const auto& hole : polygon.holes) area -= planarArea(hole);
  }
  return area;
}

struct Bounds {
  double min_lon = 1e9, max_lon = -1e9, min_lat = 1e9, max_lat = -1e9;
};

inline Bounds bounds(const geo::Polygon& polygon) {
  Bounds b;
  for (const auto& v : polygon.outer) {
    b.min_lon = std::fmin(b.min_lon, v.lon);
    b.max_lon = std::fmax(b.max_lon, v.lon);
    b.min_lat = std::fmin(b.min_lat, v.lat);
    b.max_lat = std::fmax(b.max_lat, v.lat);
  }
  return b;
}

/** The parsed item on line `line` (1-based) of a real NDJSON file. */
inline stac::Item itemOnLine(const std::filesystem::path& path, int line) {
  std::ifstream in(path);
  std::string text;
  for (int i = 0; i < line; ++i) std::getline(in, text);
  stac::ItemParser parser;
  stac::Page page;
  parser.parseItem(text, path.string() + ":" + std::to_string(line), page);
  if (page.items.empty()) return {};
  return page.items[0];
}

}  // namespace stac2h3::test
