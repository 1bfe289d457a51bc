/** @file serve.js
 * @brief The viewer `stac2h3 serve` sends: the globe of globe.js, filled with zone data
 * fetched from the server's API (f=bin) for the visible zones only, at the level that
 * follows the zoom; a time slider with a window length and an aggregation, a variable
 * picker, a legend with units and a tooltip.
 *
 * Levels: the finest level of the store whose cells are still MIN_CELL_PX wide on screen
 * (so never more cells than the screen can show). Zones: cells of ZONE_DEPTH levels coarser
 * (or res 0), those that reach into the view; each is one request, cached.
 */
import {SolidPolygonLayer} from '@deck.gl/layers';
import {cellToBoundary, cellToChildren, getRes0Cells, latLngToCell} from 'h3-js';

import {COAST_CLEARANCE_M, colourOf, decodeColours, decodeFlat, fanTriangles, flatPositions} from './data.js';
import {coastlinesLayer, createGlobe, oceanLayer} from './globe.js';
import {drawLegend, formatNumber} from './legend.js';

const API = '/collections/cube';
/** Cells narrower than this on screen are too many: a coarser level is shown. */
const MIN_CELL_PX = 8;
/** Cells narrower than this are not drawn at all (the view asks to zoom in). */
const MIN_DRAWN_CELL_PX = 2;
/** Levels between a requested zone and its cells (the server allows up to 5). */
const ZONE_DEPTH = 4;
const EARTH_AREA_KM2 = 510.1e6;
const KM_PER_DEGREE = 111.195;
const DAY_MS = 86400000;
const CACHE_ENTRIES = 800;
const VIEW_SETTLE_MS = 120;
/** Zones up to this resolution are all tested for visibility; finer ones by descent. */
const FLAT_ZONE_RES = 2;

const boot = window.STAC2H3_SERVE;
const coastlineSource = boot.coastlines;
const state = {variable: null, window: '7d', agg: 'mean', start: 0, level: null, zones: []};
/** The colour scale of each (variable, agg, window length): fixed once the first picture of
 * it loaded, so that moving the slider or the view compares like with like. */
const scales = new Map();
const cache = new Map();
let cube = null;
let shown = {key: '', layers: [], lift: 0};
let settleTimer = null;
let generation = 0;

const elements = Object.fromEntries(['variable', 'window', 'agg', 'day', 'dates', 'legend', 'status', 'tooltip']
  .map((id) => [id, document.getElementById(id)]));

const deck = createGlobe({
  parent: document.getElementById('globe'),
  centre: [0, 20],
  onHover: showTooltip,
  onViewStateChange: () => settleAndRefresh(),
  onAfterRender: () => {
    if (document.body.dataset.loading === 'false') document.body.dataset.rendered = 'true';
  },
});

/** Refreshes once the view has stopped moving for VIEW_SETTLE_MS. */
function settleAndRefresh() {
  clearTimeout(settleTimer);
  settleTimer = setTimeout(refresh, VIEW_SETTLE_MS);
}

/** Days since the epoch of "YYYY-MM-DD", and back. */
const dayOf = (text) => Math.round(Date.parse(`${text}T00:00:00Z`) / DAY_MS);
const dateOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The inclusive window [first, last] starting at state.start (days), cut at the cube's end. */
function currentWindow() {
  const first = cube.first + state.start;
  let last = first;
  if (state.window === '7d') last = first + 6;
  if (state.window === '1m') {
    const date = new Date(first * DAY_MS);
    date.setUTCMonth(date.getUTCMonth() + 1);
    last = Math.round(date.getTime() / DAY_MS) - 1;
  }
  return [first, Math.min(last, cube.last)];
}

/**
 * The finest level whose cells are at least MIN_CELL_PX wide at the view's centre, or the
 * coarsest; null when even the coarsest level's cells would be narrower than
 * MIN_DRAWN_CELL_PX (a single fine level seen from afar: too many cells to show).
 */
function levelForView(viewport) {
  const [lon, lat] = [viewport.longitude, viewport.latitude];
  const a = viewport.project([lon, Math.max(-89, lat - 0.5)]);
  const b = viewport.project([lon, Math.min(89, lat + 0.5)]);
  const pxPerKm = Math.hypot(a[0] - b[0], a[1] - b[1]) / KM_PER_DEGREE;
  const cellPx = (level) => Math.sqrt(EARTH_AREA_KM2 / (2 + 120 * 7 ** level)) * pxPerKm;
  let chosen = cube.levels[0];
  for (const level of cube.levels) if (cellPx(level) >= MIN_CELL_PX) chosen = level;
  return cellPx(chosen) >= MIN_DRAWN_CELL_PX ? chosen : null;
}

/** True when [lon, lat] is on the near side of the globe and inside the window. */
function inView(viewport, lon, lat) {
  const toRad = Math.PI / 180;
  const cosAngle = Math.sin(lat * toRad) * Math.sin(viewport.latitude * toRad) +
    Math.cos(lat * toRad) * Math.cos(viewport.latitude * toRad) * Math.cos((lon - viewport.longitude) * toRad);
  if (cosAngle < 0.02) return false;
  const [x, y] = viewport.project([lon, lat]);
  return x >= 0 && y >= 0 && x <= viewport.width && y <= viewport.height;
}

