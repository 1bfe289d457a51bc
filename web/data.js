/** @file data.js
 * @brief Decodes the page's embedded data (window.STAC2H3_DATA, written by `stac2h3 plot
 * -o x.html`): cell ids, per-frame quantised values and scene counts.
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
function decodeColours(hex) {
  const colours = [];
  for (let i = 0; i + 6 <= hex.length; i += 6) {
    colours.push([0, 2, 4].map((k) => parseInt(hex.substr(i + k, 2), 16)));
  }
  return colours;
}

/**
 * The embedded data, decoded once; values are decoded lazily per (variable, frame).
 * @param {object} raw  window.STAC2H3_DATA
 */
export function loadData(raw) {
  const cells = raw.cells.length ? raw.cells.split(',') : [];
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
    land: raw.land,
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
