/** @file data.js
 * @brief Decodes the page's embedded data (window.STAC2H3_DATA, written by `stac2h3 plot
 * -o x.html`): cell ids and polygons, coastlines, per-frame quantised values and scene counts;
 * the geometry and colour helpers are shared with the served viewer (serve.js).
 */

/** Bytes of a base64 string. */
function decodeBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The quantisation code for "no value" (see src/plot/html_writer.cpp). */
const MISSING = 255;
const STEPS = 254;
/** Height of the coastlines over the cells (m): beyond the depth buffer's resolution. */
export const COAST_CLEARANCE_M = 2000;

/**
 * Decodes one frame of one variable: quantised bytes back to floats (NaN where missing).
 * @param {{lo: number, hi: number, q: string}} frame
 * @returns {Float32Array}
 */
function decodeValues(frame) {
  const codes = decodeBase64(frame.q);
  const values = new Float32Array(codes.length);
  const step = (frame.hi - frame.lo) / STEPS;
  for (let i = 0; i < codes.length; ++i) {
    values[i] = codes[i] === MISSING ? NaN : frame.lo + codes[i] * step;
  }
  return values;
}

/** "rrggbb" x 256 to an array of [r, g, b]. */
export function decodeColours(hex) {
  const colours = [];
  for (let i = 0; i + 6 <= hex.length; i += 6) {
    colours.push([0, 2, 4].map((k) => parseInt(hex.substr(i + k, 2), 16)));
  }
  return colours;
}

/**
 * Flat lon/lat parts (see src/plot/page_geometry.h) as deck.gl binary positions: x, y, z
 * per point with z the part's lift, and each part's first point.
 * @param {Float32Array} lonlat  lon, lat of every point, part after part
 * @param {Uint8Array | Uint32Array} counts  points of each part
 * @param {number} lift  metres above the sphere
 */
export function flatPositions(lonlat, counts, lift) {
  const points = lonlat.length / 2;
  const positions = new Float32Array(points * 3);
  for (let i = 0; i < points; ++i) {
    positions[3 * i] = lonlat[2 * i];
    positions[3 * i + 1] = lonlat[2 * i + 1];
    positions[3 * i + 2] = lift;
  }
  const starts = new Uint32Array(counts.length + 1);
  for (let i = 0; i < counts.length; ++i) starts[i + 1] = starts[i] + counts[i];
  return {positions, starts, length: counts.length};
}

/**
 * flatPositions of a page's base64 flat parts.
 * @param {{lonlat: string, counts: string, lift: number}} flat
 * @param {typeof Uint8Array | typeof Uint32Array} CountArray  the type of `counts`
 * @param {number} lift  metres above the sphere
 */
export function decodeFlat(flat, CountArray, lift) {
  return flatPositions(new Float32Array(decodeBase64(flat.lonlat).buffer), new CountArray(decodeBase64(flat.counts).buffer), lift);
}

/** Triangles that fan out from each polygon's first vertex (cells are convex). */
export function fanTriangles(starts) {
  const polygons = starts.length - 1;
  const indices = new Uint32Array(3 * (starts[polygons] - 2 * polygons));
  let at = 0;
  for (let p = 0; p < polygons; ++p) {
    for (let v = starts[p] + 1; v + 1 < starts[p + 1]; ++v) {
      indices[at++] = starts[p];
      indices[at++] = v;
      indices[at++] = v + 1;
    }
  }
  return indices;
}

/**
 * The embedded data, decoded once; values are decoded lazily per (variable, frame).
 * @param {object} raw  window.STAC2H3_DATA
 */
export function loadData(raw) {
  const cells = raw.cells.length ? raw.cells.split(',') : [];
  const polygons = decodeFlat(raw.polygons, Uint8Array, raw.polygons.lift);
  polygons.indices = fanTriangles(polygons.starts);
  // Coastlines float above the cells, so that no cell hides them.
  const coastlines = decodeFlat(raw.coastlines, Uint32Array, raw.polygons.lift + raw.coastlines.lift + COAST_CLEARANCE_M);
  const variables = raw.variables.map((variable) => ({
    ...variable,
    colours: decodeColours(variable.colours),
    cache: new Map(),
  }));
  const frames = raw.frames.map((frame) => ({label: frame.label, nItems: decodeBase64(frame.n_items)}));
  return {
    cells,
    centre: raw.centre,
    aggregation: raw.aggregation,
    polygons,
    coastlines,
    variables,
    frames,
    /** Float32Array of the variable's values in a frame. */
    values(variableIndex, frameIndex) {
      const variable = variables[variableIndex];
      if (!variable.cache.has(frameIndex)) {
        variable.cache.set(frameIndex, decodeValues(variable.frames[frameIndex]));
      }
      return variable.cache.get(frameIndex);
    },
  };
}

/** The colour of a value on the variable's shared scale, [r, g, b] or null for NaN. */
export function colourOf(variable, value) {
  if (Number.isNaN(value)) return null;
  const t = (value - variable.lo) / (variable.hi - variable.lo);
  const level = Math.min(variable.colours.length - 1, Math.max(0, Math.floor(t * variable.colours.length)));
  return variable.colours[level];
}
