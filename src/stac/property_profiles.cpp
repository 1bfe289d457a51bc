/** @file property_profiles.cpp
 * @brief Property names per source API, mapped onto stac::Item in one pass.
 *
 * Each Item field has candidate keys in order of preference (first = most specific). The
 * pass over `properties` records where each candidate is; then, per field, the first
 * candidate present wins. Sources (see the README's items table):
 * - Earth Search v1: `s2:*_percentage`, `s2:processing_baseline`, `grid:code` "MGRS-5CNL",
 *   `mgrs:utm_zone` (integer) + `mgrs:latitude_band` + `mgrs:grid_square`;
 * - Earth Search v0 / legacy: `sentinel:utm_zone` (integer) + `sentinel:latitude_band` +
 *   `sentinel:grid_square`, `sentinel2:*_percentage`, `sentinel:processing_baseline`;
 * - Planetary Computer: `s2:mgrs_tile` "33XXG", `platform` "Sentinel-2A";
 * - Copernicus Data Space: `statistics{nodata,vegetation,not_vegetated,water}`,
 *   `eo:snow_cover`, `processing:version`, `grid:code`;
 * - fallbacks from the product id (`S2A_MSIL2A_..._N0509_..._T33SVB_...`,
 *   `S2A_12JXQ_20201107_0_L2A`) when a source has nothing else.
 */
#include "stac/property_profiles.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <unordered_map>

#include "stac/item_parser.h"

namespace stac2h3::stac {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

/** Where candidate keys are recorded during the pass. */
enum Slot : int {
  kPlatform,
  kEoPlatform,
  kGridCode,
  kS2MgrsTile,
  kMgrsZone,
  kMgrsBand,
  kMgrsSquare,
  kSentinelZone,
  kSentinelBand,
  kSentinelSquare,
  kS2Tile,
  kSentinelProductId,
  kS2ProductUri,
  kS2GranuleId,
  kS2Baseline,
  kSentinel2Baseline,
  kSentinelBaseline,
  kProcessingVersion,
  kPlainBaseline,
  kStatistics,
  kEoSnowCover,
  kValueS2First,  // then kNumValues slots for s2:*, then kNumValues for sentinel2:*
  kNumSlots = kValueS2First + 2 * kNumValues,
};

/** The CDSE `statistics` member of each Value ("" when it has none). */
constexpr std::array<std::string_view, kNumValues> kStatisticsKey = {
    "", "nodata", "", "vegetation", "not_vegetated", "water"};

constexpr int s2Slot(Value v) {
  return kValueS2First + static_cast<int>(v);
}
constexpr int sentinel2Slot(Value v) {
  return kValueS2First + kNumValues + static_cast<int>(v);
}

const std::unordered_map<std::string_view, int>& slotOfKey() {
  static const std::unordered_map<std::string_view, int> map = {
      {"platform", kPlatform},
      {"eo:platform", kEoPlatform},
      {"grid:code", kGridCode},
      {"s2:mgrs_tile", kS2MgrsTile},
      {"mgrs:utm_zone", kMgrsZone},
      {"mgrs:latitude_band", kMgrsBand},
      {"mgrs:grid_square", kMgrsSquare},
      {"sentinel:utm_zone", kSentinelZone},
      {"sentinel:latitude_band", kSentinelBand},
      {"sentinel:grid_square", kSentinelSquare},
      {"s2:tile", kS2Tile},
      {"sentinel:product_id", kSentinelProductId},
      {"s2:product_uri", kS2ProductUri},
      {"s2:granule_id", kS2GranuleId},
      {"s2:processing_baseline", kS2Baseline},
      {"sentinel2:processing_baseline", kSentinel2Baseline},
      {"sentinel:processing_baseline", kSentinelBaseline},
      {"processing:version", kProcessingVersion},
      {"processing_baseline", kPlainBaseline},
      {"statistics", kStatistics},
      {"eo:snow_cover", kEoSnowCover},
      {"eo:cloud_cover", s2Slot(Value::kCloudCover)},
      {"s2:nodata_pixel_percentage", s2Slot(Value::kNodata)},
      {"s2:snow_ice_percentage", s2Slot(Value::kSnowIce)},
      {"s2:vegetation_percentage", s2Slot(Value::kVegetation)},
      {"s2:not_vegetated_percentage", s2Slot(Value::kNotVegetated)},
      {"s2:water_percentage", s2Slot(Value::kWater)},
      {"sentinel2:nodata_pixel_percentage", sentinel2Slot(Value::kNodata)},
      {"sentinel2:snow_ice_percentage", sentinel2Slot(Value::kSnowIce)},
      {"sentinel2:vegetation_percentage", sentinel2Slot(Value::kVegetation)},
      {"sentinel2:not_vegetated_percentage", sentinel2Slot(Value::kNotVegetated)},
      {"sentinel2:water_percentage", sentinel2Slot(Value::kWater)},
  };
  return map;
}

std::optional<std::string_view> stringOf(element e) {
  std::string_view s;
  if (e.get_string().get(s)) return std::nullopt;
  return s;
}

double numberOf(element e) {
  double d = 0.0;
  if (e.get_double().get(d)) return kMissing;
  return d;
}

/** A UTM zone given as integer (5) or text ("5", "05") as two digits; "" when invalid. */
std::string zoneOf(element e) {
  int64_t zone = 0;
  if (auto text = stringOf(e)) {
    if (text->empty() || text->size() > 2) return "";
    zone = 0;
    for (char c : *text) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return "";
      zone = zone * 10 + (c - '0');
    }
  } else if (e.get_int64().get(zone)) {
    return "";
  }
  if (zone < 1 || zone > 60) return "";
  return (zone < 10 ? "0" : "") + std::to_string(zone);
}

