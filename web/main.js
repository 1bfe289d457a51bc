/** @file main.js
 * @brief The interactive globe page (`plot -o x.html`): the globe of globe.js with the cells,
 * a time slider with play/pause, a variable picker, a legend and a tooltip. Everything it
 * shows is embedded in the page (window.STAC2H3_DATA); it needs no network.
 *
 * The geometry arrives ready to draw (cell polygons and coastlines as binary arrays, each
 * cell's triangles a fan), so deck.gl neither computes H3 boundaries nor tessellates; only
 * two layer types are used, so only two shader programs are compiled before the first frame.
 */
import {SolidPolygonLayer} from '@deck.gl/layers';

import {colourOf, loadData} from './data.js';
import {coastlinesLayer, createGlobe, oceanLayer} from './globe.js';
import {drawLegend, formatNumber} from './legend.js';

const PLAY_INTERVAL_MS = 700;
const TRANSPARENT = [0, 0, 0, 0];

const data = loadData(window.STAC2H3_DATA);
const state = {variable: 0, frame: 0, playing: null};

const slider = document.getElementById('frame');
const play = document.getElementById('play');
const picker = document.getElementById('variable');
const dates = document.getElementById('dates');
const legend = document.getElementById('legend');
const tooltip = document.getElementById('tooltip');

slider.max = String(data.frames.length - 1);
slider.disabled = data.frames.length < 2;
play.disabled = data.frames.length < 2;
data.variables.forEach((variable, i) => picker.add(new Option(variable.name, String(i))));
const {polygons, coastlines} = data;
/** RGBA per cell vertex, rewritten for each frame (NaN cells are transparent). */
const vertexColours = new Uint8Array(4 * polygons.starts[polygons.length]);

const deck = createGlobe({
  parent: document.getElementById('globe'),
  centre: data.centre,
  onHover: showTooltip,
  onAfterRender: () => document.body.setAttribute('data-rendered', 'true'),
});

/** Writes each cell's colour (for `values` of `variable`) into all its vertices. */
function colourVertices(variable, values) {
  for (let cell = 0; cell < polygons.length; ++cell) {
    const colour = colourOf(variable, values[cell]);
    const rgba = colour ? [...colour, 255] : TRANSPARENT;
    for (let v = polygons.starts[cell]; v < polygons.starts[cell + 1]; ++v) vertexColours.set(rgba, 4 * v);
  }
}

/**
 * Cells and coastlines float just above the ocean sphere (their lift, see data.js), so
 * their flat triangles and straight segments are never under the ocean's own facets:
 * neighbouring cells share exact vertices, so no background shows between them.
 */
function layers() {
  colourVertices(data.variables[state.variable], data.values(state.variable, state.frame));
  return [
    oceanLayer(),
    new SolidPolygonLayer({
      id: 'cells',
      data: {
        length: polygons.length,
        startIndices: polygons.starts,
        attributes: {
          getPolygon: {value: polygons.positions, size: 3},
          indices: polygons.indices,
          // A new array per frame, so that deck.gl sees the change and uploads it.
          getFillColor: {value: vertexColours.slice(), size: 4, normalized: true},
        },
      },
      _normalize: false,
      pickable: true,
    }),
    coastlinesLayer(coastlines),
  ];
}

function showTooltip({layer, index, x, y}) {
  const object = layer?.id === 'cells' && index >= 0 ? index : null;
  if (object === null) {
    tooltip.style.display = 'none';
    return;
  }
  const value = data.values(state.variable, state.frame)[object];
  const variable = data.variables[state.variable];
  const frame = data.frames[state.frame];
  tooltip.textContent =
    `cell ${data.cells[object]}\n${variable.name}: ${formatNumber(value)}` +
    `${variable.units ? ' ' + variable.units : ''}\nn_items: ${frame.nItems[object]}` +
    `${frame.nItems[object] === 255 ? '+' : ''}\n${frame.label}`;
  tooltip.style.left = `${x + 12}px`;
  tooltip.style.top = `${y + 12}px`;
  tooltip.style.display = 'block';
}

function update() {
  slider.value = String(state.frame);
  dates.textContent = data.frames[state.frame].label;
  drawLegend(legend, data.variables[state.variable], data.aggregation);
  deck.setProps({layers: layers()});
}

slider.addEventListener('input', () => {
  state.frame = Number(slider.value);
  update();
});
picker.addEventListener('change', () => {
  state.variable = Number(picker.value);
  update();
});
play.addEventListener('click', () => {
  if (state.playing) {
    clearInterval(state.playing);
    state.playing = null;
    play.textContent = 'Play';
    return;
  }
  play.textContent = 'Pause';
  state.playing = setInterval(() => {
    state.frame = (state.frame + 1) % data.frames.length;
    update();
  }, PLAY_INTERVAL_MS);
});

/** For tests and scripting: where lon/lat points are on the screen, the shown cells' values
 * and the current frame. */
window.stac2h3Viewer = {
  project: (lon, lat) => deck.getViewports()[0].project([lon, lat]),
  projectAll: (points) => points.map(([lon, lat]) => deck.getViewports()[0].project([lon, lat])),
  values: () => Array.from(data.values(state.variable, state.frame)),
  state,
};

update();
