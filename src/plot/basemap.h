/** @file basemap.h
 * @brief The lines under and over the data: Natural Earth coastlines and a graticule, as
 * polylines of unit vectors ready to project.
 */
#pragma once

#include <string_view>
#include <vector>

#include "plot/orthographic.h"

namespace stac2h3::plot {

using Polyline = std::vector<UnitVector>;

/**
 * The arcs of a TopoJSON topology (quantised and delta-encoded as the spec says), each as
 * a polyline. For world-atlas's land topology every arc is a piece of coastline.
 * @throws Error when the text is not a TopoJSON topology with arcs.
 */
std::vector<Polyline> topoJsonArcs(std::string_view topojson);

/** The coastlines of the embedded Natural Earth 1:110m land, decoded once. */
const std::vector<Polyline>& coastlines();

/**
 * Meridians and parallels every `step_degrees`, sampled every 2 degrees.
 * @param step_degrees  spacing, > 0 (30 for the default globe).
 */
std::vector<Polyline> graticule(double step_degrees);

}  // namespace stac2h3::plot
