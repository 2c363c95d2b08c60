/**
 * `mlsd lint` arguments and config paths that are not ordinary files: each is named for what it is,
 * the run exits 2 instead of hanging, crashing or saying "0 files", and text files saved as UTF-16
 * or with a UTF-8 BOM are linted like their UTF-8 twin.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintJson, mlsd, REPO } from '../support/cli';

const gaps = readFileSync(path.join(REPO, 'test/cli/fixtures/gaps.md'), 'utf8');
const QUICK = { timeoutMs: 60_000 };
let tmp: string;

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'mlsd-cli-inputs-'));
  writeFileSync(path.join(tmp, 'gaps.md'), gaps);
});
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

describe('mlsd lint: arguments that are not Markdown files', () => {
  it('a FIFO named a.md: "not a regular file (a FIFO)", exit 2, no hang', async () => {
    execFileSync('mkfifo', [path.join(tmp, 'a.md')]);
    const r = await mlsd(['lint', 'a.md', 'gaps.md'], { cwd: tmp, ...QUICK });
    assert.equal(r.signal, null, 'finished on its own');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /a\.md is not a regular file \(a FIFO\)/);
    assert.doesNotMatch(r.stderr, /no file matches/);
    assert.match(r.stdout, /gaps\.md/, 'the other file is still linted');
    rmSync(path.join(tmp, 'a.md'));
  });

  it('a symbolic link loop and a dangling link say what they are', async () => {
    const dir = path.join(tmp, 'links');
    mkdirSync(dir);
    symlinkSync('loop-b.md', path.join(dir, 'loop-a.md'));
    symlinkSync('loop-a.md', path.join(dir, 'loop-b.md'));
    symlinkSync('missing.md', path.join(dir, 'dangling.md'));
    const r = await mlsd(['lint', 'loop-a.md', 'dangling.md'], { cwd: dir, ...QUICK });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /loop-a\.md is not a regular file \(a symbolic link loop\)/);
    assert.match(r.stderr, /dangling\.md is not a regular file \(a symbolic link to a missing file\)/);
    assert.doesNotMatch(r.stderr, /no file matches/);
  });

  it('a folder named x.md with no Markdown in it: warned, exit 2 (not "0 files", exit 0)', async () => {
    mkdirSync(path.join(tmp, 'x.md'));
    const r = await mlsd(['lint', 'x.md'], { cwd: tmp, ...QUICK });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /x\.md is a folder, not a Markdown file/);
  });

  it('a FIFO inside a linted folder is reported, not waited on', async () => {
    const dir = path.join(tmp, 'with-fifo');
    mkdirSync(dir);
    copyFileSync(path.join(tmp, 'gaps.md'), path.join(dir, 'gaps.md'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    const { result, reports } = await lintJson([dir], QUICK);
    assert.equal(result.signal, null);
    // The folder search may skip it; if it lists it, the report says what it is.
    const pipe = reports.find((rep) => rep.file.endsWith('pipe.md'));
    if (pipe) assert.match(pipe.error ?? '', /not a regular file \(a FIFO\)/);
    assert.ok(reports.find((rep) => rep.file.endsWith('gaps.md'))!.findings.length > 0);
  });
});

describe('mlsd lint: text encodings', () => {
  it('UTF-16 LE and BE with a BOM, and UTF-8 with a BOM, give the same report as UTF-8', async () => {
    const dir = path.join(tmp, 'enc');
    mkdirSync(dir);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(gaps, 'utf16le')]);
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    writeFileSync(path.join(dir, 'utf8.md'), gaps);
    writeFileSync(path.join(dir, 'utf16le.md'), le);
    writeFileSync(path.join(dir, 'utf16be.md'), be);
    writeFileSync(path.join(dir, 'utf8bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(gaps)]));
    const { reports } = await lintJson(['utf8.md', 'utf16le.md', 'utf16be.md', 'utf8bom.md'], { cwd: dir, ...QUICK });
    const [base, ...others] = reports;
    assert.ok(base.findings.length > 0);
    assert.equal(base.isDesignDoc, true);
    for (const r of others) {
      assert.deepEqual({ ...r, file: '' }, { ...base, file: '' }, `${r.file} reads like utf8.md`);
    }
  });
});

describe('mlsd lint: config and framework paths that are not ordinary small files', () => {
  it('--config /dev/zero and --config a FIFO: a clear error, exit 2, at once', async () => {
    execFileSync('mkfifo', [path.join(tmp, 'config.fifo')]);
    for (const config of ['/dev/zero', path.join(tmp, 'config.fifo')]) {
      const r = await mlsd(['lint', '--config', config, 'gaps.md'], { cwd: tmp, ...QUICK });
      assert.equal(r.signal, null, `${config}: finished`);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /cannot read config file .*not a regular file/);
      assert.doesNotMatch(r.stderr, /bad_alloc|\n\s+at /);
    }
  });

  for (const target of ['/dev/zero', '/dev/urandom', '/dev/stdin', 'fifo']) {
    it(`"framework": ${target} — reported, the doc linted with the built-in steps`, async () => {
      const dir = mkdtempSync(path.join(tmp, 'fw-'));
      mkdirSync(path.join(dir, '.git'));
      copyFileSync(path.join(tmp, 'gaps.md'), path.join(dir, 'gaps.md'));
      let framework = target;
      if (target === 'fifo') {
        framework = path.join(dir, 'fw.fifo');
        execFileSync('mkfifo', [framework]);
      }
      writeFileSync(path.join(dir, '.mlsd.json'), JSON.stringify({ framework }));
      const { result, reports } = await lintJson(['gaps.md'], { cwd: dir, ...QUICK });
      assert.equal(result.signal, null, 'not killed, not hung');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /framework file cannot be read \(not a regular file/);
      assert.ok(reports[0].findings.some((f) => f.ruleId === 'missing-topic' || f.ruleId === 'missing-step'));
    });
  }

  it('a 900 KB invalid framework: 20 problems and "and N more", not 100,000 lines', async () => {
    const dir = mkdtempSync(path.join(tmp, 'fw-big-'));
    mkdirSync(path.join(dir, '.git'));
    copyFileSync(path.join(tmp, 'gaps.md'), path.join(dir, 'gaps.md'));
    writeFileSync(path.join(dir, 'fw.json'), JSON.stringify({ steps: Array.from({ length: 40_000 }, (_, i) => ({ id: `X${i}`, t: 1 })) }));
    writeFileSync(path.join(dir, '.mlsd.json'), JSON.stringify({ framework: 'fw.json' }));
    const r = await mlsd(['lint', 'gaps.md'], { cwd: dir, ...QUICK });
    assert.equal(r.code, 2);
    const lines = r.stderr.trimEnd().split('\n').filter((l) => l.includes('fw.json'));
    assert.equal(lines.length, 21, r.stderr.slice(0, 3000));
    assert.match(lines[20], /and \d+ more problems/);
  });
});
