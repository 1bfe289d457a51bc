/**
 * @file page_test.mjs
 * @brief Opens the page `stac2h3 plot -o page.html` wrote in headless Chromium (Debian's,
 * through playwright-core): no console errors, the globe is drawn with no background
 * between neighbouring cells and the ocean where cells have no data, the slider changes the
 * picture, hovering a cell shows its tooltip, the globe stays round right after resizes.
 * Screenshots are kept beside the page.
 * Usage: node page_test.mjs PAGE.html OUT_DIR   (exit status 0 when every check passes)
 */
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {createRequire} from 'node:module';

import {drawnPixels, globeExtent, roundAfterResizes, withChromium} from '../support/chromium.mjs';

const require = createRequire(join(process.cwd(), 'package.json'));
const h3 = require('h3-js');

/** The page's ocean (web/main.js) and background colours. */
const OCEAN = [236, 239, 243];
const WHITE = [255, 255, 255];
/** Cells checked: centres within this distance of the view's centre (away from the limb). */
const NEAR_CENTRE_KM = 3500;

const [page_path, out_dir] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

/** RGB of the deck.gl canvas at each [x, y] (CSS pixels; the canvas fills the page). */
async function pixelsAt(page, points) {
  return page.evaluate((at) => {
    const {image, scale} = window.canvasPixels();
    return at.map(([x, y]) => {
      const i = 4 * (Math.floor(y * scale) * image.width + Math.floor(x * scale));
      return Array.from(image.data.slice(i, i + 3));
    });
  }, points);
}

const near = (rgb, reference) => rgb.every((c, k) => Math.abs(c - reference[k]) <= 3);

/**
 * Counts the pixels of the deck.gl canvas inside screen polygons that show the ocean or the
 * page background (pixel centres inside by the even-odd rule).
 */
async function backgroundPixelsIn(page, polygons) {
  return page.evaluate(({rings, ocean, white}) => {
    const {image: {data, width}, scale} = window.canvasPixels();
    const near = (i, rgb) => rgb.every((c, k) => Math.abs(data[i + k] - c) <= 3);
    let inside = 0;
    let background = 0;
    for (const ring of rings.map((r) => r.map(([x, y]) => [x * scale, y * scale]))) {
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); ++y) {
        for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); ++x) {
          let odd = false;
          for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            const [xi, yi] = ring[i];
            const [xj, yj] = ring[j];
            if ((yi > y + 0.5) !== (yj > y + 0.5) && x + 0.5 < xi + ((y + 0.5 - yi) * (xj - xi)) / (yj - yi)) odd = !odd;
          }
          if (!odd) continue;
          ++inside;
          const at = 4 * (y * width + x);
          if (near(at, ocean) || near(at, white)) ++background;
        }
      }
    }
    return {inside, background};
  }, {rings: polygons, ocean: OCEAN, white: WHITE});
}

/**
 * Every pixel of a cell whose neighbours all have data must show a cell, not the ocean or
 * the page behind the globe (cells near the centre, boundaries from h3-js); where a cell
 * has no data, the ocean shows.
 */
async function checkCoverage(page) {
  const {cells, centre} = await page.evaluate(() => ({cells: window.STAC2H3_DATA.cells.split(','), centre: window.STAC2H3_DATA.centre}));
  const values = await page.evaluate(() => window.stac2h3Viewer.values());
  const hasData = new Map(cells.map((cell, i) => [cell, !Number.isNaN(values[i] ?? NaN)]));
  const res = h3.getResolution(cells[0]);
  const all = h3.getRes0Cells().flatMap((base) => h3.cellToChildren(base, res));
  const nearCentre = all.filter((cell) => h3.greatCircleDistance(h3.cellToLatLng(cell), [centre[1], centre[0]], 'km') < NEAR_CENTRE_KM);
  const project = (points) => page.evaluate((p) => window.stac2h3Viewer.projectAll(p), points);
  const surrounded = nearCentre.filter((cell) => h3.gridDisk(cell, 1).every((neighbour) => hasData.get(neighbour)));
  const rings = await Promise.all(surrounded.map((cell) => project(h3.cellToBoundary(cell).map(([lat, lng]) => [lng, lat]))));
  const {inside, background} = await backgroundPixelsIn(page, rings);
  check(surrounded.length > 20 && inside > 1000 && background === 0,
        `no background between cells (${background} of ${inside} pixels of ${surrounded.length} cells show it)`);
  const empty = nearCentre.filter((cell) => !hasData.has(cell)).map((cell) => [h3.cellToLatLng(cell)[1], h3.cellToLatLng(cell)[0]]);
  const emptyPixels = await pixelsAt(page, await project(empty));
  check(empty.length > 10 && emptyPixels.every((rgb) => near(rgb, OCEAN)),
        `the ocean shows where cells have no data (${emptyPixels.filter((rgb) => near(rgb, OCEAN)).length} of ${empty.length})`);
}

