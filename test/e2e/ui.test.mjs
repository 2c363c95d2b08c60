// UI suite: what a person sees in a real VS Code (code-server 4.100.3 = VS Code 1.100, web workbench)
// with the packaged mlsd.vsix installed, driven by Debian chromium through playwright-core.
// Screenshots go to .test-artifacts/ui/. Everything polls for state; nothing sleeps a fixed time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, VSIX, installVsix, launchChromium, makeSandbox, poll, removeLater, startCodeServer } from './lib/editor.mjs';

const SHOTS = path.join(ARTIFACTS, 'ui');
let dirs, cs, browser, page;
let failed = false;
const T = {};

const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
const quickInput = () => page.locator('.quick-input-widget');
const status = (re) => page.locator('.statusbar-item', { hasText: re });
/** The coverage item: a checklist icon and covered/total, nothing else. */
const coverageItem = () => page.locator('.statusbar-item:has(.codicon-checklist)');
const treePane = () => page.locator('.sidebar .pane', { has: page.locator('.pane-header[aria-label^="Design Steps"]') });
const treeRows = () => treePane().locator('.monaco-list-row');
const webview = () => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

async function focusWorkbench() {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 12 } }).catch(() => {});
}

async function runCommand(title) {
  // The palette closes when something else takes focus (e.g. an editor opening): retry until it holds.
  await poll(`the command palette to offer "${title}"`, async () => {
    if (!(await quickInput().locator('input').isVisible())) await page.keyboard.press('F1');
    await quickInput().locator('input').fill(`>${title}`, { timeout: 2000 });
    await quickInput().locator('.monaco-list-row', { hasText: title }).first().waitFor({ timeout: 2000 });
    return true;
  });
  await page.keyboard.press('Enter');
}

async function openFile(name) {
  await focusWorkbench();
  await page.keyboard.press('Control+P');
  await quickInput().locator('input').fill(name);
  await quickInput().locator('.monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor();
}

async function goToLine(line) {
  await page.keyboard.press('Control+G');
  await quickInput().locator('input').fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator(`.editor-group-container.active .monaco-editor .line-numbers.active-line-number`, { hasText: new RegExp(`^${line}$`) }).first().waitFor();
}

const fixtureLine = (rel, re) => fs.readFileSync(path.join(dirs.ws, rel), 'utf8').split('\n').findIndex((l) => re.test(l)) + 1;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  assert.ok(fs.existsSync(VSIX), `${VSIX} exists (npm run package)`);
  dirs = makeSandbox('mlsd-ui-');
  T.start = Date.now();
  installVsix(dirs);
  T.installed = Date.now();
  cs = await startCodeServer(dirs, { folder: dirs.ws });
  browser = await launchChromium(dirs);
  browser.ctx.setDefaultTimeout(30_000);
  page = browser.page;
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(dirs.ws)}`);
  await page.locator('.monaco-workbench .explorer-folders-view').waitFor();
  T.workbench = Date.now();
});

after(async () => {
  if (failed || process.exitCode) {
    await page?.screenshot({ path: path.join(SHOTS, 'failure.png') }).catch(() => {});
    fs.writeFileSync(path.join(ARTIFACTS, 'ui-code-server.log'), cs?.log() ?? '');
  }
  await browser?.close().catch(() => {});
  await cs?.stop();
  if (!failed && !process.exitCode) removeLater(dirs.tmp);
  const s = (a, b) => (T[a] && T[b] ? `${((T[b] - T[a]) / 1000).toFixed(1)}s` : '-');
  console.log(`# ui timings: vsix install ${s('start', 'installed')}, workbench ready ${s('installed', 'workbench')}, first squiggle ${s('workbench', 'diag')}`);
});

const it = (name, fn) => test(name, async () => { try { await fn(); } catch (err) { failed = true; throw err; } });

it('squiggles and Problems rows carry mlsd rule ids', async () => {
  await openFile('podcast-recs.md');
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
  T.diag = Date.now();
  await page.locator('#status\\.problems[aria-label*="Warnings:"]').waitFor();
  await shot('01-squiggles');
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.filter({ hasText: 'missing-step' }).first().waitFor();
  const text = (await rows.allInnerTexts()).join('\n');
  for (const id of ['missing-step', 'unfilled-placeholder', 'metric-task-mismatch']) assert.match(text, new RegExp(id), `a Problems row for ${id}`);
  assert.match(text, /mlsd/, 'the source is mlsd');
  await shot('02-problems');
  await page.keyboard.press('Control+Shift+M');    // close the panel again
});

