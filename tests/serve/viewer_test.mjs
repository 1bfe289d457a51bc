/**
 * @file viewer_test.mjs
 * @brief The served viewer in headless Chromium against a running `stac2h3 serve`: it draws,
 * asks only for visible zones at a level that follows the zoom (finer when zoomed in), the
 * slider changes the picture, the tooltip names a cell of the shown level with its value,
 * n_items and window, no console errors, and the globe stays round (also right after
 * resizes). Prints the time to first picture. Screenshots are kept in OUT_DIR.
 * Usage: node viewer_test.mjs STAC2H3 STORE.zarr OUT_DIR   (exit status 0 when all pass)
 */
import {spawn} from 'node:child_process';
import {join} from 'node:path';
import {createRequire} from 'node:module';

import {drawnPixels, globeExtent, roundAfterResizes, withChromium} from '../support/chromium.mjs';

const require = createRequire(join(process.cwd(), 'package.json'));
const h3 = require('h3-js');

const [binary, store, outDir] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

/** Starts the server on a free port; resolves with its base URL and the process. */
function startServer() {
  const server = spawn(binary, ['serve', store, '--port', '0'], {stdio: ['ignore', 'ignore', 'pipe']});
  return new Promise((resolve, reject) => {
    let text = '';
    server.stderr.on('data', (chunk) => {
      text += chunk;
      const match = text.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) resolve({server, base: match[0]});
    });
    server.on('exit', (status) => reject(new Error(`serve exited (${status}): ${text}`)));
  });
}

/** Waits until the viewer has loaded what it asked for and drawn it. */
async function waitForPicture(page) {
  await page.waitForFunction(() => document.body.dataset.loading === 'false' && document.body.dataset.rendered === 'true',
    null, {timeout: 90000});
  await page.waitForTimeout(200);
}

const levelOf = (url) => {
  const zone = url.match(/zones\/([0-9a-f]+)\/data/)[1];
  return h3.getResolution(zone) + Number(url.match(/zone-depth=(\d+)/)[1]);
};

const {server, base} = await startServer();
try {
  await withChromium({width: 1200, height: 900}, async (page) => {
    const errors = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(String(error)));
    const zoneRequests = [];
    page.on('request', (request) => { if (request.url().includes('/zones/')) zoneRequests.push(request.url()); });
    page.on('response', (response) => { if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`); });

    const started = Date.now();
    await page.goto(base);
    await waitForPicture(page);
    console.log(`time to first picture: ${Date.now() - started} ms`);
    await page.screenshot({path: join(outDir, 'viewer_globe.png')});
    const first = await drawnPixels(page);
    check(first.drawn > 1200 * 900 * 0.2, `globe drawn (${first.drawn} non-background pixels)`);
    const globeLevel = await page.evaluate(() => window.stac2h3Viewer.state.level);
    const globeRequests = zoneRequests.splice(0);
    check(globeRequests.length > 0 && globeRequests.every((url) => levelOf(url) === globeLevel),
          `at globe view, ${globeRequests.length} zone requests, all at level ${globeLevel}`);
    check(globeRequests.length < 122, `only visible zones requested at globe view (${globeRequests.length} of the 122 res-0 zones)`);
    const extent = await globeExtent(page);
    check(Math.abs(extent.width - extent.height) < 0.02 * extent.width, `the globe is round (${extent.width} x ${extent.height})`);
    const resized = await roundAfterResizes(page, [{width: 1000, height: 800}, {width: 800, height: 900}, {width: 1200, height: 900}], 15);
    check(resized.worst < 0.02, `the globe stays round right after each of 15 resizes (worst ${(100 * resized.worst).toFixed(1)} %: ${resized.extents.map((e) => `${e.width}x${e.height}`).join(' ')})`);

    await page.evaluate(() => window.stac2h3Viewer.zoomTo(10, 45, 4.5));
    await page.waitForFunction((level) => window.stac2h3Viewer.state.level > level, globeLevel, {timeout: 90000});
    await waitForPicture(page);
    await page.screenshot({path: join(outDir, 'viewer_zoomed.png')});
    const zoomedLevel = await page.evaluate(() => window.stac2h3Viewer.state.level);
    const zoomedRequests = zoneRequests.splice(0);
    check(zoomedLevel > globeLevel && zoomedRequests.some((url) => levelOf(url) === zoomedLevel),
          `zooming in asks for a finer level (${globeLevel} -> ${zoomedLevel}, ${zoomedRequests.length} requests)`);
    const zones = await page.evaluate(() => window.stac2h3Viewer.state.zones);
    check(zones.length > 0 && zones.length < 60, `zoomed in, only the ${zones.length} zones in view are asked for`);

    const before = await drawnPixels(page);
    await page.locator('#day').fill('20');
    await waitForPicture(page);
    const after = await drawnPixels(page);
    check(after.hash !== before.hash, 'moving the slider changes the picture');
    const dates = await page.locator('#dates').textContent();
    check(dates.startsWith('2024-01-21'), `the dates follow the slider (${dates})`);

    // Hover points near the view's centre until one is over a cell with a value.
    let text = '';
    for (const [dx, dy] of [[0, 0], [20, 10], [-25, 15], [30, -20], [-15, -30], [45, 5], [5, 45]]) {
      await page.mouse.move(600 + dx, 450 + dy);
      await page.waitForTimeout(300);
      const tooltip = page.locator('#tooltip');
      text = (await tooltip.isVisible()) ? await tooltip.textContent() : '';
      if (/\d/.test(text.split('\n')[1] ?? '')) break;
    }
    const cell = (text.match(/^cell ([0-9a-f]+)\n/) ?? [])[1];
    check(cell && h3.isValidCell(cell) && h3.getResolution(cell) === zoomedLevel &&
          /\ncloud_cover: [\d.]+ % \(mean\)\nn_items: \d+\n2024-01-21 – 2024-01-27$/.test(text),
          `the tooltip shows a level-${zoomedLevel} cell, its value, n_items and window (${JSON.stringify(text)})`);
    await page.screenshot({path: join(outDir, 'viewer_hover.png')});

    check(errors.length === 0, `no console errors or failed requests (${errors.join(' | ')})`);
  });
} finally {
  server.kill('SIGINT');
}
process.exit(failures.length ? 1 : 0);
