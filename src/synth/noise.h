/** @file noise.h
 * @brief Counter-based randomness for synth: hashes of (seed, keys) instead of a sequential
 * generator, so every value is reproducible whatever the thread or order, and smooth value
 * noise over the sphere and time for weather that persists.
 */
#pragma once

#include <cstddef>
#include <cstdint>

#include "geo/geometry.h"

namespace stac2h3::synth {

/**
 * A well-mixed 64-bit hash of a seed and up to three keys (SplitMix64 rounds).
 * @return the same value for the same arguments on every platform.
 */
uint64_t hashKeys(uint64_t seed, uint64_t a, uint64_t b = 0, uint64_t c = 0);

/** A hash mapped to [0, 1). */
double unitInterval(uint64_t hash);

/** A stable 64-bit key of a text (FNV-1a), e.g. a tile name. */
uint64_t textKey(const char* text, size_t length);

/**
 * Smooth value noise in [-1, 1] over the sphere and time: random values on a lattice in 3-D
 * space (spacing `spacing_km` on the Earth's surface) and time (`period_days`), blended
 * with smoothstep weights. Nearby places and days get similar values.
 * @param seed         which field (different seeds give independent fields).
 * @param point        lon/lat degrees.
 * @param spacing_km   lattice spacing in space.
 * @param days         time in days (any origin); pass 0 for a field that does not change.
 * @param period_days  lattice spacing in time (> 0).
 */
double valueNoise(uint64_t seed, geo::LonLat point, double spacing_km, double days,
                  double period_days);

}  // namespace stac2h3::synth
