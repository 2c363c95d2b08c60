// Web extension suite: mlsd.vsix installed in code-server 4.100.3 (VS Code 1.100) with the user setting
// `remote.extensionKind: {"mlsd.mlsd": ["web"]}`, which makes the workbench run mlsd in the browser's
// web-worker extension host — the `browser` entry (dist/web/extension.js) with its language server in
// a Web Worker (dist/web/server.js), as in VS Code for the Web. Driven by Debian chromium through
// playwright-core; asserts what a person sees: squiggles and Problems rows (with the workspace's
// .mlsd.json, read through workspace.fs, applied), the Design Steps view, a quick fix applied, hover,
// completion, the case-study panel following the cursor, interview practice, and New Design Doc writing through workspace.fs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, VSIX, installVsix, launchChromium, makeSandbox, poll, removeLater, startCodeServer } from './lib/editor.mjs';
import { workbench } from './lib/workbench.mjs';

const SHOTS = path.join(ARTIFACTS, 'web');
let dirs, cs, browser, page;
let failed = false;
const consoleLines = [];

const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
const { quickInput, status, webview, runCommand, openFile, goToLine } = workbench(() => page);
const treePane = () => page.locator('.sidebar .pane', { has: page.locator('.pane-header[aria-label^="Design Steps"]') });
const treeRows = () => treePane().locator('.monaco-list-row');
const problemRows = () => page.locator('.markers-panel .monaco-list-row');
const fixtureLine = (rel, re) => fs.readFileSync(path.join(dirs.ws, rel), 'utf8').split('\n').findIndex((l) => re.test(l)) + 1;

/** Node processes running this sandbox's installed mlsd server (there must be none: the server is a Web Worker). */
function nodeServers() {
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return ps.split('\n').filter((l) => l.includes(dirs.ext) && /dist[\\/]server\.js/.test(l));
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  assert.ok(fs.existsSync(VSIX), `${VSIX} exists (npm run package)`);
  dirs = makeSandbox('mlsd-web-', { 'remote.extensionKind': { 'mlsd.mlsd': ['web'] } });
  // The team turns one rule off in .mlsd.json: the web server can only know that through workspace.fs.
  fs.writeFileSync(path.join(dirs.ws, '.mlsd.json'), JSON.stringify({ rules: { 'metric-task-mismatch': 'off' } }, null, 2));
  installVsix(dirs);
  cs = await startCodeServer(dirs, { folder: dirs.ws });
  browser = await launchChromium(dirs);
  browser.ctx.setDefaultTimeout(30_000);
  page = browser.page;
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(dirs.ws)}`);
  await page.locator('.monaco-workbench .explorer-folders-view').waitFor();
});

after(async () => {
  if (failed || process.exitCode) {
    await page?.screenshot({ path: path.join(SHOTS, 'failure.png') }).catch(() => {});
    fs.writeFileSync(path.join(ARTIFACTS, 'web-code-server.log'), `${cs?.log() ?? ''}\n--- browser console ---\n${consoleLines.join('\n')}\n`);
  }
  await browser?.close().catch(() => {});
  await cs?.stop();
  if (!failed && !process.exitCode) removeLater(dirs.tmp);
});

const it = (name, fn) => test(name, async () => { try { await fn(); } catch (err) { failed = true; throw err; } });

it('a design doc gets squiggles and Problems rows from the web extension, with .mlsd.json applied', async () => {
  await openFile('podcast-recs.md');
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
  await page.keyboard.press('Control+Shift+M');
  await problemRows().filter({ hasText: 'missing-step' }).first().waitFor();
  const text = (await problemRows().allInnerTexts()).join('\n');
  for (const id of ['missing-step', 'unfilled-placeholder']) assert.match(text, new RegExp(id), `a Problems row for ${id}`);
  assert.doesNotMatch(text, /metric-task-mismatch/, 'the rule .mlsd.json turns off is not reported');
  await shot('01-problems');
  await page.keyboard.press('Control+Shift+M');
  // It is the web extension: its server runs in a Web Worker of this page (client/src/browser/extension.ts
  // names it), and no Node process runs the server for it.
  const names = await Promise.all(page.workers().map((w) => w.evaluate(() => self.name).catch(() => '?')));
  // The web extension host names the workers its extensions start "ExtensionHostWorker -> <name>".
  assert.ok(names.some((n) => /^ExtensionHostWorker -> mlsd-language-server$/.test(n)), `mlsd's server runs in a worker of the web extension host (workers: ${names.join(', ')})`);
  assert.deepEqual(nodeServers(), [], 'no Node process runs the mlsd server');
});

