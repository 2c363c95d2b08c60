// Report suite: the HTML page `mlsd report` writes, opened from disk in Debian chromium (headless,
// playwright-core) in light and in dark (prefers-color-scheme emulation), as a reviewer would open it.
// Checks what the string tests in test/cli/report.test.ts cannot: that the matrix and the SVG step bars
// are laid out and painted (non-zero boxes, a screenshot with more than one colour, the theme's own
// background), that the page asks the network for nothing, and that the CSP still lets the sorter run.
// Screenshots go to .test-artifacts/report/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARTIFACTS, ROOT, launchChromium, removeLater } from './lib/editor.mjs';

const SHOTS = path.join(ARTIFACTS, 'report');
/** The page's background per scheme (server/src/report/html-assets.ts, --bg). */
const BACKGROUND = { light: [0xff, 0xff, 0xff], dark: [0x0d, 0x11, 0x17] };
let tmp, reportUrl, docCount, browser;

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-report-e2e-'));
  const docs = path.join(tmp, 'docs');
  fs.mkdirSync(docs);
  // Several design docs with every status among them, and a README the report lists as skipped.
  for (const dir of ['test/cli/fixtures/report/team', 'examples']) {
    for (const f of fs.readdirSync(path.join(ROOT, dir)).filter((x) => x.endsWith('.md'))) {
      fs.copyFileSync(path.join(ROOT, dir, f), path.join(docs, `${path.basename(dir)}-${f}`));
    }
  }
  docCount = fs.readdirSync(docs).filter((f) => !f.endsWith('README.md')).length;
  const out = path.join(tmp, 'review.html');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/mlsd.js'), 'report', docs, '--output', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  reportUrl = pathToFileURL(out).href;
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  if (tmp) removeLater(tmp);
});

/** Distinct colours and the top-left pixel of a PNG, decoded by the browser's own canvas. */
async function pixels(page, png) {
  const probe = await page.context().newPage();
  try {
    return await probe.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return { colours: colours.size, corner: [data[0], data[1], data[2]], width: img.width, height: img.height };
    }, png.toString('base64'));
  } finally {
    await probe.close();
  }
}

/** A visible element's box, asserted non-empty. */
async function box(locator, what) {
  await locator.waitFor({ state: 'visible', timeout: 30_000 });
  const b = await locator.boundingBox();
  assert.ok(b && b.width > 0 && b.height > 0, `${what} has a box (${JSON.stringify(b)})`);
  return b;
}

for (const scheme of ['light', 'dark']) {
  test(`report page in ${scheme}: matrix and step bars painted, nothing fetched, sorting runs`, { timeout: 120_000 }, async () => {
    browser ??= await launchChromium({}, { persistent: false });
    // A context of its own per scheme (the helper's page lives in a one-page context).
    const ctx = await browser.page.context().browser().newContext({ viewport: { width: 1300, height: 900 }, colorScheme: scheme });
    const page = await ctx.newPage();
    const requests = [];
    const problems = [];
    // Anything but the report file itself is a fetch the page must not make: record it and refuse it.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === reportUrl) return route.continue();
      requests.push(url);
      return route.abort();
    });
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.emulateMedia({ colorScheme: scheme }); // as the context already says; explicit for the reader
    await page.goto(reportUrl);

    const matrix = page.locator('table.matrix');
    await box(matrix, 'the matrix');
    assert.equal(await matrix.locator('tbody tr').count(), docCount, 'one matrix row per design doc');
    const bars = page.locator('svg.stepbar');
    assert.equal(await bars.count(), docCount, 'one step bar per design doc');
    const bar = await box(bars.first(), 'the first step bar');
    assert.ok(bar.width > 200 && bar.height > 20, `the step bar is drawn at a readable size (${bar.width}×${bar.height})`);

    const page1 = await page.screenshot({ path: path.join(SHOTS, `page-${scheme}.png`) });
    const shot = await pixels(page, page1);
    assert.ok(shot.colours > 20, `the page shot is not one flat colour (${shot.colours} colours)`);
    assert.deepEqual(shot.corner, BACKGROUND[scheme], `${scheme} background`);
    const matrixShot = await pixels(page, await matrix.screenshot({ path: path.join(SHOTS, `matrix-${scheme}.png`) }));
    assert.ok(matrixShot.colours > 10, `the matrix shot has its status colours and text (${matrixShot.colours} colours)`);
    const barShot = await pixels(page, await bars.first().screenshot({ path: path.join(SHOTS, `stepbar-${scheme}.png`) }));
    assert.ok(barShot.colours > 5, `the step bar shot has fills, strokes and labels (${barShot.colours} colours)`);

    // The status colours differ from the background, and follow the scheme.
    const cellColours = await page.evaluate(() => ['covered', 'missing'].map((s) => {
      const td = document.querySelector(`table.matrix td.${s}`);
      return td ? getComputedStyle(td).backgroundColor : null;
    }));
    assert.ok(cellColours.every(Boolean), `the fixture has covered and missing cells: ${cellColours}`);
    assert.notEqual(cellColours[0], cellColours[1], 'covered and missing cells look different');
    const expected = scheme === 'light' ? ['rgb(218, 251, 225)', 'rgb(255, 235, 233)'] : ['rgb(18, 54, 31)', 'rgb(66, 22, 26)'];
    assert.deepEqual(cellColours, expected, `${scheme} status colours`);

    // The sorter is allowed by its hash in the CSP: clicking "Findings" sorts the rows by it.
    const findings = page.locator('table.matrix thead th', { hasText: 'Findings' });
    await findings.locator('button').click();
    assert.equal(await findings.getAttribute('aria-sort'), 'ascending');
    const counts = await matrix.locator('tbody tr td:last-child').allTextContents();
    assert.deepEqual(counts.map(Number), counts.map(Number).sort((a, b) => a - b), 'rows in ascending order of findings');

    assert.deepEqual(requests, [], 'the page fetched nothing');
    assert.deepEqual(problems, [], 'no console error (a CSP violation would be one)');
    await ctx.close();
  });
}
