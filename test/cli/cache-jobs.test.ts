/**
 * `mlsd lint --cache`, `--jobs` and progress as a process. The cache's observable: with
 * MLSD_DEBUG_RUN set, lint says on stderr how many files came from the cache and how many the
 * workers analysed — a warm run must analyse none and print the same output.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mlsd, REPO } from '../support/cli';

const gaps = readFileSync(path.join(REPO, 'test/cli/fixtures/gaps.md'), 'utf8');
const complete = readFileSync(path.join(REPO, 'examples/complete-design-doc.md'), 'utf8');
const DEBUG = { MLSD_DEBUG_RUN: '1' };
let tmp: string;
const DOCS = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md'];

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'mlsd-cache-'));
  writeFileSync(path.join(tmp, 'a.md'), gaps);
  writeFileSync(path.join(tmp, 'b.md'), complete);
  writeFileSync(path.join(tmp, 'c.md'), gaps.replace('We report accuracy on a held-out month.', 'We report PR-AUC on a held-out month.'));
  writeFileSync(path.join(tmp, 'd.md'), `${gaps}\nTODO\n`);
  writeFileSync(path.join(tmp, 'e.md'), gaps.replace('## Data\n', '## Data\n\nWe will sample negatives uniformly.\n'));
});
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

const counts = (stderr: string) => {
  const m = /debug: (\d+) files, (\d+) from cache, (\d+) analysed/.exec(stderr);
  assert.ok(m, stderr);
  return { files: Number(m[1]), cached: Number(m[2]), analysed: Number(m[3]) };
};

describe('mlsd lint --cache', () => {
  it('a warm run analyses nothing and prints the same output; an edit re-analyses only that file', async () => {
    const cold = await mlsd(['lint', '--cache', '--format', 'json', ...DOCS], { cwd: tmp, env: DEBUG });
    assert.deepEqual(counts(cold.stderr), { files: 5, cached: 0, analysed: 5 });
    assert.ok(existsSync(path.join(tmp, '.mlsdcache')), 'default location is .mlsdcache in the cwd');
    const warm = await mlsd(['lint', '--cache', '--format', 'json', ...DOCS], { cwd: tmp, env: DEBUG });
    assert.deepEqual(counts(warm.stderr), { files: 5, cached: 5, analysed: 0 });
    assert.equal(warm.stdout, cold.stdout);
    assert.equal(warm.code, cold.code);
    const text = await mlsd(['lint', '--cache', ...DOCS], { cwd: tmp });
    const plain = await mlsd(['lint', ...DOCS], { cwd: tmp });
    assert.equal(text.stdout, plain.stdout, 'cached text output equals an uncached run');

    writeFileSync(path.join(tmp, 'a.md'), `${gaps}\nTBD\n`);
    const edited = await mlsd(['lint', '--cache', '--format', 'json', ...DOCS], { cwd: tmp, env: DEBUG });
    assert.deepEqual(counts(edited.stderr), { files: 5, cached: 4, analysed: 1 });
    assert.notEqual(edited.stdout, warm.stdout);
  });

  it('a config change invalidates the files it applies to', async () => {
    writeFileSync(path.join(tmp, '.mlsd.json'), JSON.stringify({ rules: { 'missing-topic': 'off' } }));
    try {
      const r = await mlsd(['lint', '--cache', '--format', 'json', ...DOCS], { cwd: tmp, env: DEBUG });
      assert.deepEqual(counts(r.stderr), { files: 5, cached: 0, analysed: 5 });
      assert.ok(!r.stdout.includes('"missing-topic"'), 'the new config was used');
      const again = await mlsd(['lint', '--cache', '--format', 'json', ...DOCS], { cwd: tmp, env: DEBUG });
      assert.equal(counts(again.stderr).cached, 5);
    } finally {
      rmSync(path.join(tmp, '.mlsd.json'));
    }
  });

  it('a corrupt cache is ignored with a notice, never a crash, and rewritten', async () => {
    const location = path.join(tmp, 'custom-cache.json');
    const good = await mlsd(['lint', '--cache-location', location, ...DOCS], { cwd: tmp });
    for (const junk of ['{"mlsdCache": 1, "entr', '\u0000\u0001 not json', JSON.stringify({ mlsdCache: 1, entries: { 'a.md': 5 } })]) {
      writeFileSync(location, junk);
      const r = await mlsd(['lint', '--cache-location', location, ...DOCS], { cwd: tmp, env: DEBUG });
      assert.match(r.stderr, /mlsd: ignoring cache .*custom-cache\.json \(not a readable mlsd cache; it will be rewritten\)/);
      assert.equal(r.stdout, good.stdout);
      assert.equal(r.code, good.code);
      assert.equal(counts(r.stderr).analysed, 5);
      assert.doesNotThrow(() => JSON.parse(readFileSync(location, 'utf8')), 'rewritten as valid JSON');
    }
    // Valid JSON but entries of the wrong shape: not trusted, re-analysed.
    const cache = JSON.parse(readFileSync(location, 'utf8')) as { entries: Record<string, { key: string; result: unknown }> };
    for (const e of Object.values(cache.entries)) e.result = { report: { findings: 'nope' } };
    writeFileSync(location, JSON.stringify(cache));
    const shaped = await mlsd(['lint', '--cache-location', location, ...DOCS], { cwd: tmp, env: DEBUG });
    assert.equal(counts(shaped.stderr).analysed, 5);
    assert.equal(shaped.stdout, good.stdout);
  });
});

describe('mlsd lint --jobs', () => {
  it('--jobs 1 and --jobs 3 print the same thing, in input order', async () => {
    const order = ['e.md', 'b.md', 'd.md', 'a.md', 'c.md'];
    const one = await mlsd(['lint', '--jobs', '1', ...order], { cwd: tmp });
    const three = await mlsd(['lint', '--jobs', '3', ...order], { cwd: tmp });
    assert.equal(three.stdout, one.stdout);
    assert.equal(three.code, one.code);
    const oneJson = await mlsd(['lint', '-j', '1', '--format', 'json', ...order], { cwd: tmp });
    const threeJson = await mlsd(['lint', '-j', '3', '--format', 'json', ...order], { cwd: tmp });
    assert.equal(threeJson.stdout, oneJson.stdout);
    assert.deepEqual((JSON.parse(threeJson.stdout) as { file: string }[]).map((r) => r.file), order);
  });

  it('--jobs that is not a whole number ≥ 1 is a usage error', async () => {
    for (const bad of ['0', '-2', 'two', '1.5']) {
      const r = await mlsd(['lint', '--jobs', bad, 'a.md'], { cwd: tmp });
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--jobs must be a whole number of at least 1/);
    }
  });

  it('no progress output when stderr is not a terminal', async () => {
    const r = await mlsd(['lint', '--jobs', '2', ...DOCS, ...DOCS.map((d) => `./${d}`)], { cwd: tmp });
    assert.equal(r.stderr, '');
    assert.doesNotMatch(r.stdout, /files ·|\x1b\[2K/);
  });
});