it('the Design Steps view lists the seven steps', async () => {
  await runCommand('MLSD: Focus Design Steps');
  await poll('seven step rows', async () => (await treeRows().count()) === 7);
  const labels = (await treeRows().locator('.label-name').allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(labels.slice(0, 3), ['Clarify requirements', 'Frame the problem as an ML task', 'Data preparation']);
  assert.ok(await treePane().locator('.monaco-list-row .codicon-circle-slash').count() >= 1, 'a missing step is marked');
  await shot('02-design-steps');
});

it('the desktop-only workspace features are not offered: no Design Docs view, no review report in the palette', async () => {
  // The MLSD container is open (Design Steps shows), so a Design Docs pane would be beside it.
  await treeRows().first().waitFor();
  assert.equal(await page.locator('.sidebar .pane-header[aria-label^="Design Docs"]').count(), 0, 'no Design Docs pane');
  // Of the two commands named "MLSD: Open …", only the case study is offered; the report is not.
  await page.keyboard.press('F1');
  await quickInput().locator('input').fill('>MLSD: Open');
  await quickInput().locator('.monaco-list-row', { hasText: 'MLSD: Open Case Study Reference' }).first().waitFor();
  const rows = (await quickInput().locator('.monaco-list-row').allInnerTexts()).join(' | ');
  assert.ok(!rows.includes('Open Review Report'), `the palette offers the review report: ${rows}`);
  await page.keyboard.press('Escape');
});

it('a quick fix is applied: "Disable unfilled-placeholder for this line" on the TODO line', async () => {
  const line = fs.readFileSync(path.join(dirs.ws, 'design-docs/podcast-recs.md'), 'utf8').split('\n').findIndex((l) => /^TODO:/.test(l)) + 1;
  assert.ok(line > 0, 'the fixture has a TODO line');
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
  await goToLine(line);
  await page.keyboard.press('Control+.');
  const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Disable unfilled-placeholder for this line' }).first();
  await action.waitFor();
  await shot('03-quick-fix-menu');
  // The menu's rows move under the pointer as it opens: choose with the keyboard.
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  await poll('the quick fix focused in the menu', async () => {
    if ((await focused.innerText().catch(() => '')).includes('Disable unfilled-placeholder for this line')) return true;
    await page.keyboard.press('ArrowDown');
    return false;
  });
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'mlsd-disable' }).first().waitFor();
  // The server re-lints the edited text: the unfilled-placeholder finding leaves the Problems panel.
  await page.keyboard.press('Control+Shift+M');
  await poll('unfilled-placeholder gone from Problems', async () => (await problemRows().filter({ hasText: 'unfilled-placeholder' }).count()) === 0);
  assert.ok(await problemRows().filter({ hasText: 'missing-step' }).count() > 0, 'the other findings stay');
  await shot('04-quick-fix-applied');
});

it('hovering a step heading shows its questions', async () => {
  await openFile('podcast-recs.md');
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
  await goToLine(fixtureLine('design-docs/podcast-recs.md', /^## Framing/));
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover-content', { hasText: 'Questions to answer' });
  await hover.waitFor();
  assert.match(await hover.innerText(), /Frame the problem as an ML task/);
  await page.keyboard.press('Escape');
});

it('completion after "## " offers the steps the doc lacks', async () => {
  await openFile('podcast-recs.md');
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('## ');
  const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Serving and deployment' }).first();
  await poll('the suggestion for the missing serving step', async () => {
    if (await suggestion.isVisible()) return true;
    await page.keyboard.press('Control+Space');
    return suggestion.isVisible({ timeout: 1000 }).catch(() => false);
  });
  await shot('07-completion');
  await page.keyboard.press('Escape');
});

it('the case-study panel opens the case study the doc names, at the cursor\'s step', async () => {
  await openFile('podcast-recs.md');
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
  await goToLine(fixtureLine('design-docs/podcast-recs.md', /^## Evaluation/) + 2);
  await runCommand('MLSD: Open Case Study Reference');
  await page.locator('.tab', { hasText: 'Case Study: Homepage video recommendation' }).waitFor();
  await webview().locator('body[data-active-step="evaluation"]').waitFor();
  assert.match(await webview().locator('.mlsd-active-step > :first-child').innerText(), /Evaluation/);
  await shot('05-case-study');
});

it('interview practice starts a timer on the first step', async () => {
  await openFile('podcast-recs.md');
  await runCommand('MLSD: Start Interview Practice');
  const timer = status(/\d\/7 .* left · \d\d:\d\d total/);
  await timer.waitFor();
  assert.match((await timer.innerText()).trim(), /^1\/7 Clarify requirements · \d\d:\d\d left · 4\d:\d\d total$/);
  await runCommand('MLSD: Stop Interview Practice');
  await page.locator('.editor-group-container.active .view-lines', { hasText: 'Interview practice summary' }).waitFor();
});

it('New Design Doc writes the scaffold through workspace.fs', async () => {
  await runCommand('MLSD: New Design Doc');
  await quickInput().locator('input[placeholder="Template"]').waitFor();
  await quickInput().locator('.monaco-list-row', { hasText: 'Seven-step' }).first().waitFor();
  await page.keyboard.press('Enter');
  await poll('the title box', async () => (await quickInput().locator('input').inputValue()) === 'Untitled ML system');
  await quickInput().locator('input').fill('Web churn');
  await page.keyboard.press('Enter');
  await poll('the proposed path', async () => (await quickInput().locator('input').inputValue()) === 'docs/design/web-churn.md');
  await page.keyboard.press('Enter');
  await page.locator('.tab.active:not(.dirty)', { hasText: 'web-churn.md' }).waitFor();
  await poll('the file on disk', () => fs.existsSync(path.join(dirs.ws, 'docs/design/web-churn.md')) && fs.readFileSync(path.join(dirs.ws, 'docs/design/web-churn.md'), 'utf8').includes('Web churn'));
  await shot('06-new-doc');
});