async function waitForRender(page) {
  await page.waitForFunction(() => document.body.getAttribute('data-rendered') === 'true');
  await page.evaluate(() => document.body.removeAttribute('data-rendered'));
  await page.waitForTimeout(300);
}

await withChromium({width: 900, height: 700}, async (page) => {
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  const requests = [];
  page.on('request', (request) => { if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) requests.push(request.url()); });

  const started = Date.now();
  await page.goto(pathToFileURL(resolve(page_path)).href);
  await waitForRender(page);
  console.log(`time to first render: ${Date.now() - started} ms`);
  await page.screenshot({path: join(out_dir, 'page_frame0.png')});
  const first = await drawnPixels(page);
  check(first.drawn > 900 * 700 * 0.1, `globe drawn (${first.drawn} non-background pixels)`);
  await checkCoverage(page);

  await page.locator('#frame').fill('2');
  await waitForRender(page);
  await page.screenshot({path: join(out_dir, 'page_frame2.png')});
  const moved = await drawnPixels(page);
  check(moved.hash !== first.hash, 'moving the slider changes the picture');
  check((await page.locator('#dates').textContent()).startsWith('2024-01-15'), 'the dates follow the slider');

  // Hover the centre of the page's cell nearest the view's centre: the tooltip names it.
  const {cells, centre} = await page.evaluate(() => ({cells: window.STAC2H3_DATA.cells.split(','), centre: window.STAC2H3_DATA.centre}));
  const distance = (cell) => h3.greatCircleDistance(h3.cellToLatLng(cell), [centre[1], centre[0]], 'km');
  const hovered = cells.reduce((best, cell) => (distance(cell) < distance(best) ? cell : best));
  const [hoveredLat, hoveredLng] = h3.cellToLatLng(hovered);
  const point = await page.evaluate(([lng, lat]) => window.stac2h3Viewer.project(lng, lat), [hoveredLng, hoveredLat]);
  await page.mouse.move(point[0], point[1]);
  await page.waitForTimeout(500);
  const tooltip = page.locator('#tooltip');
  const text = (await tooltip.isVisible()) ? await tooltip.textContent() : '';
  await page.screenshot({path: join(out_dir, 'page_hover.png')});
  check(text.startsWith(`cell ${hovered}\n`) && text.includes('n_items: ') && text.includes('2024-01-15'),
        `hover tooltip shows cell ${hovered}, value, n_items and dates (${JSON.stringify(text)})`);

  await page.selectOption('#variable', '1');
  await waitForRender(page);
  check((await page.locator('#legend').textContent()).startsWith('water'), 'the variable picker switches the legend');

  check(errors.length === 0, `no console errors (${errors.join(' | ')})`);
  check(requests.length === 0, `no network requests (${requests.join(' ')})`);

  const before = await globeExtent(page);
  const resized = await roundAfterResizes(page, [{width: 1200, height: 900}, {width: 900, height: 700}, {width: 700, height: 900}], 15);
  check(Math.abs(before.width - before.height) < 0.02 * before.width && resized.worst < 0.02,
        `the globe is round, also right after each of 15 resizes (${before.width} x ${before.height}; worst ${(100 * resized.worst).toFixed(1)} %: ${resized.extents.map((e) => `${e.width}x${e.height}`).join(' ')})`);
});
process.exit(failures.length ? 1 : 0);
