/**
 * `--format compact` read back with the VS Code problem matcher shipped in package.json, and when
 * the text format is coloured (terminal, FORCE_COLOR, NO_COLOR) — all through the real process.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BIN, lintJson, mlsd, REPO } from '../support/cli';

const GAPS = 'test/cli/fixtures/gaps.md';
const BROKEN_FM = 'test/cli/fixtures/broken-front-matter.md';
const COMPLETE = 'examples/complete-design-doc.md';
const ESC = /\x1b\[/;
/** A colour (SGR) sequence; a terminal may also see the progress line's erase-line codes, which are not colour. */
const COLOUR = /\x1b\[[\d;]*m/;

interface Matcher { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number }
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: { problemMatchers: { name: string; pattern: Matcher }[] } };
const matcher = pkg.contributes.problemMatchers.find((m) => m.name === 'mlsd')!.pattern;

describe('--format compact', () => {
  it('every line is matched by the package.json problem matcher, one per finding, fields as in JSON', async () => {
    const files = [GAPS, BROKEN_FM];
    const r = await mlsd(['lint', '--format', 'compact', ...files]);
    assert.equal(r.code, 1, r.stderr); // the broken front matter is an error
    const { reports } = await lintJson(files);
    const expected = reports.flatMap((rep) => rep.findings.map((f) => ({
      file: rep.file, line: f.line, column: f.column, severity: f.severity === 'hint' ? 'info' : f.severity, message: f.message.replace(/\s+/g, ' ').trim(), code: f.ruleId,
    })));
    assert.ok(expected.length > 5, 'enough findings to mean something');
    const re = new RegExp(matcher.regexp);
    const lines = r.stdout.trimEnd().split('\n');
    const got = lines.map((l) => {
      const m = re.exec(l);
      assert.ok(m, `the problem matcher does not match: ${l}`);
      return { file: m[matcher.file], line: Number(m[matcher.line]), column: Number(m[matcher.column]), severity: m[matcher.severity], message: m[matcher.message], code: m[matcher.code] };
    });
    assert.deepEqual(got, expected);
  });

  it('positions are 1-based: the BERT finding points at the word BERT', async () => {
    const r = await mlsd(['lint', '--format', 'compact', GAPS]);
    const row = r.stdout.split('\n').find((l) => l.endsWith('[unjustified-model-choice]'))!;
    const [, line, col] = /^.+?:(\d+):(\d+):/.exec(row)!;
    const text = readFileSync(path.join(REPO, GAPS), 'utf8').split('\n')[Number(line) - 1];
    assert.equal(text.slice(Number(col) - 1, Number(col) - 1 + 4), 'BERT');
  });

  it('a clean doc prints nothing and exits 0; colour codes never appear, even forced', async () => {
    const clean = await mlsd(['lint', '--format', 'compact', COMPLETE]);
    assert.equal(clean.code, 0);
    assert.equal(clean.stdout, '');
    const forced = await mlsd(['lint', '--format', 'compact', GAPS], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    assert.doesNotMatch(forced.stdout, ESC);
  });
});

describe('colour in the text format', () => {
  it('a pipe gets no colour', async () => {
    const r = await mlsd(['lint', GAPS], { env: { NO_COLOR: '' } });
    assert.doesNotMatch(r.stdout, ESC);
  });

  it('FORCE_COLOR=1 colours a pipe; FORCE_COLOR=0 does not; FORCE_COLOR wins over NO_COLOR', async () => {
    const forced = await mlsd(['lint', GAPS], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    assert.match(forced.stdout, /\x1b\[33mwarning\x1b\[0m/);
    const zero = await mlsd(['lint', GAPS], { env: { FORCE_COLOR: '0', NO_COLOR: '' } });
    assert.doesNotMatch(zero.stdout, ESC);
    const both = await mlsd(['lint', GAPS], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    assert.match(both.stdout, ESC);
    // Apart from the colour codes, the output is the same.
    assert.equal(forced.stdout.replace(/\x1b\[\d+m/g, ''), zero.stdout);
  });

  // `script` runs the command on a pseudo-terminal, so stdout is a real TTY.
  const hasScript = (() => { try { execFileSync('script', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();
  it('a terminal gets colour; NO_COLOR turns it off there', { skip: hasScript ? false : 'no script(1) to make a terminal' }, () => {
    const onTty = (env: Record<string, string>) => {
      const clean = { ...process.env };
      delete clean.NO_COLOR;
      delete clean.FORCE_COLOR;
      return execFileSync('script', ['-qec', `"${process.execPath}" "${BIN}" lint ${GAPS}; true`, '/dev/null'], { cwd: REPO, env: { ...clean, TERM: 'xterm', ...env }, encoding: 'utf8' });
    };
    assert.match(onTty({}), /\x1b\[33mwarning\x1b\[0m/);
    assert.doesNotMatch(onTty({ NO_COLOR: '1' }), COLOUR);
  });
});
