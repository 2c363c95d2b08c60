#!/usr/bin/env node
// `npm run test:e2e`: the real-editor suites. Installs what is missing (Debian packages; code-server
// into a cache folder, skipped when present), rebuilds and repackages mlsd.vsix when stale, then runs
//   1. exthost — mocha inside code-server's real extension host (VS Code API assertions)
//   2. ui      — playwright-core + Debian chromium against code-server with mlsd.vsix installed
//   2b. web    — the same, with mlsd forced into the browser's web-worker extension host (the web extension)
//   3. nvim    — Neovim 0.7 as a second LSP client of dist/server.js --stdio
//   4. report  — the `mlsd report` HTML page in headless chromium, light and dark (no code-server)
// each with `node --test`, and prints the node test runner's totals (`# pass N`, `# fail N`).
// Usage: node test/e2e/run-all.mjs [exthost] [ui] [web] [nvim] [report]      (default: all)
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTIFACTS = process.env.MLSD_ARTIFACTS || path.join(ROOT, '.test-artifacts');
const SUITES = { exthost: 'test/e2e/exthost.test.mjs', ui: 'test/e2e/ui.test.mjs', web: 'test/e2e/web.test.mjs', nvim: 'test/e2e/nvim.test.mjs', report: 'test/e2e/report.test.mjs' };
const chosen = process.argv.slice(2).filter((a) => a in SUITES);
const run = chosen.length ? chosen : Object.keys(SUITES);
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
const log = (s) => console.log(`[e2e ${secs(Date.now() - t0)}] ${s}`);

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
  return r;
}
// Installers (apt-get, scripts/install-code-server.sh) write to INSTALL_LOG; it is printed only when one fails.
const INSTALL_LOG = process.env.MLSD_INSTALL_LOG || path.join(ARTIFACTS, 'installers.log');
let installLogStarted = false;
function install(cmd, args, opts = {}) {
  if (!installLogStarted) { fs.mkdirSync(path.dirname(INSTALL_LOG), { recursive: true }); fs.writeFileSync(INSTALL_LOG, ''); installLogStarted = true; }
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  fs.appendFileSync(INSTALL_LOG, `$ ${cmd} ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.status !== 0) {
    process.stderr.write(fs.readFileSync(INSTALL_LOG, 'utf8'));
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}; log above, kept in ${INSTALL_LOG})`);
  }
  return r;
}
const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;

const setup = async () => {
// 1. Debian packages
const needApt = [];
if (run.includes('ui') || run.includes('web') || run.includes('exthost') || run.includes('report')) { if (!fs.existsSync(process.env.CHROMIUM || '/usr/bin/chromium')) needApt.push('chromium'); }
if (run.includes('nvim') && !has('nvim')) needApt.push('neovim');
if (!has('rg')) needApt.push('ripgrep');
if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) needApt.push('libkrb5-dev');
if (needApt.length) {
  log(`apt-get install ${needApt.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  install(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'update', '-qq'], { env });
  install(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'install', '-y', '-qq', ...needApt], { env });
}

// 2. code-server (cached)
if (run.includes('ui') || run.includes('web') || run.includes('exthost')) {
  if (!(process.env.CODE_SERVER && fs.existsSync(process.env.CODE_SERVER))) {
    log(`code-server: scripts/install-code-server.sh (skipped when cached; output in ${INSTALL_LOG})`);
    const r = install('bash', [path.join(ROOT, 'scripts/install-code-server.sh')]);
    process.env.CODE_SERVER = r.stdout.toString().trim().split('\n').pop();
  }
  log(`code-server: ${process.env.CODE_SERVER}`);
}

// 3. build, and package the .vsix when it is older than what goes into it
log('build');
sh(process.execPath, ['esbuild.mjs']);
const needVsix = run.includes('ui') || run.includes('web');
if (needVsix && process.env.VSIX) {
  if (!fs.existsSync(process.env.VSIX)) throw new Error(`VSIX=${process.env.VSIX} does not exist`);
  log(`using VSIX=${process.env.VSIX}`);
} else if (needVsix) {
  const vsix = path.join(ROOT, 'mlsd.vsix');
  const newest = (p) => {
    const full = path.join(ROOT, p);
    if (!fs.existsSync(full)) return 0;
    const st = fs.statSync(full);
    if (!st.isDirectory()) return st.mtimeMs;
    return Math.max(0, ...fs.readdirSync(full).map((f) => newest(path.join(p, f))));
  };
  const inputs = ['dist/extension.js', 'dist/server.js', 'dist/analysis-worker.js', 'dist/web/extension.js', 'dist/web/server.js', 'package.json', '.vscodeignore', 'snippets', 'media', 'schemas', 'docs/rules', 'README.md'];
  const stale = !fs.existsSync(vsix) || Math.max(...inputs.map(newest)) > fs.statSync(vsix).mtimeMs;
  if (stale) { log('npm run package (mlsd.vsix is stale)'); sh('npm', ['run', 'package', '--silent']); }
  log(`mlsd.vsix: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB`);
}

};
try {
  await setup();
} catch (err) {
  console.error(`[e2e] setup failed: ${err.message}`);
  console.log('\n# mlsd e2e: setup failed before any suite ran');
  for (const [k, v] of Object.entries({ tests: 1, pass: 0, fail: 1, cancelled: 0, skipped: 0, todo: 0 })) console.log(`# ${k} ${v}`);
  process.exit(1);
}

// 4. suites, one `node --test` each (sequential: the machines have two cores)
fs.mkdirSync(ARTIFACTS, { recursive: true });
const totals = { tests: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
const timings = [];
for (const name of run) {
  const tap = path.join(ARTIFACTS, `e2e-${name}.tap`);
  log(`suite ${name}: node --test ${SUITES[name]}`);
  const started = Date.now();
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`, SUITES[name]], { cwd: ROOT, stdio: 'inherit', env: process.env });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  const ms = Date.now() - started;
  const text = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
  const counts = {};
  for (const k of Object.keys(totals)) {
    const m = new RegExp(`^# ${k} (\\d+)$`, 'm').exec(text);
    counts[k] = m ? Number(m[1]) : 0;
    totals[k] += counts[k];
  }
  if (code !== 0 && counts.fail === 0) { counts.fail = 1; totals.fail += 1; totals.tests += 1; }   // crashed before reporting
  timings.push(`${name} ${secs(ms)} (${counts.pass}/${counts.tests} passed)`);
}

console.log(`\n# mlsd e2e: ${timings.join(', ')}; total ${secs(Date.now() - t0)}`);
for (const k of Object.keys(totals)) console.log(`# ${k} ${totals[k]}`);
console.log(`# duration_ms ${Date.now() - t0}`);
process.exit(totals.fail > 0 || totals.tests === 0 ? 1 : 0);
