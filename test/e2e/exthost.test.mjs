// Extension-host suite runner for code-server: opens the workbench with an extension-development
// payload (extensionDevelopmentPath = this repo, extensionTestsPath = the bundled mocha suite), so the
// suite runs inside VS Code's real Node extension host, exactly as under @vscode/test-electron.
// Each mocha result (logged as `MLSD-RESULT {json}`) becomes a node:test subtest here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildExthostSuite } from './exthost/build.mjs';
import { ARTIFACTS, ROOT, launchChromium, makeSandbox, removeLater, startCodeServer } from './lib/editor.mjs';

const TIMEOUT = Number(process.env.MLSD_EXTHOST_TIMEOUT_MS || 300_000);

test('extension-host suite (mocha inside code-server\'s extension host)', { timeout: TIMEOUT + 60_000 }, async (t) => {
  if (!fs.existsSync(path.join(ROOT, 'dist/extension.js')) || !fs.existsSync(path.join(ROOT, 'dist/server.js'))) {
    assert.fail('dist/extension.js and dist/server.js must exist: run `npm run build` first');
  }
  const entry = await buildExthostSuite();
  const dirs = makeSandbox('mlsd-exthost-');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const cs = await startCodeServer(dirs);
  const browser = await launchChromium(dirs, { persistent: false });
  const { page } = browser;
  const results = [];
  const logLines = [];
  let finish;
  const done = new Promise((r) => { finish = r; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    logLines.push(text);
    for (const m of text.matchAll(/MLSD-RESULT (\{.*\})/g)) { try { results.push(JSON.parse(m[1])); } catch { /* partial line */ } }
    if (process.env.MLSD_E2E_VERBOSE) console.log(text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  page.on('pageerror', (e) => logLines.push(`[pageerror] ${e.message}`));
  const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(ROOT)], ['extensionTestsPath', remote(entry)], ['skipWelcome', 'true']]);
  const t0 = Date.now();
  let code;
  try {
    await page.goto(`${cs.url}/?folder=${encodeURIComponent(dirs.ws)}&payload=${encodeURIComponent(payload)}`);
    code = await Promise.race([done, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT).unref())]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'exthost-end.png') }).catch(() => {});
  } finally {
    fs.writeFileSync(path.join(ARTIFACTS, 'exthost.log'), logLines.join('\n') + '\n\n--- code-server ---\n' + cs.log());
    await browser.close().catch(() => {});
    await cs.stop();
  }
  console.log(`# extension-host suite: exit ${code}, ${results.length} mocha tests in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  for (const r of results) {
    await t.test(r.title, { skip: r.state === 'skipped' }, () => {
      if (r.state === 'failed') assert.fail(r.error);
    });
  }
  assert.ok(results.length > 0, `the suite reported results (exit ${code}); see .test-artifacts/exthost.log`);
  assert.equal(code, 0, `mocha exit code (see .test-artifacts/exthost.log)`);
  if (code === 0) removeLater(dirs.tmp);
});