/** MGRS tile from zone + band + square keys, "" when incomplete. */
std::string tileFromParts(const std::array<element, kNumSlots>& found,
                          const std::array<bool, kNumSlots>& has, int zone, int band, int square) {
  if (!has[zone] || !has[band] || !has[square]) return "";
  const auto band_text = stringOf(found[band]);
  const auto square_text = stringOf(found[square]);
  if (!band_text || !square_text) return "";
  return normalizeMgrsTile(zoneOf(found[zone]) + std::string(*band_text) +
                           std::string(*square_text));
}

bool isTileAt(std::string_view s, size_t at) {
  auto digit = [&](size_t i) { return std::isdigit(static_cast<unsigned char>(s[i])) != 0; };
  auto upper = [&](size_t i) { return std::isupper(static_cast<unsigned char>(s[i])) != 0; };
  return at + 5 <= s.size() && digit(at) && digit(at + 1) && upper(at + 2) && upper(at + 3) &&
         upper(at + 4);
}

/** The tile a Sentinel-2 product, granule or Earth Search id names: "_T33SVB_" / "_T33SVB."
 * or the Earth Search form "S2A_12JXQ_..." / "S2B_T24MVV_..."; "" when none. */
std::string tileFromProductName(std::string_view name) {
  for (size_t at = name.find("_T"); at != std::string_view::npos; at = name.find("_T", at + 1)) {
    const size_t end = at + 7;
    if (isTileAt(name, at + 2) && (end == name.size() || name[end] == '_' || name[end] == '.')) {
      return std::string(name.substr(at + 2, 5));
    }
  }
  if (name.size() > 5 && name.substr(0, 2) == "S2" && name[3] == '_') {
    const size_t start = name[4] == 'T' ? 5 : 4;
    const size_t underscore = name.find('_', start);
    if (underscore != std::string_view::npos) {
      return normalizeMgrsTile(name.substr(start, underscore - start));
    }
  }
  return "";
}

/** The baseline a product name encodes ("_N0509_" or "_N05.09" -> "05.09"); "" when none. */
std::string baselineFromProductName(std::string_view name) {
  auto digit = [&](size_t i) { return std::isdigit(static_cast<unsigned char>(name[i])) != 0; };
  for (size_t at = name.find("_N"); at != std::string_view::npos; at = name.find("_N", at + 1)) {
    const size_t d = at + 2;
    if (d + 5 <= name.size() && digit(d) && digit(d + 1) && name[d + 2] == '.' && digit(d + 3) &&
        digit(d + 4)) {
      return std::string(name.substr(d, 5));
    }
    if (d + 4 <= name.size() && digit(d) && digit(d + 1) && digit(d + 2) && digit(d + 3) &&
        (d + 4 == name.size() || name[d + 4] == '_' || name[d + 4] == '.')) {
      return std::string(name.substr(d, 2)) + "." + std::string(name.substr(d + 2, 2));
    }
  }
  return "";
}

/** "sentinel-2a" from an id starting "S2A_"; "" otherwise. */
std::string platformFromProductName(std::string_view name) {
  if (name.size() < 4 || name.substr(0, 2) != "S2" || name[3] != '_') return "";
  const char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(name[2])));
  if (unit < 'a' || unit > 'd') return "";
  return std::string("sentinel-2") + unit;
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/** An extra property: numbers as numbers, strings as they are, anything else (booleans,
 * objects, arrays) as compact JSON text. */
PropertyValue extraValue(element e) {
  if (e.is_null()) return std::monostate{};
  if (e.is_number()) return numberOf(e);
  if (auto s = stringOf(e)) return std::string(*s);
  return simdjson::minify(e);
}

}  // namespace

