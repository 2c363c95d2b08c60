/**
 * `mlsd lint --changed-since REF` as a process on real git repositories made in a temp folder: only
 * changed Markdown is linted, only findings touching changed lines (or their step's changed section,
 * or a missing step of a changed doc) are reported; a missing ref and a shallow clone say what to do.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintJson, mlsd, REPO } from '../support/cli';

const gaps = readFileSync(path.join(REPO, 'test/cli/fixtures/gaps.md'), 'utf8');
const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
let tmp: string;
let repo: string;
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'mlsd-changed-'));
  repo = path.join(tmp, 'repo');
  mkdirSync(path.join(repo, 'docs'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(repo, 'docs', 'spam.md'), gaps);
  writeFileSync(path.join(repo, 'docs', 'other.md'), gaps);
  writeFileSync(path.join(repo, 'notes.txt'), 'not markdown\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'first');
  git(repo, 'checkout', '-q', '-b', 'feature');
  // The second commit touches only the Evaluation section of spam.md, and a text file.
  writeFileSync(path.join(repo, 'docs', 'spam.md'), gaps.replace('We report accuracy on a held-out month.', 'We report accuracy on a held-out month, per seller.'));
  writeFileSync(path.join(repo, 'notes.txt'), 'still not markdown\n');
  git(repo, 'commit', '-q', '-am', 'second');
});
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

describe('mlsd lint --changed-since', () => {
  it('lints only the changed doc and reports only findings touching the change', async () => {
    const all = await lintJson(['docs/spam.md'], { cwd: repo });
    const { result, reports } = await lintJson(['--changed-since', 'main'], { cwd: repo });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(reports.map((r) => r.file), ['docs/spam.md'], 'other.md and notes.txt are not linted');
    const got = reports[0].findings.map((f) => `${f.ruleId}:${f.data.step}`).sort();
    const expected = all.reports[0].findings
      // the changed line is in Evaluation; Serving and Monitoring have no section, so they count too
      .filter((f) => ['evaluation', 'serving', 'monitoring'].includes(String(f.data.step)))
      .map((f) => `${f.ruleId}:${f.data.step}`).sort();
    assert.ok(expected.includes('metric-task-mismatch:evaluation') && expected.includes('missing-step:serving'), 'fixture sanity');
    assert.deepEqual(got, expected);
    assert.ok(all.reports[0].findings.some((f) => f.data.step === 'data'), 'findings of untouched sections exist and were left out');
  });

  it('named files are narrowed to the changed ones; untracked Markdown counts as all new', async () => {
    writeFileSync(path.join(repo, 'docs', 'draft.md'), gaps);
    try {
      const { result, reports } = await lintJson(['--changed-since', 'main', 'docs'], { cwd: repo });
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(reports.map((r) => r.file), ['docs/draft.md', 'docs/spam.md']);
      const full = await lintJson(['docs/draft.md'], { cwd: repo });
      assert.equal(reports[0].findings.length, full.reports[0].findings.length, 'every finding of an untracked doc is new');
    } finally {
      rmSync(path.join(repo, 'docs', 'draft.md'));
    }
  });

  it('nothing changed: no files, exit 0, a note on stderr', async () => {
    const r = await mlsd(['lint', '--changed-since', 'HEAD'], { cwd: repo });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /no Markdown files changed since 'HEAD'/);
  });

  it('a ref that does not exist: one line naming the fetch, exit 2', async () => {
    const r = await mlsd(['lint', '--changed-since', 'origin/main', 'docs'], { cwd: repo });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "mlsd: ref 'origin/main' not found — fetch it, e.g. git fetch --depth=1 origin main\n");
    assert.equal(r.stdout, '');
  });

  it('outside a git repository: one line, exit 2', async () => {
    const r = await mlsd(['lint', '--changed-since', 'main', path.join(repo, 'docs')], { cwd: tmp });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^mlsd: --changed-since needs a git repository, and .* is not in one\n$/);
  });

  it('a shallow clone: the missing base is named, and once fetched without a merge base the ref itself is the base', async () => {
    const clone = path.join(tmp, 'clone');
    git(tmp, 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${repo}`, clone);
    const missing = await mlsd(['lint', '--changed-since', 'origin/main'], { cwd: clone });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, "mlsd: ref 'origin/main' not found — fetch it, e.g. git fetch --depth=1 origin main\n");
    git(clone, 'fetch', '-q', '--depth=1', 'origin', 'main:refs/remotes/origin/main');
    const { result, reports } = await lintJson(['--changed-since', 'origin/main'], { cwd: clone });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /no common ancestor of 'origin\/main' and HEAD \(shallow history\?\) — comparing with 'origin\/main' itself/);
    assert.deepEqual(reports.map((r) => r.file), ['docs/spam.md']);
    assert.ok(reports[0].findings.some((f) => f.ruleId === 'metric-task-mismatch'));
    assert.ok(!reports[0].findings.some((f) => f.data.step === 'data'));
  });
});
