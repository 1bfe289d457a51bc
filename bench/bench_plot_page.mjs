/**
 * @file bench_plot_page.mjs
 * @brief The interactive page's cost: file size and time from navigation to deck.gl's first
 * drawn frame in headless Chromium (swiftshader WebGL, so a lower bound for a real GPU is
 * far less). Usage: node bench/bench_plot_page.mjs PAGE.html [RUNS]
 */
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

const require = createRequire(join(process.cwd(), 'package.json'));
const {chromium} = require('playwright-core');
const [page_path, runs = '3'] = process.argv.slice(2);

const times = [];
for (let run = 0; run < Number(runs); ++run) {
  const profile = mkdtempSync(join(tmpdir(), 'stac2h3-bench-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: {width: 1024, height: 768},
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const page = browser.pages()[0] ?? await browser.newPage();
    const started = Date.now();
    await page.goto(pathToFileURL(resolve(page_path)).href);
    await page.waitForFunction(() => document.body.getAttribute('data-rendered') === 'true', null,
                               {timeout: 120000});
    times.push(Date.now() - started);
  } finally {
    await browser.close();
    rmSync(profile, {recursive: true, force: true});
  }
}
times.sort((a, b) => a - b);
console.log(`page ${page_path}: ${(statSync(page_path).size / 1e6).toFixed(2)} MB, first render ` +
            `median ${times[Math.floor(times.length / 2)]} ms (runs: ${times.join(', ')} ms)`);
