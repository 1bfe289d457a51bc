/**
 * @file bench_serve_viewer.mjs
 * @brief The served viewer's time to first picture: from navigation to the first frame drawn
 * with every visible zone loaded, in headless Chromium (swiftshader WebGL, so a real GPU is
 * faster) against a running `stac2h3 serve`; also the zone requests and bytes it took.
 * Usage: node bench/bench_serve_viewer.mjs URL [RUNS]
 */
import {withChromium} from '../tests/support/chromium.mjs';

const [url, runs = '3'] = process.argv.slice(2);
const times = [];
for (let run = 0; run < Number(runs); ++run) {
  await withChromium({width: 1200, height: 900}, async (page) => {
    let requests = 0;
    let bytes = 0;
    page.on('response', (response) => {
      if (!response.url().includes('/zones/')) return;
      ++requests;
      bytes += Number(response.headers()['content-length'] ?? 0);
    });
    const started = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.loading === 'false' && document.body.dataset.rendered === 'true',
      null, {timeout: 120000});
    const elapsed = Date.now() - started;
    times.push(elapsed);
    const status = await page.locator('#status').textContent();
    console.log(`run ${run + 1}: first picture in ${elapsed} ms (${status}; ${requests} zone requests, ${(bytes / 1e6).toFixed(2)} MB)`);
  });
}
times.sort((a, b) => a - b);
console.log(`time to first picture: best ${times[0]} ms, median ${times[Math.floor(times.length / 2)]} ms`);
