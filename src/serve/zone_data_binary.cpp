/** @file zone_data_binary.cpp
 * @brief Packs zone data and its cells' polygons (from plot's page geometry) into one
 * buffer.
 */
#include "serve/zone_data_binary.h"

#include <bit>
#include <cstring>

#include "plot/page_geometry.h"

namespace stac2h3::serve {

namespace {

static_assert(std::endian::native == std::endian::little, "the viewer reads little-endian");

constexpr char kMagic[4] = {'H', '3', 'Z', '1'};

template <typename T>
void append(std::string& out, const T* values, size_t count) {
  out.append(reinterpret_cast<const char*>(values), count * sizeof(T));
}

template <typename T>
void append(std::string& out, T value) {
  append(out, &value, 1);
}

}  // namespace

std::string zoneDataBinary(const ZoneData& data) {
  const plot::FlatLonLat polygons = plot::cellPolygons(data.cells);
  const size_t n = data.cells.size();
  std::string out;
  out.reserve(24 + n * (8 + 4 * data.values.size() + 4 + 1) + polygons.lonlat.size() * 4 + 4);
  out.append(kMagic, sizeof kMagic);
  append(out, static_cast<uint32_t>(n));
  append(out, static_cast<uint32_t>(data.values.size()));
  append(out, static_cast<uint32_t>(data.request->level->resolution));
  append(out, static_cast<float>(polygons.lift_m));
  append(out, static_cast<uint32_t>(polygons.lonlat.size() / 2));
  append(out, data.cells.data(), n);
  for (const auto& values : data.values) append(out, values.data(), values.size());
  append(out, data.n_items.data(), data.n_items.size());
  for (const uint32_t count : polygons.counts) append(out, static_cast<uint8_t>(count));
  out.append((4 - n % 4) % 4, '\0');
  append(out, polygons.lonlat.data(), polygons.lonlat.size());
  return out;
}

}  // namespace stac2h3::serve
