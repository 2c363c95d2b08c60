// Neovim 0.7 (Debian) as a second real LSP client: drives `node dist/server.js --stdio` through
// diagnostics, an edit and a code action (test/e2e/nvim/lsp-probe.lua). Each PASS/FAIL line is a subtest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, FIXTURE_WS, ROOT } from './lib/editor.mjs';

test('neovim LSP client', { timeout: 120_000 }, async (t) => {
  const server = path.join(ROOT, 'dist/server.js');
  assert.ok(fs.existsSync(server), 'dist/server.js exists (npm run build)');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-nvim-'));
  fs.cpSync(FIXTURE_WS, tmp, { recursive: true });
  const doc = path.join(tmp, 'design-docs/podcast-recs.md');
  const t0 = Date.now();
  const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(ROOT, 'test/e2e/nvim/lsp-probe.lua')}`],
    { cwd: tmp, env: { ...process.env, MLSD_SERVER: server, MLSD_DOC: doc }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const killer = setTimeout(() => child.kill('SIGKILL'), 100_000);
  const code = await new Promise((r) => child.on('exit', (c) => r(c)));
  clearTimeout(killer);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'nvim.log'), out);
  console.log(`# neovim probe: exit ${code} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  const lines = out.split(/\r?\n/);
  for (const l of lines) if (l.startsWith('INFO:')) t.diagnostic(l);
  const checks = lines.map((l) => /^(PASS|FAIL): (.*)$/.exec(l)).filter(Boolean);
  for (const [, verdict, what] of checks) {
    await t.test(what.replace(/ — .*$/, ''), () => { if (verdict === 'FAIL') assert.fail(what); });
  }
  assert.ok(checks.length >= 5, `the probe ran its checks (see .test-artifacts/nvim.log)\n${out.slice(-2000)}`);
  assert.equal(code, 0, `nvim exit code (see .test-artifacts/nvim.log)`);
  fs.rmSync(tmp, { recursive: true, force: true });
});
