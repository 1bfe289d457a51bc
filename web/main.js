/** @file main.js
 * @brief The interactive globe page: deck.gl GlobeView with the cells (H3HexagonLayer),
 * coastlines, a time slider with play/pause, a variable picker, a legend and a tooltip.
 * Everything it shows is embedded in the page (window.STAC2H3_DATA); it needs no network.
 */
import {Deck, _GlobeView as GlobeView} from '@deck.gl/core';
import {GeoJsonLayer, SolidPolygonLayer} from '@deck.gl/layers';
import {H3HexagonLayer} from '@deck.gl/geo-layers';
import {mesh} from 'topojson-client';

import {colourOf, loadData} from './data.js';
import {drawLegend, formatNumber} from './legend.js';

const PLAY_INTERVAL_MS = 700;
/** GlobeView zoom at which the globe is GLOBE_PIXELS_AT_ZOOM wide; the page fits the globe
 * into GLOBE_FILL of the window's smaller side. */
const GLOBE_PIXELS_AT_ZOOM = [222, 0.6];
const GLOBE_FILL = 0.85;
const OCEAN = [236, 239, 243];
const COAST = [64, 64, 64];

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
/** Cells with a value in some frame of some variable: the layer's data never changes, so
 * moving the slider only recolours (NaN cells become transparent) and never re-tessellates. */
const shown = data.cells.map((_, i) => i).filter((i) =>
  data.variables.some((_, v) => data.frames.some((_, f) => !Number.isNaN(data.values(v, f)[i]))));
const TRANSPARENT = [0, 0, 0, 0];
const coastlines = mesh(data.land, data.land.objects.land);

const deck = new Deck({
  parent: document.getElementById('globe'),
  views: new GlobeView({resolution: 5}),
  initialViewState: {longitude: data.centre[0], latitude: data.centre[1], zoom: fittingZoom()},
  controller: true,
  layers: [],
  onHover: showTooltip,
  onAfterRender: () => document.body.setAttribute('data-rendered', 'true'),
});

function fittingZoom() {
  const side = Math.min(window.innerWidth, window.innerHeight) * GLOBE_FILL;
  return GLOBE_PIXELS_AT_ZOOM[1] + Math.log2(side / GLOBE_PIXELS_AT_ZOOM[0]);
}

function layers() {
  const variable = data.variables[state.variable];
  const values = data.values(state.variable, state.frame);
  return [
    new SolidPolygonLayer({
      id: 'ocean',
      data: [{polygon: [[-180, 90], [0, 90], [180, 90], [180, -90], [0, -90], [-180, -90]]}],
      getPolygon: (d) => d.polygon,
      getFillColor: OCEAN,
    }),
    new H3HexagonLayer({
      id: 'cells',
      data: shown,
      getHexagon: (i) => data.cells[i],
      getFillColor: (i) => colourOf(variable, values[i]) ?? TRANSPARENT,
      extruded: false,
      // A hairline in the fill colour closes the sub-pixel gaps between tessellated cells.
      stroked: true,
      getLineColor: (i) => colourOf(variable, values[i]) ?? TRANSPARENT,
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      highPrecision: true,
      pickable: true,
      updateTriggers: {getFillColor: [state.variable, state.frame], getLineColor: [state.variable, state.frame]},
    }),
    new GeoJsonLayer({
      id: 'coastlines',
      data: coastlines,
      stroked: true,
      filled: false,
      getLineColor: COAST,
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
    }),
  ];
}

function showTooltip({object, x, y}) {
  if (object === undefined || object === null) {
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

/** For tests and scripting: where a lon/lat is on the screen, and the current frame. */
window.stac2h3Viewer = {
  project: (lon, lat) => deck.getViewports()[0].project([lon, lat]),
  state,
};

update();
