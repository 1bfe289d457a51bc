/** @file bbox_flag.h
 * @brief The `--bbox W,S,E,N` flag shared by the subcommands that take an area.
 */
#pragma once

#include <array>
#include <string>

#include "geo/geometry.h"

namespace stac2h3::cli {

/**
 * Parses "W,S,E,N" in degrees.
 * @return {west, south, east, north}.
 * @throws stac2h3::InputError (naming the flag's text) when it is not four numbers, W or E
 *         is outside [-180, 180], S or N outside [-90, 90], or S > N.
 */
std::array<double, 4> parseBbox(const std::string& text);

/**
 * The box as a lon/lat area: one rectangle, or two when W > E (a box across ±180).
 * @param box  {west, south, east, north} from parseBbox.
 */
geo::MultiPolygon bboxArea(const std::array<double, 4>& box);

}  // namespace stac2h3::cli
