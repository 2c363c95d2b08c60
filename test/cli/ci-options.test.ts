/** `--quiet`, `--output-file` and the did-you-mean of the new flags, through the real process. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lintJson, mlsd } from '../support/cli';

const GAPS = 'test/cli/fixtures/gaps.md';
const BROKEN_FM = 'test/cli/fixtures/broken-front-matter.md';

let dir: string;
before(() => { dir = mkdtempSync(path.join(tmpdir(), 'mlsd-ci-options-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

describe('--quiet', () => {
  it('prints only errors, in every format', async () => {
    const { reports } = await lintJson([GAPS, BROKEN_FM]);
    const errors = reports.flatMap((r) => r.findings.filter((f) => f.severity === 'error'));
    assert.equal(errors.length, 1, 'the broken front matter is the one error');
    assert.ok(reports.some((r) => r.findings.some((f) => f.severity !== 'error')), 'there are warnings to hide');

    const quietJson = await lintJson(['--quiet', GAPS, BROKEN_FM]);
    assert.equal(quietJson.result.code, 1);
    assert.deepEqual(quietJson.reports.flatMap((r) => r.findings), errors);

    const compact = await mlsd(['lint', '-q', '--format', 'compact', GAPS, BROKEN_FM]);
    assert.deepEqual(compact.stdout.trimEnd().split('\n').map((l) => / error .*\[(.+)\]$/.exec(l)?.[1]), ['invalid-front-matter']);
    const text = await mlsd(['lint', '--quiet', GAPS, BROKEN_FM]);
    assert.doesNotMatch(text.stdout, /\d+:\d+\s+warning/);
    assert.match(text.stdout, /1 error/);
  });

  it('warnings do not count: --max-warnings 0 passes a doc with only warnings', async () => {
    const loud = await mlsd(['lint', '--max-warnings', '0', GAPS]);
    assert.equal(loud.code, 1, 'without --quiet the warnings fail it');
    const quiet = await mlsd(['lint', '--quiet', '--max-warnings', '0', GAPS]);
    assert.equal(quiet.code, 0, quiet.stdout + quiet.stderr);
    assert.doesNotMatch(quiet.stderr, /max-warnings/);
  });
});

describe('--output-file', () => {
  it('writes the report to the file, stdout keeps one note in text format and nothing in others; exit code unchanged', async () => {
    const out = path.join(dir, 'reports', 'mlsd.json'); // the folder does not exist yet
    const toStdout = await mlsd(['lint', '--format', 'json', GAPS, BROKEN_FM]);
    const toFile = await mlsd(['lint', '--format', 'json', '--output-file', out, GAPS, BROKEN_FM]);
    assert.equal(toFile.code, toStdout.code);
    assert.equal(toFile.code, 1);
    assert.equal(toFile.stdout, '');
    assert.equal(readFileSync(out, 'utf8'), toStdout.stdout);
    assert.deepEqual(readdirSync(path.dirname(out)), ['mlsd.json'], 'no temporary file left behind');

    const textFile = path.join(dir, 'mlsd.txt');
    const text = await mlsd(['lint', '-o', textFile, GAPS], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    assert.equal(text.code, 0);
    assert.equal(text.stdout, `mlsd: wrote the report to ${textFile} (0 errors, 9 warnings)\n`);
    const written = readFileSync(textFile, 'utf8');
    assert.match(written, /missing-step/);
    assert.doesNotMatch(written, /\x1b\[/, 'no colour codes in a file, even when colour is forced');
  });

  it('replaces an existing report whole', async () => {
    const out = path.join(dir, 'replace.xml');
    writeFileSync(out, 'x'.repeat(100_000));
    const r = await mlsd(['lint', '--format', 'junit', '--output-file', out, 'examples/complete-design-doc.md']);
    assert.equal(r.code, 0);
    assert.match(readFileSync(out, 'utf8'), /^<\?xml[^]*<\/testsuites>\n$/);
  });

  it('a file that cannot be written is one line on stderr and exit 2', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const r = await mlsd(['lint', '--format', 'sarif', '--output-file', path.join(blocker, 'mlsd.sarif'), GAPS]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^mlsd: cannot write --output-file .*not-a-folder\/mlsd\.sarif \((ENOTDIR|EEXIST)\)\n$/);
    assert.equal(r.stdout, '');

    const asFolder = await mlsd(['lint', '--output-file', dir, GAPS]);
    assert.equal(asFolder.code, 2);
    assert.match(asFolder.stderr, /^mlsd: cannot write --output-file .* \(EISDIR\)\n$/);
    assert.ok(existsSync(dir));

  });

  it('an empty --output-file is a usage error', async () => {
    const r = await mlsd(['lint', '--output-file=', GAPS]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--output-file needs a file name/);
  });
});

describe('did you mean, for the new flags and formats', () => {
  for (const [typed, meant] of [['--quite', '--quiet'], ['--output-flie', '--output-file'], ['--outputfile', '--output-file'], ['--stdin-file-name', '--stdin-filename']]) {
    it(`${typed} → ${meant}`, async () => {
      const r = await mlsd(['lint', typed, GAPS]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, new RegExp(`unknown option '${typed}' for 'mlsd lint' — did you mean ${meant}\\?`));
    });
  }
  it('--format gihub → github, and the help lists the new formats and flags', async () => {
    const r = await mlsd(['lint', '--format', 'gihub', GAPS]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format must be text, compact, json, sarif, github, junit or gitlab \(got 'gihub'\) — did you mean 'github'\?/);
    const help = await mlsd(['lint', '--help']);
    for (const word of ['github', 'junit', 'gitlab', '--quiet', '--output-file', '--stdin-filename']) assert.ok(help.stdout.includes(word), word);
    const overview = await mlsd(['--help']);
    assert.match(overview.stdout, /--format text\|compact\|json\|sarif\|github\|junit\|gitlab/);
  });
});
