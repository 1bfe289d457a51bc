/** @file globe.js
 * @brief The globe both viewers draw: a deck.gl GlobeView that fits the window, the ocean
 * sphere, the coastlines, and a redraw in the same frame as a resize (so the globe is never
 * shown stretched).
 */
import {Deck, _GlobeView as GlobeView} from '@deck.gl/core';
import {PathLayer, SolidPolygonLayer} from '@deck.gl/layers';

/** GlobeView zoom at which the globe is GLOBE_PIXELS_AT_ZOOM wide; the page fits the globe
 * into GLOBE_FILL of the window's smaller side. */
const GLOBE_PIXELS_AT_ZOOM = [222, 0.6];
const GLOBE_FILL = 0.85;
export const OCEAN = [236, 239, 243];
const COAST = [64, 64, 64];

/** GlobeView scales the globe by 1/cos(latitude) (to match Web Mercator); this undoes
 * it so that the globe fits whatever the centre's latitude. */
export function fittingZoom(centre) {
  const side = Math.min(window.innerWidth, window.innerHeight) * GLOBE_FILL;
  const latitude = Math.min(Math.abs(centre[1]), 85) * (Math.PI / 180);
  return GLOBE_PIXELS_AT_ZOOM[1] + Math.log2(side / GLOBE_PIXELS_AT_ZOOM[0]) + Math.log2(Math.cos(latitude));
}

/**
 * The deck, centred on `centre` [lon, lat] and fitting the window.
 *
 * luma.gl notices a resize in its ResizeObserver callback but draws only at the next
 * animation frame, so the browser paints one frame of the old picture stretched to the new
 * size (an egg). A second observer, registered once the device exists (so that it runs
 * after luma.gl's), redraws at once: the frame painted after the resize is already right.
 */
export function createGlobe({parent, centre, onHover, onViewStateChange, onAfterRender}) {
  const deck = new Deck({
    parent,
    views: new GlobeView({resolution: 5}),
    initialViewState: {longitude: centre[0], latitude: centre[1], zoom: fittingZoom(centre)},
    controller: true,
    layers: [],
    onHover,
    onViewStateChange,
    onAfterRender,
    onLoad: () => {
      const canvas = parent.querySelector('canvas');
      if (canvas) new ResizeObserver(() => deck.redraw('resized')).observe(canvas);
    },
  });
  return deck;
}

/** The ocean is the whole sphere (deck.gl cuts it along GlobeView's grid) and hides the far
 * side by depth; what is drawn on it is lifted just above it. */
export function oceanLayer() {
  return new SolidPolygonLayer({
    id: 'ocean',
    data: [{polygon: [[-180, 90], [0, 90], [180, 90], [180, -90], [0, -90], [-180, -90]]}],
    getPolygon: (d) => d.polygon,
    getFillColor: OCEAN,
  });
}

/** The coastlines (decodeFlat of the page's coastlines) as a binary PathLayer. */
export function coastlinesLayer(coastlines) {
  return new PathLayer({
    id: 'coastlines',
    data: {
      length: coastlines.length,
      startIndices: coastlines.starts,
      attributes: {getPath: {value: coastlines.positions, size: 3}},
    },
    _pathType: 'open',
    getColor: COAST,
    widthUnits: 'pixels',
    getWidth: 1,
  });
}
