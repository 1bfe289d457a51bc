/**
 * @file page_test.mjs
 * @brief Opens the page `stac2h3 plot -o page.html` wrote in headless Chromium (Debian's,
 * through playwright-core): no console errors, the globe is drawn, the slider changes the
 * picture, hovering a cell shows its tooltip. Screenshots are kept beside the page.
 * Usage: node page_test.mjs PAGE.html OUT_DIR   (exit status 0 when every check passes)
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {createRequire} from 'node:module';

const require = createRequire(join(process.cwd(), 'package.json'));
const {chromium} = require('playwright-core');

const [page_path, out_dir] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

/** Pixels of the deck.gl canvas that differ from the page background (white). */
async function drawnPixels(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('#globe canvas');
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d');
    context.drawImage(canvas, 0, 0);
    const {data} = context.getImageData(0, 0, copy.width, copy.height);
    let drawn = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250)) ++drawn;
      hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) >>> 0;
    }
    return {drawn, hash};
  });
}

async function waitForRender(page) {
  await page.waitForFunction(() => document.body.getAttribute('data-rendered') === 'true');
  await page.evaluate(() => document.body.removeAttribute('data-rendered'));
  await page.waitForTimeout(300);
}

const profile = mkdtempSync(join(tmpdir(), 'stac2h3-chromium-'));
// A fresh profile directory (playwright passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: {width: 900, height: 700},
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
try {
  const page = browser.pages()[0] ?? await browser.newPage();
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

  await page.locator('#frame').fill('2');
  await waitForRender(page);
  await page.screenshot({path: join(out_dir, 'page_frame2.png')});
  const moved = await drawnPixels(page);
  check(moved.hash !== first.hash, 'moving the slider changes the picture');
  check((await page.locator('#dates').textContent()).startsWith('2024-01-15'), 'the dates follow the slider');

  // Hover the centre of the data's first cell on screen: the tooltip names a cell.
  const point = await page.evaluate(() => window.stac2h3Viewer.project(window.STAC2H3_DATA.centre[0], window.STAC2H3_DATA.centre[1]));
  await page.mouse.move(point[0], point[1]);
  await page.waitForTimeout(500);
  const tooltip = page.locator('#tooltip');
  const text = (await tooltip.isVisible()) ? await tooltip.textContent() : '';
  await page.screenshot({path: join(out_dir, 'page_hover.png')});
  check(/^cell [0-9a-f]{15}\n/.test(text) && text.includes('n_items: ') && text.includes('2024-01-15'),
        `hover tooltip shows cell, value, n_items and dates (${JSON.stringify(text)})`);

  await page.selectOption('#variable', '1');
  await waitForRender(page);
  check((await page.locator('#legend').textContent()).startsWith('water'), 'the variable picker switches the legend');

  check(errors.length === 0, `no console errors (${errors.join(' | ')})`);
  check(requests.length === 0, `no network requests (${requests.join(' ')})`);
} finally {
  await browser.close();
  rmSync(profile, {recursive: true, force: true});
}
process.exit(failures.length ? 1 : 0);
