/** @file swath_clip.h
 * @brief Cutting a tile outline along the swath edges: the part of a UTM ring whose
 * cross-track distance lies within the half swath, and ring areas.
 */
#pragma once

#include <vector>

#include "synth/utm_projection.h"

namespace stac2h3::synth {

/**
 * Clips a convex ring to the band |d| <= half_width of a scalar field d given at its
 * vertices and taken as linear along each edge (the cross-track distance is nearly linear in
 * UTM over a tile: the swath edge is a straight cut across it). Cut edges longer than
 * `max_spacing_m` are densified.
 * @param ring           counter-clockwise vertices, open.
 * @param cross_track    d at each vertex (same length as ring), km.
 * @param half_width     the band's half width, km.
 * @param max_spacing_m  the longest edge left on the cut.
 * @return the clipped ring, counter-clockwise, open; empty when nothing remains.
 */
std::vector<UtmXY> clipToSwath(const std::vector<UtmXY>& ring,
                               const std::vector<double>& cross_track, double half_width,
                               double max_spacing_m);

/** Planar area of an open ring (shoelace), m²; positive when counter-clockwise. */
double ringArea(const std::vector<UtmXY>& ring);

}  // namespace stac2h3::synth
