/** @file mgrs.cpp
 * @brief MGRS latitude bands, zone limits and 100 km square letters (see mgrs.h).
 */
#include "synth/mgrs.h"

#include <cmath>
#include <cstdio>

#include "util/error.h"

namespace stac2h3::synth {
namespace {

/** Column letters of the three zone sets (zones 1, 4, ...; 2, 5, ...; 3, 6, ...). */
constexpr std::string_view kColumnSets[3] = {"ABCDEFGH", "JKLMNPQR", "STUVWXYZ"};
/** Row letters, repeating every 2,000 km of northing. */
constexpr std::string_view kRowLetters = "ABCDEFGHJKLMNPQRSTUV";

}  // namespace

char latitudeBand(double lat_deg) {
  if (lat_deg >= 72.0) return 'X';
  const int index = static_cast<int>(std::floor((lat_deg + 80.0) / 8.0));
  if (index < 0) return 'C';
  return kLatitudeBands[static_cast<size_t>(index)];
}

std::pair<double, double> bandLatitudes(char band) {
  const size_t index = kLatitudeBands.find(band);
  if (index == std::string_view::npos) {
    throw InputError(std::string("not an MGRS latitude band: '") + band + "'");
  }
  const double south = -80.0 + 8.0 * static_cast<double>(index);
  return {south, band == 'X' ? 84.0 : south + 8.0};
}

std::optional<std::pair<double, double>> zoneLongitudes(int zone, char band) {
  double west = -180.0 + 6.0 * (zone - 1);
  double east = west + 6.0;
  if (band == 'V' && zone == 31) east = 3.0;
  if (band == 'V' && zone == 32) west = 3.0;
  if (band == 'X') {
    switch (zone) {
      case 32:
      case 34:
      case 36:
        return std::nullopt;
      case 31:
        east = 9.0;
        break;
      case 33:
        west = 9.0;
        east = 21.0;
        break;
      case 35:
        west = 21.0;
        east = 33.0;
        break;
      case 37:
        west = 33.0;
        break;
      default:
        break;
    }
  }
  return std::make_pair(west, east);
}

std::string squareLetters(int zone, double easting, double northing) {
  const int column = static_cast<int>(std::floor(easting / 100000.0));
  if (zone < 1 || zone > 60 || column < 1 || column > 8) {
    throw InputError("no MGRS 100 km square for zone " + std::to_string(zone) + " easting " +
                     std::to_string(easting));
  }
  const int row_offset = zone % 2 == 0 ? 5 : 0;
  const int row = static_cast<int>(std::floor(northing / 100000.0)) + row_offset;
  const int row_index = ((row % 20) + 20) % 20;
  std::string letters;
  letters += kColumnSets[(zone - 1) % 3][static_cast<size_t>(column - 1)];
  letters += kRowLetters[static_cast<size_t>(row_index)];
  return letters;
}

std::string tileName(int zone, char band, std::string_view square) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d%c", zone, band);
  return std::string(buffer) + std::string(square);
}

}  // namespace stac2h3::synth
