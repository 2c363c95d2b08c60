/**
 * `mlsd lint -`: the doc on stdin, through the real process with a real pipe. `--stdin-filename`
 * names it in the output and decides which `.mlsd.json` applies (rules and the design-doc selection).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BIN, lintJson, REPO, type CliResult, type JsonReport } from '../support/cli';

const GAPS_TEXT = readFileSync(path.join(REPO, 'test/cli/fixtures/gaps.md'), 'utf8');
const README_TEXT = readFileSync(path.join(REPO, 'README.md'), 'utf8');

/** Runs mlsd with `input` written to its stdin, then stdin closed. */
function mlsdWithStdin(args: string[], input: string | Buffer, cwd = REPO): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(input);
  });
}

const parse = (r: CliResult) => {
  try { return JSON.parse(r.stdout) as JsonReport[]; } catch { throw new Error(`not JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`); }
};
const rulesOf = (rep: JsonReport) => rep.findings.map((f) => f.ruleId);

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mlsd-stdin-'));
  // The folder's own config turns missing-step off and lints every Markdown file as a design doc.
  mkdirSync(path.join(dir, 'team'));
  writeFileSync(path.join(dir, 'team', '.mlsd.json'), JSON.stringify({ rules: { 'missing-step': 'off' }, lintMode: 'allMarkdown' }));
  mkdirSync(path.join(dir, 'other'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('mlsd lint -', () => {
  it('lints the doc read from stdin as <stdin>, with the same findings as the file', async () => {
    const fromFile = (await lintJson(['test/cli/fixtures/gaps.md'])).reports[0];
    const r = await mlsdWithStdin(['lint', '--format', 'json', '-'], GAPS_TEXT);
    assert.equal(r.code, 0, r.stderr);
    const [rep] = parse(r);
    assert.equal(rep.file, '<stdin>');
    assert.ok(fromFile.findings.length > 5);
    assert.deepEqual(rep.findings, fromFile.findings);
  });

  it('--stdin-filename names it in every format (here compact and github)', async () => {
    const compact = await mlsdWithStdin(['lint', '--format', 'compact', '-', '--stdin-filename', 'docs/spam.md'], GAPS_TEXT);
    const lines = compact.stdout.trimEnd().split('\n');
    assert.ok(lines.length > 5);
    assert.ok(lines.every((l) => l.startsWith('docs/spam.md:')), compact.stdout);
    const github = await mlsdWithStdin(['lint', '--format', 'github', '--stdin-filename=docs/spam.md', '-'], GAPS_TEXT);
    assert.ok(github.stdout.trimEnd().split('\n').every((l) => /^::(warning|notice) file=docs\/spam\.md,line=\d+,/.test(l)), github.stdout);
  });

  it("the name decides the config: team/'s .mlsd.json applies to team/x.md, not to other/x.md", async () => {
    const team = parse(await mlsdWithStdin(['lint', '-f', 'json', '-', '--stdin-filename', 'team/x.md'], GAPS_TEXT, dir))[0];
    const other = parse(await mlsdWithStdin(['lint', '-f', 'json', '-', '--stdin-filename', 'other/x.md'], GAPS_TEXT, dir))[0];
    assert.equal(team.file, 'team/x.md');
    assert.ok(rulesOf(other).includes('missing-step'), 'no config: defaults');
    assert.ok(!rulesOf(team).includes('missing-step'), 'team config: missing-step off');
    assert.deepEqual(rulesOf(team), rulesOf(other).filter((id) => id !== 'missing-step'));
  });

  it('and the design-doc selection: a README is skipped by default, linted under lintMode allMarkdown', async () => {
    const other = parse(await mlsdWithStdin(['lint', '-f', 'json', '-', '--stdin-filename', 'other/README.md'], README_TEXT, dir))[0];
    const team = parse(await mlsdWithStdin(['lint', '-f', 'json', '-', '--stdin-filename', 'team/README.md'], README_TEXT, dir))[0];
    assert.equal((other as { skipped?: boolean }).skipped, true);
    assert.equal(other.findings.length, 0);
    assert.notEqual((team as { skipped?: boolean }).skipped, true);
    assert.ok(team.findings.length > 0, 'linted as a design doc');
  });

  it('without --stdin-filename, the config of the current folder applies', async () => {
    const r = parse(await mlsdWithStdin(['lint', '-f', 'json', '-'], GAPS_TEXT, path.join(dir, 'team')))[0];
    assert.equal(r.file, '<stdin>');
    assert.ok(!rulesOf(r).includes('missing-step'));
  });

  it('decodes stdin like a file: a UTF-16 byte order mark, then the text', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GAPS_TEXT, 'utf16le')]);
    const a = parse(await mlsdWithStdin(['lint', '-f', 'json', '-'], utf16))[0];
    const b = parse(await mlsdWithStdin(['lint', '-f', 'json', '-'], GAPS_TEXT))[0];
    assert.deepEqual(a.findings, b.findings);
  });

  it('exit code follows the findings: an error on stdin exits 1', async () => {
    const broken = readFileSync(path.join(REPO, 'test/cli/fixtures/broken-front-matter.md'), 'utf8');
    const r = await mlsdWithStdin(['lint', '-f', 'compact', '-'], broken);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^<stdin>:3:25: error .*\[invalid-front-matter\]$/m);
  });

  it('usage errors: - with other files, --stdin-filename without -, - with --changed-since', async () => {
    const cases: [string[], RegExp][] = [
      [['lint', '-', 'test/cli/fixtures/gaps.md'], /'-' \(stdin\) is linted on its own/],
      [['lint', '--stdin-filename', 'a.md', 'test/cli/fixtures/gaps.md'], /--stdin-filename names the doc read from stdin; add '-'/],
      [['lint', '-', '--changed-since', 'HEAD'], /--changed-since picks files from git; it cannot be combined with '-'/],
      [['lint', '-', '--stdin-filename='], /--stdin-filename needs a file name/],
    ];
    for (const [args, message] of cases) {
      const r = await mlsdWithStdin(args, GAPS_TEXT);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
  });
});
