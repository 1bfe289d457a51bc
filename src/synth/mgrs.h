/** @file mgrs.h
 * @brief MGRS naming for the Sentinel-2 tiling grid: latitude bands, UTM zone limits (with
 * the Norway and Svalbard exceptions) and 100 km square letters (the "AA" lettering scheme
 * that WGS 84 MGRS uses).
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace stac2h3::synth {

/** The 20 latitude band letters, south to north: C (80°S-72°S) ... X (72°N-84°N). */
inline constexpr std::string_view kLatitudeBands = "CDEFGHJKLMNPQRSTUVWX";

/**
 * The latitude band holding `lat_deg`.
 * @param lat_deg  latitude in degrees; below 80°S counts as C and above 84°N as X, as the
 *                 Sentinel-2 grid extends those bands towards the poles.
 * @return the band letter.
 */
char latitudeBand(double lat_deg);

/**
 * A band's latitude limits.
 * @param band  a letter of kLatitudeBands.
 * @return {south, north} in degrees (X spans 72°N-84°N).
 * @throws stac2h3::InputError for a letter that is not a band.
 */
std::pair<double, double> bandLatitudes(char band);

/**
 * The longitude limits of a grid zone (zone and band), with the exceptions of 31V/32V
 * (Norway) and 31X-37X (Svalbard).
 * @param zone  UTM zone 1-60.
 * @param band  a letter of kLatitudeBands.
 * @return {west, east} in degrees, or nullopt for 32X, 34X and 36X, which do not exist.
 */
std::optional<std::pair<double, double>> zoneLongitudes(int zone, char band);

/**
 * The two letters of the 100 km square containing a UTM position.
 * @param zone      UTM zone 1-60 (the column letters cycle every 3 zones, the row letters
 *                  start 5 letters later in even zones).
 * @param easting   metres, 100,000 <= easting < 900,000.
 * @param northing  metres, including the 10,000 km false northing in the south.
 * @return e.g. "WP".
 * @throws stac2h3::InputError when the zone or easting is out of range.
 */
std::string squareLetters(int zone, double easting, double northing);

/**
 * A Sentinel-2 tile name: zero-padded zone, band, square, e.g. "05CNL" or "33UWP".
 * @param zone    UTM zone 1-60.
 * @param band    the latitude band letter.
 * @param square  the two square letters.
 */
std::string tileName(int zone, char band, std::string_view square);

}  // namespace stac2h3::synth
