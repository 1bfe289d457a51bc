/** @file gpkg_geometry.cpp
 * @brief GeoPackage geometry blob encoding and decoding (GeoPackage 1.3 §2.1.3, ISO WKB).
 */
#include "store/gpkg_geometry.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <string>

#include "store/items_gpkg.h"
#include "util/error.h"

namespace stac2h3::store {
namespace {

static_assert(std::endian::native == std::endian::little,
              "blobs are written little-endian by memcpy");

constexpr uint32_t kWkbPolygon = 3;
constexpr uint32_t kWkbMultiPolygon = 6;
// Header flags: bit 0 little-endian, bits 1-3 envelope kind (1 = XY), bit 4 empty.
constexpr uint8_t kFlagLittleEndian = 0x01;
constexpr uint8_t kFlagEnvelopeXY = 0x02;
constexpr uint8_t kFlagEmpty = 0x10;

template <typename T>
void put(std::vector<uint8_t>& out, T value) {
  const size_t at = out.size();
  out.resize(at + sizeof(T));
  std::memcpy(out.data() + at, &value, sizeof(T));
}

/** The ring closed (first vertex repeated); an empty ring stays empty (a decoded blob may
 * hold one: a polygon without rings, or a ring of no points). */
void putRing(std::vector<uint8_t>& out, const geo::Ring& ring) {
  if (ring.empty()) {
    put<uint32_t>(out, 0);
    return;
  }
  put<uint32_t>(out, static_cast<uint32_t>(ring.size() + 1));
  for (size_t i = 0; i <= ring.size(); ++i) {
    const geo::LonLat& v = ring[i % ring.size()];
    put(out, v.lon);
    put(out, v.lat);
  }
}

/** Reads WKB with bounds checks and either byte order. */
class WkbReader {
 public:
  explicit WkbReader(std::span<const uint8_t> data) : data_(data) {}

  uint8_t byte() {
    need(1);
    return data_[at_++];
  }
  uint32_t u32(bool little) {
    need(4);
    uint32_t v = 0;
    std::memcpy(&v, data_.data() + at_, 4);
    at_ += 4;
    return little ? v : __builtin_bswap32(v);
  }
  double f64(bool little) {
    need(8);
    uint64_t bits = 0;
    std::memcpy(&bits, data_.data() + at_, 8);
    at_ += 8;
    return std::bit_cast<double>(little ? bits : __builtin_bswap64(bits));
  }
  void skip(size_t bytes) {
    need(bytes);
    at_ += bytes;
  }
  size_t remaining() const { return data_.size() - at_; }

 private:
  void need(size_t bytes) const {
    if (data_.size() - at_ < bytes) throw Error("geometry blob is truncated");
  }
  std::span<const uint8_t> data_;
  size_t at_ = 0;
};

struct WkbType {
  uint32_t base = 0;
  int extra_dims = 0;  // Z and/or M ordinates to skip
};

WkbType readType(WkbReader& reader, bool little) {
  uint32_t code = reader.u32(little);
  WkbType type;
  // EWKB flags (Z 0x80000000, M 0x40000000) and ISO codes (1000s Z, 2000s M, 3000s ZM).
  if (code & 0x80000000u) ++type.extra_dims;
  if (code & 0x40000000u) ++type.extra_dims;
  code &= 0x0fffffffu;
  const uint32_t iso = code / 1000;
  type.extra_dims += iso == 3 ? 2 : (iso == 1 || iso == 2 ? 1 : 0);
  type.base = code % 1000;
  return type;
}

/** Whether two vertices are the same numbers bit for bit: a closing vertex repeats the
 * first one's bytes, and `==` would keep a NaN vertex's closing copy (so each round trip
 * through encodeGpkgGeometry would add a vertex). */
bool sameBits(const geo::LonLat& a, const geo::LonLat& b) {
  return std::bit_cast<uint64_t>(a.lon) == std::bit_cast<uint64_t>(b.lon) &&
         std::bit_cast<uint64_t>(a.lat) == std::bit_cast<uint64_t>(b.lat);
}

void readPolygonBody(WkbReader& reader, bool little, int extra_dims, geo::Polygon& polygon) {
  const uint32_t rings = reader.u32(little);
  if (rings > reader.remaining() / 4) throw Error("geometry blob has an impossible ring count");
  polygon.outer.clear();
  polygon.holes.clear();
  for (uint32_t r = 0; r < rings; ++r) {
    const uint32_t points = reader.u32(little);
    const size_t point_bytes = 8u * static_cast<size_t>(2 + extra_dims);
    if (points > reader.remaining() / point_bytes) {
      throw Error("geometry blob has an impossible point count");
    }
    geo::Ring& ring = r == 0 ? polygon.outer : polygon.holes.emplace_back();
    ring.resize(points);
    for (uint32_t p = 0; p < points; ++p) {
      ring[p].lon = reader.f64(little);
      ring[p].lat = reader.f64(little);
      reader.skip(8u * static_cast<size_t>(extra_dims));
    }
    if (ring.size() > 1 && sameBits(ring.front(), ring.back())) ring.pop_back();
  }
}

/** Skips the GeoPackage header; returns the WKB and fills `envelope` when the header has
 * an XY envelope. */
std::span<const uint8_t> wkbOf(std::span<const uint8_t> blob, Envelope* envelope) {
  if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P') {
    throw Error("not a GeoPackage geometry blob");
  }
  const uint8_t flags = blob[3];
  const int kind = (flags >> 1) & 0x07;
  static constexpr size_t kEnvelopeBytes[] = {0, 32, 48, 48, 64};
  if (kind > 4) throw Error("geometry blob has an invalid envelope kind");
  const size_t header = 8 + kEnvelopeBytes[kind];
  if (blob.size() < header) throw Error("geometry blob is truncated");
  if (envelope && kind != 0) {
    WkbReader reader(blob.subspan(8, 32));
    const bool little = (flags & kFlagLittleEndian) != 0;
    envelope->min_x = reader.f64(little);
    envelope->max_x = reader.f64(little);
    envelope->min_y = reader.f64(little);
    envelope->max_y = reader.f64(little);
    envelope->empty = (flags & kFlagEmpty) != 0;
  }
  return blob.subspan(header);
}

}  // namespace

