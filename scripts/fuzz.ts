/**
 * Full-size fuzz run (issue 11): `npm run fuzz [-- --seed N] [--inputs N]`, default 100,000 inputs and a
 * seed from the clock, printed first so a run can be repeated. Failures are saved as fixtures under
 * test/unit/fixtures/fuzz/ (`<kind>-<seed>-<n>.md`, the text the chain started from, and beside it
 * `.edits.json`, the edits up to the failing one), which test/unit/fuzz.test.ts replays in `npm test`.
 * Exit status 1 when anything failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failureKey, fuzzFixturesDir, runFuzz } from '../test/support/fuzz-core';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

const seed = arg('seed', Date.now() % 1_000_000_007);
const inputs = arg('inputs', 100_000);
const timeBudgetMs = arg('time-budget', 2_000);
console.log(`mlsd fuzz: seed ${seed}, ${inputs} inputs, time budget ${timeBudgetMs} ms per analysis`);

const started = Date.now();
const report = runFuzz({
  seed,
  inputs,
  timeBudgetMs,
  examplesPerKind: 5,
  progress: (done) => { if (done % 10_000 === 0) console.log(`  ${done} inputs, ${Math.round((Date.now() - started) / 1000)} s`); },
});

console.log(`${report.inputs} inputs in ${report.chains} chains, ${Math.round(report.ms / 1000)} s, slowest analysis ${Math.round(report.slowestMs)} ms`);
const kinds = Object.entries(report.counts);
if (!kinds.length) {
  console.log('no failures');
} else {
  for (const [key, n] of kinds) console.log(`  ${key}: ${n}`);
  mkdirSync(fuzzFixturesDir, { recursive: true });
  const seen = new Map<string, number>();
  for (const f of report.failures) {
    const key = failureKey(f);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const stem = join(fuzzFixturesDir, `${key.replace(/[^a-z0-9-]+/gi, '-')}-${seed}-${n}`);
    writeFileSync(`${stem}.md`, f.start);
    writeFileSync(`${stem}.edits.json`, `${JSON.stringify(f.edits, null, 1)}\n`);
    console.log(`  saved ${stem}.md: ${f.detail.slice(0, 200)}`);
  }
}
process.exitCode = kinds.length ? 1 : 0;
