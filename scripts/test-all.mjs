// `npm test`: build, typecheck, lint the code, the fast suites (unit, LSP, CLI), then the e2e suites —
// and one line at the end that totals every suite: `mlsd test: N passed, N failed`.
// Each step's output streams through; test counts are read from the TAP totals (`# pass N`,
// `# fail N`) that node --test and test/e2e/run-all.mjs print. A step that is not a test suite
// (build, typecheck, lint) counts as one check. `--fast` skips the e2e suites.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const fast = process.argv.includes('--fast');
const node = process.execPath;
// Listed here, not as globs: spawn has no shell to expand them, and node 20's --test takes no globs.
const FAST_SUITES = ['test/unit', 'test/lsp', 'test/cli'].flatMap((dir) =>
  fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.test.ts')).sort().map((f) => `${dir}/${f}`));
const FAST_TAP = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-test-')), 'fast.tap');

const steps = [
  { name: 'build', cmd: node, args: ['esbuild.mjs'] },
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '-p', '.', '--noEmit'] },
  { name: 'lint:code', cmd: 'npx', args: ['eslint', '--max-warnings=0', '.'] },
  { name: 'unit, lsp, cli', suite: true, cmd: node, args: ['--import', 'tsx', '--import', './test/support/register-md.mjs', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${FAST_TAP}`, ...FAST_SUITES], tap: FAST_TAP },
  ...(fast ? [] : [{ name: 'e2e', suite: true, cmd: node, args: ['test/e2e/run-all.mjs'] }]),
];

/** Runs a step, streaming its output; resolves with its exit code and the last TAP totals seen. */
function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    let out = '';
    child.stdout.on('data', (chunk) => { process.stdout.write(chunk); out += chunk; if (out.length > 1e6) out = out.slice(-1e5); });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code) => {
      // node --test writes a TAP copy to a file; run-all.mjs prints its totals on stdout.
      const tap = step.tap && fs.existsSync(step.tap) ? fs.readFileSync(step.tap, 'utf8') : out;
      resolve({ code: code ?? 1, totals: tapTotals(tap) });
    });
  });
}

/** The last `# pass N` / `# fail N` lines of a TAP stream (the run's totals, after any nested ones). */
function tapTotals(text) {
  const totals = {};
  for (const m of text.matchAll(/^# (pass|fail) (\d+)$/gm)) totals[m[1]] = Number(m[2]);
  return totals;
}

let passed = 0;
let failed = 0;
const parts = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const { code, totals } = await run(step);
  if (step.suite) {
    const p = totals.pass ?? 0;
    // A suite that exits non-zero with no failing test (it crashed) still counts as a failure.
    const f = (totals.fail ?? 0) || (code !== 0 ? 1 : 0);
    passed += p;
    failed += f;
    parts.push(`${step.name} ${p}/${p + f}`);
  } else {
    if (code === 0) passed++; else failed++;
    parts.push(`${step.name} ${code === 0 ? 'ok' : 'FAILED'}`);
  }
}
console.log(`\nmlsd test: ${passed} passed, ${failed} failed (${parts.join('; ')})`);
process.exit(failed ? 1 : 0);