void encodeGpkgGeometry(const geo::MultiPolygon& footprint, std::vector<uint8_t>& out) {
  out.clear();
  double min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY, max_y = -INFINITY;
  for (const geo::Polygon& polygon : footprint.polygons) {
    for (const geo::LonLat& v : polygon.outer) {
      min_x = std::min(min_x, v.lon);
      max_x = std::max(max_x, v.lon);
      min_y = std::min(min_y, v.lat);
      max_y = std::max(max_y, v.lat);
    }
  }
  const bool empty = footprint.polygons.empty();
  out.push_back('G');
  out.push_back('P');
  out.push_back(0);  // version 1
  out.push_back(static_cast<uint8_t>(kFlagLittleEndian | (empty ? kFlagEmpty : kFlagEnvelopeXY)));
  put<int32_t>(out, kFootprintSrsId);
  if (!empty) {
    put(out, min_x);
    put(out, max_x);
    put(out, min_y);
    put(out, max_y);
  }
  out.push_back(1);  // little-endian WKB
  put<uint32_t>(out, kWkbMultiPolygon);
  put<uint32_t>(out, static_cast<uint32_t>(footprint.polygons.size()));
  for (const geo::Polygon& polygon : footprint.polygons) {
    out.push_back(1);
    put<uint32_t>(out, kWkbPolygon);
    put<uint32_t>(out, static_cast<uint32_t>(1 + polygon.holes.size()));
    putRing(out, polygon.outer);
    for (const geo::Ring& hole : polygon.holes) putRing(out, hole);
  }
}

void decodeGpkgGeometry(std::span<const uint8_t> blob, geo::MultiPolygon& out) {
  WkbReader reader(wkbOf(blob, nullptr));
  const bool little = reader.byte() == 1;
  const WkbType type = readType(reader, little);
  if (type.base == kWkbPolygon) {
    out.polygons.resize(1);
    readPolygonBody(reader, little, type.extra_dims, out.polygons[0]);
    return;
  }
  if (type.base != kWkbMultiPolygon) throw Error("geometry is not a Polygon or MultiPolygon");
  const uint32_t count = reader.u32(little);
  if (count > reader.remaining() / 9) throw Error("geometry blob has an impossible part count");
  out.polygons.resize(count);
  for (geo::Polygon& polygon : out.polygons) {
    const bool part_little = reader.byte() == 1;
    const WkbType part = readType(reader, part_little);
    if (part.base != kWkbPolygon) throw Error("a MultiPolygon part is not a Polygon");
    readPolygonBody(reader, part_little, part.extra_dims, polygon);
  }
}

Envelope gpkgEnvelope(std::span<const uint8_t> blob) {
  Envelope envelope;
  wkbOf(blob, &envelope);
  if (blob.size() >= 4 && (blob[3] & 0x0e) != 0) return envelope;
  geo::MultiPolygon shape;
  decodeGpkgGeometry(blob, shape);
  envelope = {INFINITY, -INFINITY, INFINITY, -INFINITY, true};
  for (const geo::Polygon& polygon : shape.polygons) {
    for (const geo::LonLat& v : polygon.outer) {
      envelope.min_x = std::min(envelope.min_x, v.lon);
      envelope.max_x = std::max(envelope.max_x, v.lon);
      envelope.min_y = std::min(envelope.min_y, v.lat);
      envelope.max_y = std::max(envelope.max_y, v.lat);
      envelope.empty = false;
    }
  }
  return envelope;
}

}  // namespace stac2h3::store
