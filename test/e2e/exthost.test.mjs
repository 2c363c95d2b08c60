// Extension-host suite runner for code-server: opens the workbench with an extension-development
// payload (extensionDevelopmentPath = this repo, extensionTestsPath = the bundled mocha suite), so the
// suite runs inside VS Code's real Node extension host, exactly as under @vscode/test-electron.
// Each mocha result (logged as `MLSD-RESULT {json}`) becomes a node:test subtest here.
// Three runs: the main suite with workspace trust disabled, then Restricted Mode (trust enabled, the
// workspace untrusted, with a team framework and settings it must ignore), then an editor without the
// language-model API (the suite removes `vscode.lm` before mlsd activates), and the editor in Russian
// (code-server --locale ru: mlsd's manifest, client and server messages in Russian).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildExthostSuite, noLanguageModelEntry, restrictedEntry, russianEntry } from './exthost/build.mjs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { ARTIFACTS, ROOT, installVsix, launchChromium, makeSandbox, removeLater, startCodeServer } from './lib/editor.mjs';

const TIMEOUT = Number(process.env.MLSD_EXTHOST_TIMEOUT_MS || 300_000);

/** Opens code-server with the payload, collects MLSD-RESULT lines, reports each as a subtest. */
async function runInExtensionHost(t, { name, entry, dirs, trust = false, locale }) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const cs = await startCodeServer(dirs, { trust, locale });
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
    for (const m of text.matchAll(/MLSD-METRIC (.*)/g)) console.log(`# ${m[1]}`);
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
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-end.png`) }).catch(() => {});
  } finally {
    fs.writeFileSync(path.join(ARTIFACTS, `${name}.log`), logLines.join('\n') + '\n\n--- code-server ---\n' + cs.log());
    await browser.close().catch(() => {});
    await cs.stop();
  }
  console.log(`# ${name}: exit ${code}, ${results.length} mocha tests in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  for (const r of results) {
    await t.test(r.title, { skip: r.state === 'skipped' }, () => {
      if (r.state === 'failed') assert.fail(r.error);
    });
  }
  assert.ok(results.length > 0, `the suite reported results (exit ${code}); see .test-artifacts/${name}.log`);
  assert.equal(code, 0, `mocha exit code (see .test-artifacts/${name}.log)`);
  if (code === 0) removeLater(dirs.tmp);
}

/** test/e2e/fixtures/ru-language-pack as a .vsix in `dir`. */
function packRussianLanguagePack(dir) {
  const out = path.join(dir, 'ru-language-pack.vsix');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out],
    { cwd: path.join(ROOT, 'test/e2e/fixtures/ru-language-pack'), stdio: 'pipe' });
  return out;
}

/**
 * languagepacks.json in the user data folder: what VS Code writes when a language pack is installed
 * in a running editor (the command-line install does not), and what `--locale` is resolved against.
 */
function registerLanguagePack(dirs, id, version, languageId, label) {
  const folder = path.join(dirs.ext, `${id}-${version}`);
  const hash = createHash('md5').update(id).update(version).digest('hex');
  const packs = { [languageId]: { hash, extensions: [{ extensionIdentifier: { id }, version }], translations: { vscode: path.join(folder, 'translations/main.i18n.json') }, label } };
  fs.writeFileSync(path.join(dirs.data, 'languagepacks.json'), JSON.stringify(packs));
}

function requireBuild() {
  if (!fs.existsSync(path.join(ROOT, 'dist/extension.js')) || !fs.existsSync(path.join(ROOT, 'dist/server.js'))) {
    assert.fail('dist/extension.js and dist/server.js must exist: run `npm run build` first');
  }
}

/** A team framework: the built-in one with the serving and monitoring steps renamed (the fixture doc lacks both). */
function writeTeamWorkspace(ws) {
  const fw = JSON.parse(fs.readFileSync(path.join(ROOT, 'server/src/knowledge/frameworks/seven-step.json'), 'utf8'));
  delete fw.$schema;
  fw.steps.find((s) => s.id === 'serving').title = 'Team serving step';
  fw.steps.find((s) => s.id === 'monitoring').title = 'Team watching step';
  fs.writeFileSync(path.join(ws, 'team-framework.json'), JSON.stringify(fw, null, 2));
  fs.writeFileSync(path.join(ws, '.mlsd.json'), JSON.stringify({ framework: 'team-framework.json' }, null, 2));
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.vscode/settings.json'), JSON.stringify({
    'mlsd.framework': 'team-framework.json', 'mlsd.templatesFolder': 'team-templates',
  }, null, 2));
}

test('extension-host suite (mocha inside code-server\'s extension host)', { timeout: TIMEOUT + 60_000 }, async (t) => {
  requireBuild();
  const entry = await buildExthostSuite();
  await runInExtensionHost(t, { name: 'exthost', entry, dirs: makeSandbox('mlsd-exthost-') });
});

test('extension-host suite in Restricted Mode (workspace trust on, folder untrusted)', { timeout: TIMEOUT + 60_000 }, async (t) => {
  requireBuild();
  await buildExthostSuite();
  const dirs = makeSandbox('mlsd-restricted-', {
    'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never', 'security.workspace.trust.untrustedFiles': 'open',
  });
  writeTeamWorkspace(dirs.ws);
  await runInExtensionHost(t, { name: 'exthost-restricted', entry: restrictedEntry, dirs, trust: true });
});

test('extension-host suite without the language-model API (vscode.lm removed before activation)', { timeout: TIMEOUT + 60_000 }, async (t) => {
  requireBuild();
  await buildExthostSuite();
  await runInExtensionHost(t, { name: 'exthost-no-lm', entry: noLanguageModelEntry, dirs: makeSandbox('mlsd-no-lm-') });
});

test('extension-host suite with the editor in Russian (code-server --locale ru)', { timeout: TIMEOUT + 60_000 }, async (t) => {
  requireBuild();
  await buildExthostSuite();
  const dirs = makeSandbox('mlsd-ru-');
  // VS Code offers a display language only when a language pack provides it; the real Russian pack
  // cannot be downloaded here, so a stand-in with no translations of its own is installed first.
  installVsix(dirs, packRussianLanguagePack(dirs.tmp));
  registerLanguagePack(dirs, 'mlsd-test.mlsd-test-ru-language-pack', '0.0.1', 'ru', 'русский');
  await runInExtensionHost(t, { name: 'exthost-ru', entry: russianEntry, dirs, locale: 'ru' });
});
