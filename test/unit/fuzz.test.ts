/**
 * The fuzz suite at CI size (issue 11): ~2,000 seeded mutations of the examples and fixtures, each
 * analysed cold and warm along random edit chains (edits that open and close front matter, fences,
 * HTML blocks and comments included). `npm run fuzz` runs the same at ≥ 100,000 inputs and saves
 * failures under test/unit/fixtures/fuzz/, which the last test here replays.
 * MLSD_FUZZ_SEED / MLSD_FUZZ_INPUTS override the seed and size (the seed is printed either way).
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { defaultFramework } from '../../server/src/knowledge/framework';
import { failureKey, fuzzFixturesDir, replay, runFuzz, type Failure, type FuzzReport } from '../support/fuzz-core';
import type { Edit } from '../support/fuzz-edits';

const SEED = Number(process.env.MLSD_FUZZ_SEED ?? 20261202);
const INPUTS = Number(process.env.MLSD_FUZZ_INPUTS ?? 2_000);
/** Generous for a shared 2-core CI machine: ordinary inputs take 5–50 ms; the budget is about the 12 s ones. */
const TIME_BUDGET_MS = 3_000;

/**
 * Rules known to report ranges past the line end, owned by the model/rules work (reported to the
 * lead in issue 11): too-complex clamps the end to the skipped region's *last* line length but puts
 * it on the first line; invalid-front-matter ends 20 columns after the YAML error, wherever the line ends.
 */
const KNOWN_RANGE_RULES = new Set(['too-complex', 'invalid-front-matter']);

let report: FuzzReport;

before(() => {
  analyze('# Warm-up\n', { framework: defaultFramework }); // the first analysis loads the knowledge bundle
  report = runFuzz({ seed: SEED, inputs: INPUTS, timeBudgetMs: TIME_BUDGET_MS });
  console.log(`fuzz: seed ${SEED}, ${report.inputs} inputs in ${report.chains} chains, ${Math.round(report.ms)} ms, slowest ${Math.round(report.slowestMs)} ms; failures ${JSON.stringify(report.counts)}`);
});

function show(failures: Failure[]): string {
  return failures.slice(0, 3).map((f) => `${failureKey(f)}: ${f.detail}\n  start: ${JSON.stringify(f.start.slice(0, 300))}\n  edits: ${JSON.stringify(f.edits)}`).join('\n');
}

const of = (kind: Failure['kind'], filter: (f: Failure) => boolean = () => true) => report.failures.filter((f) => f.kind === kind && filter(f));

test(`fuzz: analysis never throws (seed ${SEED})`, () => {
  assert.ok(report.inputs >= INPUTS);
  assert.deepEqual(of('throws'), [], show(of('throws')));
});

test('fuzz: warm analysis equals cold after every edit of random edit chains', () => {
  assert.deepEqual(of('warm-differs'), [], show(of('warm-differs')));
});

test(`fuzz: no input takes longer than ${TIME_BUDGET_MS} ms`, () => {
  assert.deepEqual(of('slow'), [], show(of('slow')));
});

test('fuzz: every finding range lies within its line', () => {
  const bad = of('range', (f) => !KNOWN_RANGE_RULES.has(f.ruleId ?? ''));
  assert.deepEqual(bad, [], show(bad));
});

test('fuzz: too-complex and invalid-front-matter ranges lie within their line', { todo: 'rule files owned by the model/rules work; see KNOWN_RANGE_RULES' }, () => {
  const bad = of('range', (f) => KNOWN_RANGE_RULES.has(f.ruleId ?? ''));
  assert.deepEqual(bad, [], show(bad));
});

test('saved fuzz failures stay fixed', () => {
  if (!existsSync(fuzzFixturesDir)) return;
  for (const name of readdirSync(fuzzFixturesDir).filter((f) => f.endsWith('.md')).sort()) {
    const start = readFileSync(join(fuzzFixturesDir, name), 'utf8');
    const editsPath = join(fuzzFixturesDir, name.replace(/\.md$/, '.edits.json'));
    const edits: Edit[] = existsSync(editsPath) ? JSON.parse(readFileSync(editsPath, 'utf8')) : [];
    const problems = replay(start, edits, TIME_BUDGET_MS).filter((p) => ![...KNOWN_RANGE_RULES].some((id) => p.startsWith(`range: ${id} `)));
    assert.deepEqual(problems, [], name);
  }
});
