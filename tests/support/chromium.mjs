/**
 * @file chromium.mjs
 * @brief What the viewer tests share: Debian's Chromium, headless through playwright-core
 * with a fresh profile; a reader of the deck.gl canvas's pixels installed in every page; and
 * the globe's width and height as the browser shows them (from a screenshot, so that a
 * picture stretched by the browser after a resize is seen as it is).
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createRequire} from 'node:module';

const require = createRequire(join(process.cwd(), 'package.json'));
const {chromium} = require('playwright-core');

/** The pages' background (white). */
const WHITE = [255, 255, 255];

/**
 * Runs `body(page)` in a fresh headless Chromium with the given viewport; the page has
 * window.canvasPixels() -> {image, scale} (the deck.gl canvas copied into a 2D one, and the
 * ratio of its pixels to CSS pixels).
 */
export async function withChromium(viewport, body) {
  const profile = mkdtempSync(join(tmpdir(), 'stac2h3-chromium-'));
  // A fresh profile directory (playwright passes it as --user-data-dir).
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const page = browser.pages()[0] ?? await browser.newPage();
    await page.addInitScript(() => {
      window.canvasPixels = () => {
        const canvas = document.querySelector('#globe canvas');
        const copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        const context = copy.getContext('2d');
        context.drawImage(canvas, 0, 0);
        return {image: context.getImageData(0, 0, copy.width, copy.height), scale: canvas.width / canvas.clientWidth};
      };
    });
    return await body(page);
  } finally {
    await browser.close();
    rmSync(profile, {recursive: true, force: true});
  }
}

/** Pixels of the deck.gl canvas that differ from the page background (white), and a hash
 * of the whole picture. */
export async function drawnPixels(page) {
  return page.evaluate(() => {
    const {data} = window.canvasPixels().image;
    let drawn = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250)) ++drawn;
      hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) >>> 0;
    }
    return {drawn, hash};
  });
}

/**
 * The globe's extent in a screenshot taken now, with the page's panel hidden: the run of
 * non-background pixels along the middle row (width) and the middle column (height), where
 * the globe is centred.
 */
export async function globeExtent(page) {
  const png = (await page.screenshot({style: '#panel { visibility: hidden; }'})).toString('base64');
  return page.evaluate(async ({data, white}) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const drawn = (x, y) => {
      const i = 4 * (y * image.width + x);
      return white.some((c, k) => Math.abs(pixels[i + k] - c) > 3);
    };
    const run = (count, at) => {
      let first = -1;
      let last = -1;
      for (let i = 0; i < count; ++i) {
        if (at(i)) {
          if (first < 0) first = i;
          last = i;
        }
      }
      return first < 0 ? 0 : last - first + 1;
    };
    const midY = Math.floor(image.height / 2);
    const midX = Math.floor(image.width / 2);
    return {width: run(image.width, (x) => drawn(x, midY)), height: run(image.height, (y) => drawn(midX, y))};
  }, {data: png, white: WHITE});
}

/**
 * Resizes the window `shots` times between `sizes` and measures the globe in a screenshot
 * taken at once after each resize.
 * @returns the extents, and the worst relative difference of width and height.
 */
export async function roundAfterResizes(page, sizes, shots) {
  const extents = [];
  for (let i = 0; i < shots; ++i) {
    await page.setViewportSize(sizes[i % sizes.length]);
    extents.push(await globeExtent(page));
  }
  const worst = Math.max(...extents.map(({width, height}) => Math.abs(width - height) / Math.max(width, height, 1)));
  return {extents, worst};
}
