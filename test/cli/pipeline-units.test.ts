/**
 * The pure parts of lint's team flags: baseline keys and matching, the -U0 diff parser and
 * "touches a change", the ordered pool, the cache file, the progress line on a fake terminal.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findingKeys, flaggedText, matchBaseline, shortHash, type FindingKey } from '../../server/src/cli/baseline';
import { fetchHint, parseZeroContextDiff, touchesChange } from '../../server/src/cli/changed-since';
import { LintCache, stableJson } from '../../server/src/cli/lint-cache';
import { mapInOrder, parseJobs } from '../../server/src/cli/parallel';
import { Progress } from '../../server/src/cli/progress';
import type { FileReport, ReportFinding } from '../../server/src/cli/report';

const finding = (line: number, column: number, endLine: number, endColumn: number, data: ReportFinding['data'] = {}, ruleId = 'r'): ReportFinding =>
  ({ ruleId, severity: 'warning', message: 'm', line, column, endLine, endColumn, data });

let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'mlsd-units-')); });
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

describe('baseline keys', () => {
  it('flagged text follows the 1-based, end-exclusive range over lines', () => {
    const lines = ['# T', 'We use a BERT model.', 'second line'];
    assert.equal(flaggedText(lines, finding(2, 10, 2, 14)), 'BERT');
    assert.equal(flaggedText(lines, finding(2, 21, 3, 7)), '\nsecond');
  });

  it('the hash ignores how whitespace is laid out, not the words', () => {
    assert.equal(shortHash('a  b\n c'), shortHash('a b c'));
    assert.notEqual(shortHash('a b c'), shortHash('a b d'));
    assert.match(shortHash('x'), /^[0-9a-f]{12}$/);
  });

  it('a key names rule, step, topic, the heading above and the hash — the same after lines move', () => {
    const text = '# Title\n\n## Model\n\nWe use BERT.\n';
    const report: FileReport = {
      file: 'a.md', isDesignDoc: true, steps: [],
      findings: [finding(5, 8, 5, 12, { step: 'model', topic: 'loss' }, 'x'), finding(1, 1, 1, 8)],
      headings: [{ line: 1, text: 'Title', level: 1, step: null, steps: [] }, { line: 3, text: 'Model', level: 2, step: 'model', steps: ['model'] }],
    };
    const [k1, k2] = findingKeys(report, text);
    assert.deepEqual(k1, { rule: 'x', step: 'model', topic: 'loss', heading: 'Model', hash: shortHash('BERT') });
    assert.deepEqual(k2, { rule: 'r', heading: 'Title', hash: shortHash('# Title') });
    const moved = { ...report, findings: [finding(7, 8, 7, 12, { step: 'model', topic: 'loss' }, 'x')], headings: report.headings!.map((h) => ({ ...h, line: h.line + 2 })) };
    assert.deepEqual(findingKeys(moved, `# Title\n\nintro\n\n## Model\n\nWe use BERT.\n`)[0], k1);
  });

  it('matching is a multiset; entries of files not linted are neither used nor stale', () => {
    const k: FindingKey = { rule: 'r', heading: 'H', hash: 'h' };
    const entries = [{ file: 'a.md', ...k }, { file: 'a.md', ...k }, { file: 'a.md', rule: 'gone', heading: 'H', hash: 'z' }, { file: 'other.md', ...k }];
    const m = matchBaseline(['a.md'], [[k, k, k]], entries);
    assert.deepEqual(m.suppressed, [[true, true, false]]);
    assert.equal(m.suppressedCount, 2);
    assert.deepEqual(m.stale.map((e) => e.rule), ['gone']);
  });
});

describe('changed lines', () => {
  it('parses -U0 hunks, pure deletions touch both sides, deleted files are left out', () => {
    const diff = [
      'diff --git a/docs/a.md b/docs/a.md', '--- a/docs/a.md', '+++ b/docs/a.md',
      '@@ -3 +3 @@', '-x', '+y', '@@ -10,2 +11,3 @@', '@@ -20,4 +21,0 @@',
      'diff --git a/gone.md b/gone.md', '--- a/gone.md', '+++ /dev/null', '@@ -1,3 +0,0 @@',
      'diff --git "a/caf\\303\\251.md" "b/caf\\303\\251.md"', '--- "a/caf\\303\\251.md"', '+++ "b/caf\\303\\251.md"', '@@ -1 +1,2 @@',
      '+++ b/with space.md\t', '@@ -0,0 +1 @@',
    ].join('\n');
    const parsed = parseZeroContextDiff(diff);
    assert.deepEqual([...parsed.keys()], ['docs/a.md', 'café.md', 'with space.md']);
    assert.deepEqual([...parsed.get('docs/a.md')!].sort((a, b) => a - b), [3, 11, 12, 13, 21, 22]);
    assert.deepEqual([...parsed.get('café.md')!], [1, 2]);
  });

  it('a finding touches by its range, by a section of its step, or (step without section) by any change', () => {
    const sections = { model: [[10, 20]] as [number, number][], serving: [] };
    const changed = new Set([15]);
    assert.equal(touchesChange(finding(15, 1, 15, 3), {}, changed), true);
    assert.equal(touchesChange(finding(3, 1, 3, 3), {}, changed), false);
    assert.equal(touchesChange(finding(10, 1, 10, 8, { step: 'model' }), sections, changed), true);
    assert.equal(touchesChange(finding(10, 1, 10, 8, { step: 'model' }), sections, new Set([25])), false);
    assert.equal(touchesChange(finding(1, 1, 1, 8, { step: 'serving' }), sections, new Set([25])), true);
    assert.equal(touchesChange(finding(1, 1, 1, 8, { step: 'serving' }), sections, new Set()), false);
    assert.equal(touchesChange(finding(1, 1, 1, 8), sections, 'all'), true);
  });

  it('fetch hints name the remote and branch', () => {
    assert.equal(fetchHint('origin/main', ['origin']), 'git fetch --depth=1 origin main');
    assert.equal(fetchHint('upstream/release/2', ['origin', 'upstream']), 'git fetch --depth=1 upstream release/2');
    assert.equal(fetchHint('main', ['origin']), 'git fetch --depth=1 origin main');
  });
});

describe('parallel', () => {
  it('results stay in input order whatever order work finishes in, with at most N in flight', async () => {
    const items = Array.from({ length: 12 }, (_, i) => i);
    let inFlight = 0;
    let most = 0;
    const lanesSeen = new Set<number>();
    const out = await mapInOrder(items, 3, async (item, index, lane) => {
      inFlight++;
      most = Math.max(most, inFlight);
      lanesSeen.add(lane);
      await new Promise((r) => setTimeout(r, (item * 7) % 5));
      inFlight--;
      return `${index}:${item * 2}`;
    });
    assert.deepEqual(out, items.map((i) => `${i}:${i * 2}`));
    assert.equal(most, 3);
    assert.deepEqual([...lanesSeen].sort(), [0, 1, 2]);
    assert.deepEqual(await mapInOrder([], 4, () => Promise.resolve(1)), []);
  });

  it('--jobs accepts whole numbers ≥ 1 only', () => {
    assert.equal(parseJobs('3'), 3);
    assert.ok(typeof parseJobs(undefined) === 'number' && (parseJobs(undefined) as number) >= 1);
    for (const bad of ['0', '-1', '1.5', 'x', '']) assert.equal(typeof parseJobs(bad), 'string', bad);
  });
});

describe('cache file', () => {
  it('round-trips, keys on every request field and the build, drops files that are gone', () => {
    const location = path.join(tmp, 'c.json');
    writeFileSync(path.join(tmp, 'doc.md'), 'x');
    const notes: string[] = [];
    const c = new LintCache<number>(location, 'v1', (l) => notes.push(l));
    const key = c.key({ text: 'x', config: { a: 1, b: 2 } });
    assert.equal(c.key({ config: { b: 2, a: 1 }, text: 'x' }), key, 'field order does not matter');
    assert.notEqual(c.key({ text: 'x', config: { a: 1, b: 2 }, asDesignDoc: true }), key);
    assert.notEqual(new LintCache<number>(path.join(tmp, 'none.json'), 'v2', () => {}).key({ text: 'x', config: { a: 1, b: 2 } }), key);
    c.set(path.join(tmp, 'doc.md'), key, 42);
    c.set(path.join(tmp, 'deleted.md'), key, 7);
    c.save();
    const again = new LintCache<number>(location, 'v1', (l) => notes.push(l));
    assert.equal(again.get(path.join(tmp, 'doc.md'), key), 42);
    assert.equal(again.get(path.join(tmp, 'doc.md'), 'other'), undefined);
    assert.equal(again.get(path.join(tmp, 'deleted.md'), key), undefined);
    assert.deepEqual([again.hits, again.misses], [1, 2]);
    assert.equal(new LintCache<number>(location, 'v2', () => {}).get(path.join(tmp, 'doc.md'), key), undefined, 'another build starts empty');
    assert.deepEqual(notes, []);
    assert.deepEqual(Object.keys((JSON.parse(readFileSync(location, 'utf8')) as { entries: object }).entries), ['doc.md']);
  });

  it('an unreadable cache is a notice and an empty cache', () => {
    const location = path.join(tmp, 'bad.json');
    writeFileSync(location, '[1, 2');
    const notes: string[] = [];
    const c = new LintCache<number>(location, 'v1', (l) => notes.push(l));
    assert.equal(c.get(path.join(tmp, 'doc.md'), 'k'), undefined);
    assert.equal(notes.length, 1);
    assert.match(notes[0], /ignoring cache/);
  });

  it('stableJson sorts keys and leaves out undefined fields', () => {
    assert.equal(stableJson({ b: [1, { d: 1, c: undefined }], a: 'x' }), '{"a":"x","b":[1,{"d":1}]}');
  });
});

describe('progress', () => {
  const fakeStream = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, stream: { isTTY, columns: 40, write: (s: string) => { writes.push(s); return true; } } };
  };

  it('writes nothing when the stream is not a terminal', () => {
    let t = 0;
    const { writes, stream } = fakeStream(false);
    const p = new Progress(stream, 3, { now: () => t, timer: false });
    t = 5000;
    p.start('a.md'); p.finish(); p.end();
    assert.deepEqual(writes, []);
  });

  it('on a terminal: silent for the first second, then done/total and the current file, erased at the end', () => {
    let t = 0;
    const { writes, stream } = fakeStream(true);
    const p = new Progress(stream, 3, { now: () => t, timer: false, delayMs: 1000, intervalMs: 100 });
    p.start('docs/a.md');
    t = 500; p.finish();
    assert.equal(writes.length, 0, 'a short run shows nothing');
    t = 1200; p.start('docs/b.md');
    assert.deepEqual(writes, ['\r\x1b[2Kmlsd: 1/3 files · docs/b.md']);
    t = 1250; p.finish();
    assert.equal(writes.length, 1, 'redrawn at most every intervalMs');
    t = 1400; p.start('docs/a-very-long-name-that-does-not-fit.md');
    assert.ok(writes[1].length - '\r\x1b[2K'.length <= 39 && writes[1].endsWith('…'), writes[1]);
    p.end();
    assert.equal(writes.at(-1), '\r\x1b[2K');
  });

  it('a short run on a terminal leaves nothing behind', () => {
    const { writes, stream } = fakeStream(true);
    const p = new Progress(stream, 2, { now: () => 0, timer: false });
    p.start('a.md'); p.finish(); p.end();
    assert.deepEqual(writes, []);
  });
});
