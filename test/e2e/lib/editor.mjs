// Shared by the real-editor suites: find/start code-server (VS Code 1.100 server + web workbench) in a
// throwaway profile, and drive Debian chromium with playwright-core. Poll for state, never sleep.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const ARTIFACTS = process.env.MLSD_ARTIFACTS || path.join(ROOT, '.test-artifacts');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const VSIX = process.env.VSIX || path.join(ROOT, 'mlsd.vsix');
export const FIXTURE_WS = path.join(ROOT, 'test/e2e/fixtures/workspace');

export function codeServerBin() {
  const candidates = [process.env.CODE_SERVER,
    process.env.MLSD_CODE_SERVER_DIR && path.join(process.env.MLSD_CODE_SERVER_DIR, 'node_modules/.bin/code-server'),
    path.join(os.homedir(), '.cache/mlsd-code-server-4.100.3/node_modules/.bin/code-server')].filter(Boolean);
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`code-server not found (tried ${candidates.join(', ')}); run scripts/install-code-server.sh`);
  return found;
}

export const freePort = () => new Promise((res, rej) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
  s.on('error', rej);
});

export async function poll(what, fn, ms = 30_000, every = 100) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try { const v = await fn(); if (v) return v; } catch (err) { last = err; }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** A fresh temp folder with a copy of the fixture workspace and an empty code-server profile. */
export function makeSandbox(prefix, userSettings = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = { tmp, ws: path.join(tmp, 'ws'), data: path.join(tmp, 'data'), ext: path.join(tmp, 'ext'), chrome: path.join(tmp, 'chrome') };
  fs.cpSync(FIXTURE_WS, dirs.ws, { recursive: true });
  for (const d of [dirs.data, dirs.ext, dirs.chrome]) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.data, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.data, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false, 'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false,
    'update.mode': 'none', 'workbench.enableExperiments': false, 'chat.disableAIFeatures': true,
    'workbench.welcomePage.walkthroughs.openOnInstall': false, 'git.enabled': false, 'editor.minimap.enabled': false, 'editor.stickyScroll.enabled': false,
    'workbench.editor.enablePreview': false, 'files.autoSave': 'off',
    ...userSettings,
  }, null, 2));
  return dirs;
}

const commonArgs = (dirs) => ['--user-data-dir', dirs.data, '--extensions-dir', dirs.ext, '--config', path.join(dirs.tmp, 'config.yaml'), '--disable-telemetry'];

export function installVsix(dirs, vsix = VSIX) {
  return execFileSync(codeServerBin(), [...commonArgs(dirs), '--install-extension', vsix], { stdio: 'pipe', env: { ...process.env, TMPDIR: dirs.tmp } }).toString();
}

/** Starts code-server on a free port; resolves once /healthz answers. `trust`: keep workspace trust on
 * (Restricted Mode tests); `locale`: the display language (`--locale`, e.g. ru). */
export async function startCodeServer(dirs, { folder, env = {}, trust = false, locale } = {}) {
  const port = await freePort();
  const args = [...commonArgs(dirs), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-update-check',
    ...(trust ? [] : ['--disable-workspace-trust']), ...(locale ? ['--locale', locale] : []), '--disable-getting-started-override', ...(folder ? [folder] : [])];
  const proc = spawn(codeServerBin(), args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: dirs.tmp, ...env } });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  let exited = false;
  proc.on('exit', () => { exited = true; });
  await poll('code-server /healthz', async () => {
    if (exited) throw new Error(`code-server exited:\n${log}`);
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  }, 60_000);
  return {
    port, proc, url: `http://127.0.0.1:${port}`, log: () => log,
    stop: () => new Promise((res) => { if (exited) return res(); proc.once('exit', res); proc.kill('SIGTERM'); setTimeout(() => { if (!exited) proc.kill('SIGKILL'); }, 5000).unref(); }),
  };
}

export async function launchChromium(dirs, { persistent = true } = {}) {
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];
  if (persistent) {
    const ctx = await chromium.launchPersistentContext(dirs.chrome, { executablePath: CHROMIUM, headless: true, viewport: { width: 1500, height: 950 }, args });
    return { ctx, page: ctx.pages()[0] || await ctx.newPage(), close: () => ctx.close() };
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  return { ctx: page.context(), page, close: () => browser.close() };
}

export function removeLater(dir) {
  try { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 }); } catch { /* code-server may still hold files */ }
}
