/** @file ndjson_writer.cpp
 * @brief STAC Item JSON for synthetic items (see ndjson_writer.h).
 */
#include "synth/ndjson_writer.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "geo/antimeridian.h"
#include "synth/scene_model.h"
#include "util/error.h"

namespace stac2h3::synth {
namespace {

constexpr std::string_view kPropertyNames[stac::kNumValues] = {
    "eo:cloud_cover",           "s2:nodata_pixel_percentage",  "s2:snow_ice_percentage",
    "s2:vegetation_percentage", "s2:not_vegetated_percentage", "s2:water_percentage"};

void appendNumber(double value, std::string& out) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void appendInteger(uint64_t value, std::string& out) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

/** Appends "text" quoted; our strings hold no character that needs escaping. */
void appendString(std::string_view text, std::string& out) {
  out += '"';
  out += text;
  out += '"';
}

void appendRing(const geo::Ring& ring, std::string& out) {
  out += '[';
  for (size_t i = 0; i <= ring.size(); ++i) {
    const geo::LonLat& v = ring[i % ring.size()];
    if (i > 0) out += ',';
    out += '[';
    appendNumber(v.lon, out);
    out += ',';
    appendNumber(v.lat, out);
    out += ']';
  }
  out += ']';
}

void appendPolygon(const geo::Polygon& polygon, std::string& out) {
  out += '[';
  appendRing(polygon.outer, out);
  for (const geo::Ring& hole : polygon.holes) {
    out += ',';
    appendRing(hole, out);
  }
  out += ']';
}

/** The STAC bbox (geo::stacBbox). */
void appendBbox(const geo::MultiPolygon& footprint, std::string& out) {
  out += "\"bbox\":[";
  const std::array<double, 4> corners = geo::stacBbox(footprint);
  for (int i = 0; i < 4; ++i) {
    appendNumber(corners[static_cast<size_t>(i)], out);
    out += i == 3 ? "]," : ",";
  }
}

}  // namespace

void appendItemJson(const stac::Item& item, uint64_t seed, std::string& out) {
  out += R"({"type":"Feature","stac_version":"1.0.0","stac_extensions":[)"
         R"("https://stac-extensions.github.io/eo/v1.1.0/schema.json",)"
         R"("https://stac-extensions.github.io/grid/v1.1.0/schema.json",)"
         R"("https://stac-extensions.github.io/mgrs/v1.0.0/schema.json"],"id":)";
  appendString(item.id, out);
  out += ",\"collection\":";
  appendString(item.collection, out);
  out += ',';
  appendBbox(item.footprint, out);
  const bool multi = item.footprint.polygons.size() > 1;
  out += multi ? R"("geometry":{"type":"MultiPolygon","coordinates":[)"
               : R"("geometry":{"type":"Polygon","coordinates":)";
  for (size_t i = 0; i < item.footprint.polygons.size(); ++i) {
    if (i > 0) out += ',';
    appendPolygon(item.footprint.polygons[i], out);
  }
  out += multi ? "]}," : "},";
  out += R"("properties":{"datetime":)";
  appendString(item.datetime, out);
  out += ",\"platform\":";
  appendString(item.platform, out);
  out += R"(,"constellation":"sentinel-2","instruments":["msi"])";
  for (int v = 0; v < stac::kNumValues; ++v) {
    out += ",\"";
    out += kPropertyNames[v];
    out += "\":";
    appendNumber(item.values[static_cast<size_t>(v)], out);
  }
  for (size_t i = 0; i < item.extra.size() && i < kOtherPercentageKeys.size(); ++i) {
    if (const double* value = std::get_if<double>(&item.extra[i])) {
      out += ",\"";
      out += kOtherPercentageKeys[i];
      out += "\":";
      appendNumber(*value, out);
    }
  }
  out += ",\"s2:processing_baseline\":";
  appendString(item.processing_baseline, out);
  out += ",\"grid:code\":";
  appendString("MGRS-" + item.mgrs_tile, out);
  out += ",\"mgrs:utm_zone\":";
  appendInteger(static_cast<uint64_t>(std::stoi(item.mgrs_tile.substr(0, 2))), out);
  out += ",\"mgrs:latitude_band\":";
  appendString(item.mgrs_tile.substr(2, 1), out);
  out += ",\"mgrs:grid_square\":";
  appendString(item.mgrs_tile.substr(3, 2), out);
  out += R"(,"stac2h3:synthetic":true,"stac2h3:seed":)";
  appendInteger(seed, out);
  out += R"json(,"description":"SYNTHETIC item made by stac2h3 synth: a modelled )json"
         R"json(Sentinel-2 acquisition with invented percentages, not real data (see the )json"
         R"json(stac2h3 README, Synthetic items)"},"links":[],"assets":{}})json";
}

NdjsonWriter::NdjsonWriter(const std::filesystem::path& path, uint64_t seed)
    : path_(path), seed_(seed), file_(std::fopen(path.c_str(), "wb")) {
  if (file_ == nullptr) throw Error(path.string() + ": cannot create the NDJSON file");
}

NdjsonWriter::~NdjsonWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

void NdjsonWriter::write(std::span<const stac::Item> items) {
  buffer_.clear();
  for (const stac::Item& item : items) {
    appendItemJson(item, seed_, buffer_);
    buffer_ += '\n';
  }
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    throw Error(path_.string() + ": write failed (disk full?)");
  }
}

void NdjsonWriter::close() {
  std::FILE* file = file_;
  file_ = nullptr;
  if (file != nullptr && std::fclose(file) != 0) {
    throw Error(path_.string() + ": write failed when closing");
  }
}

}  // namespace stac2h3::synth