it('status bar shows "$(checklist) covered/7" (no findings count) and the tree agrees', async () => {
  const item = coverageItem();
  await item.waitFor();
  const text = (await item.innerText()).trim();
  const [, covered] = /^(\d)\/7$/.exec(text) ?? assert.fail(`coverage item text: "${text}"`);
  const tip = await item.locator('a, .statusbar-item-label').first().getAttribute('aria-label');
  assert.match(tip ?? '', /of 7 design steps covered/, `the item explains itself: ${tip}`);
  await item.click();                                         // click opens Design Steps in its one home, the MLSD container
  await poll('seven step rows', async () => (await treeRows().count()) === 7);
  assert.equal(await page.locator('.pane-header[aria-label^="Design Steps"]').count(), 1, 'the view is shown once');
  const labels = (await treeRows().locator('.label-name').allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(labels.slice(0, 3), ['Clarify requirements', 'Frame the problem as an ML task', 'Data preparation']);
  const pass = await treePane().locator('.monaco-list-row .codicon-pass').count();
  const coveredWithFindings = await treePane().locator('.monaco-list-row .codicon-circle-large-filled').count();
  const missing = await treePane().locator('.monaco-list-row .codicon-circle-slash').count();
  assert.equal(pass + coveredWithFindings, Number(covered), 'covered rows = covered count in the status bar');
  assert.equal(await treePane().locator('.monaco-list-row .codicon-warning, .monaco-list-row .codicon-error').count(), 0, 'no diagnostic icons in the tree');
  for (const row of await treeRows().all()) {
    const t = await row.innerText();
    if (/finding/.test(t)) assert.equal(await row.locator('.codicon-pass').count(), 0, `no pass mark beside "${t.replace(/\s+/g, ' ')}"`);
    assert.doesNotMatch(t, /[✓✗]/);
  }
  assert.equal(missing, 2, 'serving and monitoring are missing');
  const monitoring = treeRows().filter({ hasText: 'Monitoring' });
  assert.match(await monitoring.innerText(), /missing/);
  await shot('03-design-steps');
});

it('a missing step\'s inline "Insert Step" adds it and the row turns from missing', async () => {
  const row = treeRows().filter({ hasText: 'Monitoring' });
  await row.hover();
  await row.locator('.action-label[aria-label="Insert Step"]').click();
  await poll('monitoring row no longer missing', async () => (await row.locator('.codicon-circle-slash').count()) === 0);
  await poll('one missing step left', async () => (await treePane().locator('.monaco-list-row .codicon-circle-slash').count()) === 1);
  await shot('04-insert-step');
  await runCommand('File: Revert File');
  await poll('monitoring missing again after revert', async () => (await row.locator('.codicon-circle-slash').count()) === 1);
});

it('a plain README: no squiggles, no status item, the welcome view offers "New Design Doc"', async () => {
  await openFile('README.md');
  await treePane().locator('.welcome-view').getByRole('button', { name: 'New Design Doc' }).waitFor();
  await poll('status item hidden', async () => (await coverageItem().count()) === 0);
  assert.equal(await page.locator('.editor-group-container.active .monaco-editor .squiggly-warning').count(), 0, 'README is not flagged');
  await shot('05-readme-welcome');
});

it('the case-study panel renders, uses theme colours, and scrolls to the cursor\'s step', async () => {
  await openFile('podcast-recs.md');
  await goToLine(fixtureLine('design-docs/podcast-recs.md', /^## Evaluation/) + 2);
  await runCommand('MLSD: Open Case Study Reference');
  await page.locator('.tab', { hasText: 'Case Study: Homepage video recommendation' }).waitFor();
  const wv = webview();
  await wv.locator('body[data-active-step="evaluation"]').waitFor();
  const active = wv.locator('.mlsd-active-step > h2, .mlsd-active-step > h3').first();
  assert.equal(await wv.locator('.mlsd-active-step').count(), 1, 'one highlighted block for the step');
  assert.match(await active.innerText(), /Evaluation/);
  const geometry = await active.evaluate((h) => ({ top: h.getBoundingClientRect().top, vh: window.innerHeight, scrollY: window.scrollY,
    fg: getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-foreground').trim(), color: getComputedStyle(document.body).color }));
  assert.ok(geometry.scrollY > 0, 'the panel scrolled');
  assert.ok(geometry.top >= 0 && geometry.top < geometry.vh / 2, `the step heading is near the top (top=${geometry.top}, viewport=${geometry.vh})`);
  assert.ok(geometry.fg, 'VS Code theme variables are present');
  assert.match(await wv.locator('#mlsd-cursor').innerText(), /Evaluation/);
  await shot('06-case-study-evaluation');
  // Move the cursor in the doc: the panel follows.
  await runCommand('View: Focus First Editor Group');
  await goToLine(fixtureLine('design-docs/podcast-recs.md', /^## Data preparation/) + 2);
  await wv.locator('body[data-active-step="data"]').waitFor();
  assert.match(await wv.locator('.mlsd-active-step > :first-child').innerText(), /Data/);
  await poll('the (smooth) scroll to settle on the data heading', () => wv.locator('.mlsd-active-step > :first-child').evaluate((h) => {
    const top = h.getBoundingClientRect().top;
    return top >= 0 && top < window.innerHeight / 2;
  }));
  await shot('07-case-study-data');
});

it('a <script> or onerror= in a doc or in the panel never runs (CSP allows only the nonce\'d script)', async () => {
  await openFile('unsafe.md');
  await goToLine(fixtureLine('design-docs/unsafe.md', /^## Requirements/) + 2);
  const wv = webview();
  await wv.locator('body[data-active-step="requirements"]').waitFor();   // our own script ran
  const body = wv.locator('body');
  const facts = await body.evaluate(() => ({
    pwned: window.__mlsdPwned ?? null,
    scripts: [...document.scripts].map((s) => ({ nonce: !!s.nonce, src: !!s.src, vscodeApi: !s.src && /globalThis\.acquireVsCodeApi\s*=/.test(s.textContent) })),
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    headerImgs: document.querySelectorAll('.mlsd-bar img, .mlsd-bar script, .mlsd-bar svg').length,
    cursor: document.getElementById('mlsd-cursor').textContent,
  }));
  assert.equal(facts.pwned, null, 'nothing from the doc ran');
  // VS Code injects its own acquireVsCodeApi() script; apart from it, only our nonce'd script is there.
  assert.deepEqual(facts.scripts.filter((x) => !x.vscodeApi), [{ nonce: true, src: true, vscodeApi: false }], 'the only page script is our nonce\'d one');
  assert.match(facts.csp, /default-src 'none'/);
  assert.match(facts.csp, /script-src 'nonce-[A-Za-z0-9]+'/);
  assert.doesNotMatch(facts.csp, /unsafe-inline|unsafe-eval/);
  assert.equal(facts.headerImgs, 0, 'the doc heading is shown as text, not markup');
  assert.match(facts.cursor, /Requirements/);
  // Inject markup the way a sanitiser bug would let it in: CSP must refuse both handlers.
  await body.evaluate(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.effectiveDirective || e.violatedDirective));
    document.getElementById('mlsd-content').insertAdjacentHTML('beforeend',
      '<img id="mlsd-test-img" src="data:," onerror="window.__mlsdPwned=\'onerror\'"><a id="mlsd-test-a" href="javascript:window.__mlsdPwned=\'href\'">x</a>');
    const s = document.createElement('script');
    s.textContent = "window.__mlsdPwned = 'script'";
    document.body.appendChild(s);
  });
  await poll('two CSP violations', () => body.evaluate(() => window.__cspViolations.length >= 2));
  const after = await body.evaluate(() => ({ pwned: window.__mlsdPwned ?? null, violations: window.__cspViolations }));
  assert.equal(after.pwned, null, `no injected handler ran (violations: ${after.violations.join(', ')})`);
  assert.ok(after.violations.every((v) => /^script-src/.test(v)), `blocked by script-src: ${after.violations.join(', ')}`);
  await shot('08-csp');
});

it('"Choose Case Study" switches the panel to another case study', async () => {
  await runCommand('MLSD: Choose Case Study');
  const rows = quickInput().locator('.monaco-list-row');
  await poll('several case studies', async () => (await rows.count()) >= 3);
  await quickInput().locator('input').fill('fraud');
  await rows.filter({ hasText: /fraud/i }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab', { hasText: /Case Study: .*fraud/i }).waitFor();
  await webview().locator('#mlsd-title', { hasText: /fraud/i }).waitFor();
  await shot('09-choose-case-study');
});

it('the case-study panel survives a window reload (webview serializer)', async () => {
  const title = (await webview().locator('#mlsd-title').innerText()).trim();
  await runCommand('Developer: Reload Window');             // a real window reload: state is saved, then restored
  await page.locator('.monaco-workbench .part.editor .tab', { hasText: `Case Study: ${title}` }).first().click({ timeout: 60_000 });
  await webview().locator('#mlsd-title', { hasText: title }).waitFor();
  assert.ok(await webview().locator('#mlsd-content h2').count() > 3, 'the case study is rendered again');
  // With the panel focused (no active text editor), the restored design doc is tracked again.
  await coverageItem().waitFor();
  await poll('Design Steps lists the doc again, not the welcome view', async () => (await treeRows().count()) === 7);
  await shot('10-after-reload');
});

it('interview practice: a timer with the step to be on, and a summary at stop', async () => {
  await openFile('podcast-recs.md');
  await runCommand('MLSD: Start Interview Practice');
  const timer = status(/\d\/7 .* left · \d\d:\d\d total/);
  await timer.waitFor();
  assert.match((await timer.innerText()).trim(), /^1\/7 Clarify requirements · \d\d:\d\d left · 4\d:\d\d total$/);
  await poll('the countdown to tick', async () => /· 44:5\d total$/.test((await timer.innerText()).trim()));
  assert.equal(await page.locator('.notification-toast', { hasText: 'MLSD practice' }).count(), 0, 'no toast at start: the budget is in the status bar');
  await shot('11-practice');
  await runCommand('MLSD: Stop Interview Practice');
  await page.locator('.tab.active', { hasText: 'Untitled' }).waitFor();
  await page.locator('.editor-group-container.active .view-lines', { hasText: 'Interview practice summary' }).waitFor();
  await page.locator('.editor-group-container.active .view-lines', { hasText: '**missing**' }).waitFor();
  await poll('the timer is gone', async () => (await timer.count()) === 0);
  await shot('12-practice-summary');
});

it('New Design Doc: template quick pick, title, free path, never overwrites', async () => {
  await runCommand('MLSD: New Design Doc');
  const rows = quickInput().locator('.monaco-list-row');
  await quickInput().locator('input[placeholder="Template"]').waitFor();
  await rows.filter({ hasText: 'Seven-step' }).first().waitFor();
  assert.ok(await rows.count() >= 2, 'several templates');
  await shot('13-templates');
  await page.keyboard.press('Enter');
  await poll('the title box', async () => (await quickInput().locator('input').inputValue()) === 'Untitled ML system');
  await quickInput().locator('input').fill('Churn prediction');
  await page.keyboard.press('Enter');
  await poll('the proposed path', async () => (await quickInput().locator('input').inputValue()) === 'docs/design/churn-prediction.md');
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: 'churn-prediction.md' }).waitFor();
  await page.locator('.editor-group-container.active .view-lines', { hasText: 'Churn prediction' }).waitFor();
  await page.locator('.tab.active:not(.dirty)', { hasText: 'churn-prediction.md' }).waitFor();   // saved to disk
  const selected = await page.locator('.editor-group-container.active .monaco-editor .selected-text').count();
  assert.ok(selected > 0, 'the first placeholder is selected (snippet mode)');
  await shot('14-new-doc');
  // The untouched scaffold is not started: 0/7 in the status bar, each row an empty circle saying so.
  await poll('0/7 for the scaffold', async () => (await coverageItem().innerText()).trim() === '0/7');
  await coverageItem().click();
  await poll('seven not-started rows', async () =>
    (await treeRows().count()) === 7 && (await treePane().locator('.monaco-list-row .codicon-circle-large-outline').count()) === 7);
  for (const row of await treeRows().all()) {
    const t = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(t, /not started/, `row: ${t}`);
    assert.doesNotMatch(t, /[✓✗]/);
  }
  assert.equal(await treePane().locator('.monaco-list-row .codicon-pass, .monaco-list-row .codicon-warning, .monaco-list-row .codicon-error').count(), 0,
    'no pass mark and no diagnostic icon on a scaffold');
  await shot('14b-not-started-tree');
  // Second time: the same title proposes a free name, and typing the existing one is refused.
  await runCommand('MLSD: New Design Doc');
  await quickInput().locator('input[placeholder="Template"]').waitFor();
  await rows.filter({ hasText: 'Seven-step' }).first().waitFor();
  await page.keyboard.press('Enter');
  await poll('the title box', async () => (await quickInput().locator('input').inputValue()) === 'Untitled ML system');
  await quickInput().locator('input').fill('Churn prediction');
  await page.keyboard.press('Enter');
  await poll('a free name', async () => (await quickInput().locator('input').inputValue()) === 'docs/design/churn-prediction-2.md');
  await quickInput().locator('input').fill('docs/design/churn-prediction.md');
  await quickInput().locator('.quick-input-message', { hasText: 'already exists' }).waitFor();
  await shot('15-no-overwrite');
  await page.keyboard.press('Escape');
  assert.ok(fs.readFileSync(path.join(dirs.ws, 'docs/design/churn-prediction.md'), 'utf8').includes('Churn prediction'));
  assert.equal(fs.existsSync(path.join(dirs.ws, 'docs/design/churn-prediction-2.md')), false);
});