std::string normalizeMgrsTile(std::string_view code) {
  if (code.substr(0, 5) == "MGRS-") code.remove_prefix(5);
  if (!code.empty() && (code[0] == 'T' || code[0] == 't')) code.remove_prefix(1);
  std::string tile;
  for (char c : code) tile += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (tile.size() == 4) tile.insert(0, "0");
  if (!isTileAt(tile, 0) || tile.size() != 5) return "";
  const int zone = (tile[0] - '0') * 10 + (tile[1] - '0');
  if (zone < 1 || zone > 60) return "";
  return tile;
}

std::vector<std::string_view> profilePropertyKeys() {
  std::vector<std::string_view> keys;
  for (const auto& [key, slot] : slotOfKey()) keys.push_back(key);
  // Sorted, so a search body is the same from run to run.
  std::sort(keys.begin(), keys.end());
  keys.insert(keys.begin(), kDatetimeKeys.begin(), kDatetimeKeys.end());
  return keys;
}

PropertyProfiles::PropertyProfiles(const std::vector<std::string>& extra_properties)
    : extra_keys_(extra_properties) {}

void PropertyProfiles::apply(object item_object, object properties, Item& item) {
  std::array<element, kNumSlots> found{};
  std::array<bool, kNumSlots> has{};
  const auto& slots = slotOfKey();
  for (auto field : properties) {
    const auto it = slots.find(field.key);
    if (it == slots.end()) continue;
    found[it->second] = field.value;
    has[it->second] = true;
  }
  auto text = [&](int slot) -> std::string_view {
    if (!has[slot]) return {};
    return stringOf(found[slot]).value_or(std::string_view{});
  };

  // Platform: lower case; from the id when absent.
  std::string_view platform = text(kPlatform);
  if (platform.empty()) platform = text(kEoPlatform);
  item.platform = lowercase(platform);
  // "sentinel-2" (the constellation, as some Earth Search v0 items say) or nothing: the
  // product id names the unit.
  if (item.platform.empty() || item.platform == "sentinel-2") {
    const std::string unit = platformFromProductName(item.id);
    if (!unit.empty()) item.platform = unit;
  }

  // Tile: the most explicit key first, then the names that encode it.
  item.mgrs_tile.clear();
  for (int slot : {kGridCode, kS2MgrsTile, kS2Tile}) {
    if (item.mgrs_tile.empty() && !text(slot).empty())
      item.mgrs_tile = normalizeMgrsTile(text(slot));
  }
  if (item.mgrs_tile.empty()) {
    item.mgrs_tile = tileFromParts(found, has, kMgrsZone, kMgrsBand, kMgrsSquare);
  }
  if (item.mgrs_tile.empty()) {
    item.mgrs_tile = tileFromParts(found, has, kSentinelZone, kSentinelBand, kSentinelSquare);
  }
  for (std::string_view name : {std::string_view(item.id), text(kSentinelProductId),
                                text(kS2ProductUri), text(kS2GranuleId)}) {
    if (item.mgrs_tile.empty() && !name.empty()) item.mgrs_tile = tileFromProductName(name);
  }

  // Processing baseline.
  item.processing_baseline.clear();
  for (int slot :
       {kS2Baseline, kSentinel2Baseline, kProcessingVersion, kSentinelBaseline, kPlainBaseline}) {
    if (item.processing_baseline.empty()) item.processing_baseline = std::string(text(slot));
  }
  for (std::string_view name : {text(kSentinelProductId), text(kS2ProductUri),
                                std::string_view(item.id), text(kS2GranuleId)}) {
    if (item.processing_baseline.empty() && !name.empty()) {
      item.processing_baseline = baselineFromProductName(name);
    }
  }

  // Percentages: s2:*, then sentinel2:*, then CDSE's statistics / eo:snow_cover.
  object statistics;
  const bool has_statistics = has[kStatistics] && !found[kStatistics].get_object().get(statistics);
  for (int v = 0; v < kNumValues; ++v) {
    double value = kMissing;
    if (has[kValueS2First + v]) {
      value = numberOf(found[kValueS2First + v]);
    } else if (v > 0 && has[kValueS2First + kNumValues + v]) {
      value = numberOf(found[kValueS2First + kNumValues + v]);
    } else if (v == static_cast<int>(Value::kSnowIce) && has[kEoSnowCover]) {
      value = numberOf(found[kEoSnowCover]);
    } else if (has_statistics && !kStatisticsKey[v].empty()) {
      element member;
      if (!statistics[kStatisticsKey[v]].get(member)) value = numberOf(member);
    }
    item.values[v] = value;
  }

  // Extra properties: `properties` first, then the item's top level.
  item.extra.resize(extra_keys_.size());
  for (size_t i = 0; i < extra_keys_.size(); ++i) {
    element e;
    if (!properties[extra_keys_[i]].get(e) || !item_object[extra_keys_[i]].get(e)) {
      item.extra[i] = extraValue(e);
    } else {
      item.extra[i] = std::monostate{};
    }
  }
}

}  // namespace stac2h3::stac