/** Zones of resolution `res` that reach into the view: a boundary vertex in view, or a
 * point of the screen (corners, edge midpoints, centre) inside them. Up to res 2 (5,882
 * zones) every zone is tested; finer ones descend from the res-2 zones that reach in. */
function visibleZones(viewport, res) {
  const screenPoints = [];
  for (const fx of [0, 0.25, 0.5, 0.75, 1]) {
    for (const fy of [0, 0.25, 0.5, 0.75, 1]) {
      const point = viewport.unproject([fx * viewport.width, fy * viewport.height]);
      if (point && Number.isFinite(point[0]) && Math.abs(point[1]) <= 90) screenPoints.push(point);
    }
  }
  const touchesAt = (r) => {
    const inside = new Set(screenPoints.map(([lon, lat]) => latLngToCell(lat, lon, r)));
    return (zone) => inside.has(zone) || cellToBoundary(zone).some(([lat, lon]) => inView(viewport, lon, lat));
  };
  const flatRes = Math.min(res, FLAT_ZONE_RES);
  const touches = touchesAt(flatRes);
  let zones = getRes0Cells().flatMap((zone) => (flatRes ? cellToChildren(zone, flatRes) : [zone])).filter(touches);
  for (let r = flatRes + 1; r <= res; ++r) {
    const touchesR = touchesAt(r);
    zones = zones.flatMap((zone) => cellToChildren(zone, r)).filter(touchesR);
  }
  return zones;
}

