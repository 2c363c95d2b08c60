/**
 * `mlsd lint --write-baseline / --baseline` as a process, through a doc's life: record its findings,
 * pass, edit lines above a recorded finding (still suppressed), add a gap (only it fails), fix a
 * recorded one (reported stale), write again (pruned).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintJson, mlsd, REPO } from '../support/cli';

const gaps = readFileSync(path.join(REPO, 'test/cli/fixtures/gaps.md'), 'utf8');
let tmp: string;
const doc = () => path.join(tmp, 'docs', 'spam.md');
const baselineEntries = (file = 'mlsd-baseline.json') => (JSON.parse(readFileSync(path.join(tmp, file), 'utf8')) as { entries: Record<string, string>[] }).entries;

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'mlsd-baseline-'));
  mkdirSync(path.join(tmp, 'docs'));
  writeFileSync(doc(), gaps);
});
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

describe('mlsd lint --baseline', () => {
  let recorded = 0;

  it('--write-baseline records every current finding, keyed without line numbers, and passes', async () => {
    const before = await lintJson(['docs'], { cwd: tmp });
    recorded = before.reports[0].findings.length;
    assert.ok(recorded >= 5, 'the fixture has findings to record');
    const r = await mlsd(['lint', '--write-baseline', 'mlsd-baseline.json', '--max-warnings', '0', 'docs'], { cwd: tmp });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`wrote ${recorded} entries to mlsd-baseline\\.json`));
    const entries = baselineEntries();
    assert.equal(entries.length, recorded);
    for (const e of entries) {
      assert.equal(e.file, 'docs/spam.md', 'relative to the baseline, posix');
      assert.match(e.hash, /^[0-9a-f]{12}$/);
      assert.equal(typeof e.heading, 'string');
      assert.ok(!('line' in e), 'no line numbers');
    }
    const mismatch = entries.find((e) => e.rule === 'metric-task-mismatch');
    assert.deepEqual(mismatch && { step: mismatch.step, heading: mismatch.heading }, { step: 'evaluation', heading: 'Evaluation' });
    assert.ok(entries.some((e) => e.rule === 'missing-topic' && e.topic === 'sampling'), 'topic recorded');
  });

  it('--baseline suppresses every recorded finding: exit 0 with --max-warnings 0', async () => {
    const { result, reports } = await lintJson(['--baseline', 'mlsd-baseline.json', '--max-warnings', '0', 'docs'], { cwd: tmp });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(reports[0].findings, []);
    assert.match(result.stderr, new RegExp(`baseline mlsd-baseline\\.json: ${recorded} findings suppressed\\n`));
  });

  it('lines added above the recorded findings do not un-suppress them', async () => {
    writeFileSync(doc(), gaps.replace('## Problem statement\n', '## Problem statement\n\nContext first.\nSellers pay for fake reviews in bulk.\n\n'));
    const { result, reports } = await lintJson(['--baseline', 'mlsd-baseline.json', '--max-warnings', '0', 'docs'], { cwd: tmp });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(reports[0].findings, []);
    assert.doesNotMatch(result.stderr, /stale/);
  });

  it('a new gap is the only finding reported, and it fails', async () => {
    writeFileSync(doc(), readFileSync(doc(), 'utf8').replace(
      'A BERT classifier fine-tuned on the moderation labels.\n',
      'A BERT classifier fine-tuned on the moderation labels.\n\nA second stage re-scores held reviews with a graph neural network.\n',
    ));
    const { result, reports } = await lintJson(['--baseline', 'mlsd-baseline.json', '--max-warnings', '0', 'docs'], { cwd: tmp });
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(reports[0].findings.map((f) => [f.ruleId, f.data.family]), [['unjustified-model-choice', 'gnn']]);
  });

  it('a fixed finding leaves a stale entry: counted on stderr, pruned by the next write', async () => {
    writeFileSync(doc(), readFileSync(doc(), 'utf8').replace('We report accuracy on a held-out month.', 'We report PR-AUC on a held-out month.'));
    const r = await mlsd(['lint', '--baseline', 'mlsd-baseline.json', 'docs'], { cwd: tmp });
    const stale = /(\d+) stale entr(?:y|ies) no longer match/.exec(r.stderr);
    assert.ok(stale && Number(stale[1]) >= 1, r.stderr);
    const w = await mlsd(['lint', '--write-baseline', 'mlsd-baseline.json', 'docs'], { cwd: tmp });
    assert.match(w.stderr, new RegExp(`\\(${stale[1]} stale pruned\\)`), w.stderr);
    const entries = baselineEntries();
    assert.ok(!entries.some((e) => e.rule === 'metric-task-mismatch'), 'the fixed finding is gone from the baseline');
    assert.ok(entries.some((e) => e.rule === 'unjustified-model-choice' && e.hash), 'the new one is recorded');
    const again = await mlsd(['lint', '--baseline', 'mlsd-baseline.json', '--max-warnings', '0', 'docs'], { cwd: tmp });
    assert.equal(again.code, 0, again.stderr);
    assert.doesNotMatch(again.stderr, /stale/);
  });

  it('identical findings are counted: two recorded TODOs suppress two, a third is new', async () => {
    const twin = path.join(tmp, 'docs', 'twin.md');
    const todos = (n: number) => `${gaps}${'\nTODO\n'.repeat(n)}`;
    const placeholders = async (args: string[]) => (await lintJson([...args, 'docs/twin.md'], { cwd: tmp })).reports[0].findings.filter((f) => f.ruleId === 'unfilled-placeholder');
    writeFileSync(twin, todos(2));
    assert.equal((await placeholders([])).length, 2, 'two findings with the same key');
    await mlsd(['lint', '--write-baseline', 'twins.json', 'docs/twin.md'], { cwd: tmp });
    assert.equal(baselineEntries('twins.json').filter((e) => e.rule === 'unfilled-placeholder').length, 2, 'two entries');
    assert.deepEqual(await placeholders(['--baseline', 'twins.json']), []);
    writeFileSync(twin, todos(3));
    const left = await placeholders(['--baseline', 'twins.json']);
    assert.equal(left.length, 1, 'the third is new');
  });

  it('a baseline that is missing or not a baseline: one line, exit 2', async () => {
    const missing = await mlsd(['lint', '--baseline', 'nope.json', 'docs'], { cwd: tmp });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'mlsd: cannot read baseline nope.json (ENOENT)\n');
    writeFileSync(path.join(tmp, 'bad.json'), '{"entries": 3}');
    const bad = await mlsd(['lint', '--baseline', 'bad.json', 'docs'], { cwd: tmp });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^mlsd: baseline bad\.json is not an mlsd baseline/);
    assert.equal(bad.stdout, '');
  });
});