/** Fetches (once) and decodes the binary zone data of a request. */
function zoneData(zone, level, window) {
  const depth = level - Math.max(0, level - ZONE_DEPTH);
  const query = `zone-depth=${depth}&datetime=${dateOf(window[0])}/${dateOf(window[1])}` +
    `&properties=${encodeURIComponent(state.variable.name)}&agg=${state.agg}&f=bin`;
  const url = `${API}/dggs/H3/zones/${zone}/data?${query}`;
  if (!cache.has(url)) {
    cache.set(url, fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: ${(await response.json()).description}`);
      return decodeZone(await response.arrayBuffer());
    }));
    if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value);
  }
  return cache.get(url);
}

/** The f=bin layout of src/serve/zone_data_binary.h, one property. */
function decodeZone(buffer) {
  const header = new DataView(buffer);
  const n = header.getUint32(4, true);
  const lift = header.getFloat32(16, true);
  const vertices = header.getUint32(20, true);
  let at = 24;
  const cells = new BigUint64Array(buffer, at, n);
  at += 8 * n;
  const values = new Float32Array(buffer, at, n);
  at += 4 * n;
  const nItems = new Uint32Array(buffer, at, n);
  at += 4 * n;
  const counts = new Uint8Array(buffer, at, n);
  at += n + ((4 - (n % 4)) % 4);
  const lonlat = new Float32Array(buffer, at, 2 * vertices);
  return {cells, values, nItems, counts, lonlat, lift};
}

/** 2nd to 98th percentile of the finite values (a count scale starts at 0). */
function robustScale(datasets, count) {
  const finite = [];
  for (const data of datasets) for (const v of data.values) if (Number.isFinite(v)) finite.push(v);
  if (!finite.length) return null;
  finite.sort((a, b) => a - b);
  const at = (q) => finite[Math.min(finite.length - 1, Math.floor(q * finite.length))];
  const lo = count ? 0 : at(0.02);
  const hi = Math.max(at(0.98), lo + 1e-6);
  return {lo, hi};
}

/** A binary SolidPolygonLayer of one zone's cells, coloured per vertex. */
function zoneLayer(id, data, variable, lift) {
  const polygons = flatPositions(data.lonlat, data.counts, lift);
  const colours = new Uint8Array(4 * polygons.starts[polygons.length]);
  for (let cell = 0; cell < polygons.length; ++cell) {
    const colour = colourOf(variable, data.values[cell]);
    if (!colour) continue;
    for (let v = polygons.starts[cell]; v < polygons.starts[cell + 1]; ++v) colours.set([...colour, 255], 4 * v);
  }
  return new SolidPolygonLayer({
    id,
    data: {
      length: polygons.length,
      startIndices: polygons.starts,
      attributes: {
        getPolygon: {value: polygons.positions, size: 3},
        indices: fanTriangles(polygons.starts),
        getFillColor: {value: colours, size: 4, normalized: true},
      },
    },
    _normalize: false,
    pickable: true,
    zoneData: data,
  });
}

function coastlinesAbove(lift) {
  return coastlinesLayer(decodeFlat(coastlineSource, Uint32Array, lift + coastlineSource.lift + COAST_CLEARANCE_M));
}

/** Loads what the view and the controls ask for, then swaps it in as one picture. */
async function refresh() {
  const viewport = deck.getViewports()[0];
  if (!viewport || !cube) return;
  const mine = ++generation;
  const level = levelForView(viewport);
  if (level === null) {
    shown = {key: '', layers: [], lift: 0};
    elements.status.textContent = `level ${cube.levels[0]} has too many cells to show from here: zoom in ` +
      '(or serve a pyramid: resample --pyramid)';
    document.body.dataset.loading = 'false';
    document.body.dataset.rendered = 'false';
    deck.setProps({layers: [oceanLayer(), coastlinesAbove(0)]});
    return;
  }
  const zoneRes = Math.max(0, level - ZONE_DEPTH);
  const zones = visibleZones(viewport, zoneRes);
  const window = currentWindow();
  const variable = state.variable;
  const key = `${variable.name}|${state.agg}|${state.window}|${window[0]}|${level}|${zones.join(',')}`;
  if (key === shown.key) return;
  state.level = level;
  state.zones = zones;
  document.body.dataset.loading = 'true';
  elements.status.textContent = `level ${level}: loading ${zones.length} zone${zones.length === 1 ? '' : 's'}…`;
  let loaded;
  try {
    loaded = await Promise.all(zones.map((zone) => zoneData(zone, level, window)));
  } catch (error) {
    elements.status.textContent = String(error.message || error);
    console.warn(error);
    document.body.dataset.loading = 'false';
    return;
  }
  if (mine !== generation) return;
  const scaleKey = `${variable.name}|${state.agg}|${state.window}`;
  if (!scales.has(scaleKey)) {
    const scale = robustScale(loaded, state.agg === 'count');
    if (scale) scales.set(scaleKey, scale);
  }
  const scale = scales.get(scaleKey) ?? {lo: 0, hi: 1};
  const coloured = {...variable, ...scale, colours: cube.colours[variable.name]};
  const lift = loaded.reduce((most, data) => Math.max(most, data.lift), 0);
  const layers = loaded.map((data, i) => zoneLayer(`cells-${level}-${zones[i]}`, data, coloured, lift));
  const cells = loaded.reduce((sum, data) => sum + data.cells.length, 0);
  shown = {key, layers, lift, window, variable: coloured};
  drawLegend(elements.legend, coloured, state.agg);
  elements.dates.textContent = window[0] === window[1] ? dateOf(window[0]) : `${dateOf(window[0])} – ${dateOf(window[1])}`;
  elements.status.textContent = `level ${level}: ${cells} cells in ${zones.length} zone${zones.length === 1 ? '' : 's'}`;
  document.body.dataset.loading = 'false';
  document.body.dataset.rendered = 'false';
  deck.setProps({layers: [oceanLayer(), ...layers, coastlinesAbove(lift)]});
}

function showTooltip({layer, index, x, y}) {
  const data = layer?.props.zoneData;
  if (!data || index < 0) {
    elements.tooltip.style.display = 'none';
    return;
  }
  const {variable, window} = shown;
  elements.tooltip.textContent =
    `cell ${data.cells[index].toString(16)}\n${variable.name}: ${formatNumber(data.values[index])}` +
    `${variable.units ? ' ' + variable.units : ''} (${state.agg})\nn_items: ${data.nItems[index]}\n` +
    `${dateOf(window[0])} – ${dateOf(window[1])}`;
  elements.tooltip.style.left = `${x + 12}px`;
  elements.tooltip.style.top = `${y + 12}px`;
  elements.tooltip.style.display = 'block';
}

async function start() {
  const collection = await (await fetch(API)).json();
  const [first, last] = collection.extent.temporal.interval[0];
  cube = {
    first: dayOf(first),
    last: dayOf(last),
    levels: collection.levels.map((l) => l.level).sort((a, b) => a - b),
    variables: collection.variables,
    colours: Object.fromEntries(Object.entries(boot.colours).map(([name, hex]) => [name, decodeColours(hex)])),
  };
  // n_items is in the tooltip; it is still a variable like the others.
  cube.variables.forEach((variable, i) => elements.variable.add(new Option(variable.name, String(i))));
  const preferred = cube.variables.findIndex((v) => v.name === 'cloud_cover');
  elements.variable.value = String(Math.max(0, preferred));
  state.variable = cube.variables[Math.max(0, preferred)];
  elements.day.max = String(cube.last - cube.first);
  elements.day.value = '0';
  elements.variable.addEventListener('change', () => {
    state.variable = cube.variables[Number(elements.variable.value)];
    refresh();
  });
  elements.window.addEventListener('change', () => {
    state.window = elements.window.value;
    refresh();
  });
  elements.agg.addEventListener('change', () => {
    state.agg = elements.agg.value;
    refresh();
  });
  elements.day.addEventListener('input', () => {
    state.start = Number(elements.day.value);
    refresh();
  });
  deck.setProps({layers: [oceanLayer(), coastlinesAbove(0)]});
  await refresh();
}

/** For tests and scripting: projections, moving the view, the state. */
window.stac2h3Viewer = {
  project: (lon, lat) => deck.getViewports()[0].project([lon, lat]),
  zoomTo: (longitude, latitude, zoom) => {
    deck.setProps({initialViewState: {longitude, latitude, zoom}});
    settleAndRefresh();
  },
  state,
};

start().catch((error) => {
  elements.status.textContent = `cannot load the cube: ${error.message || error}`;
  console.warn(error);
});
