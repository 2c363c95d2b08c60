/**
 * Which files `mlsd lint` lints and prints: design docs only by default (others skipped, listed
 * with --verbose, never given findings), every Markdown file with --all, clean files counted but not
 * printed, and folder searches that leave out what .gitignore and `.mlsd.json` "ignores" say.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintJson as lintJsonBase, mlsd, REPO, type JsonReport } from '../support/cli';

/** The JSON report with the fields this file looks at. */
type Report = JsonReport & { skipped?: boolean; kind: { kind: string; reason: string } };
const lintJson = async (...a: Parameters<typeof lintJsonBase>) => {
  const { result, reports } = await lintJsonBase(...a);
  return { result, reports: reports as Report[] };
};

const gapsText = readFileSync(path.join(REPO, 'test/cli/fixtures/gaps.md'), 'utf8');
const completeText = readFileSync(path.join(REPO, 'examples/complete-design-doc.md'), 'utf8');
const README = '# mytool\n\nA small tool.\n\n## Installation\n\n```\nnpm install mytool\n```\n\n## Usage\n\nRun it.\n\n## License\n\nMIT\n';
const CHANGELOG = '# Changelog\n\n## 1.2.0\n\n- Fixed a bug.\n\n## 1.1.0\n\n- Added a thing.\n';

let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'mlsd-select-')); });
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

function write(rel: string, text: string): void {
  const file = path.join(tmp, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const files = (reports: { file: string }[]) => reports.map((r) => r.file).sort();
/** The file header lines of the text format (a line that is a path, not indented). */
const printedFiles = (stdout: string) => stdout.split('\n').filter((l) => /\.(md|markdown)$/.test(l) && !l.startsWith(' '));

describe('design docs only, unless --all', () => {
  before(() => {
    write('mixed/design.md', gapsText);
    write('mixed/clean.md', completeText);
    write('mixed/README.md', README);
    write('mixed/CHANGELOG.md', CHANGELOG);
  });

  it('a README and a CHANGELOG are skipped: no findings, not printed, counted in the summary', async () => {
    const r = await mlsd(['lint', 'mixed'], { cwd: tmp });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(printedFiles(r.stdout), ['mixed/design.md'], 'only the doc with findings is printed');
    assert.match(r.stdout.trimEnd().split('\n').at(-1)!, /problems \(.*\) in 2 files · 2 skipped \(not design docs; --verbose lists them\)$/);
    const { reports } = await lintJson(['mixed'], { cwd: tmp });
    const skipped = reports.filter((x) => x.skipped);
    assert.deepEqual(files(skipped), ['mixed/CHANGELOG.md', 'mixed/README.md']);
    assert.ok(skipped.every((x) => x.findings.length === 0));
  });

  it('--verbose lists each skipped file with the kind the core gave it', async () => {
    const r = await mlsd(['lint', '--verbose', 'mixed'], { cwd: tmp });
    const { reports } = await lintJson(['mixed'], { cwd: tmp });
    const readme = reports.find((x) => x.file === 'mixed/README.md')!;
    assert.equal(readme.kind.kind, 'readme');
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('mixed/README.md');
    assert.ok(at >= 0, r.stdout);
    assert.equal(lines[at + 1], `  skipped: readme — ${readme.kind.reason} (lint it anyway: --all, 'mlsd: true' front matter, or designDocGlobs in .mlsd.json)`);
    assert.ok(lines.includes('mixed/clean.md'), 'with --verbose the clean doc is listed too');
  });

  it('--all lints every Markdown file as a design doc', async () => {
    const { result, reports } = await lintJson(['--all', 'mixed'], { cwd: tmp });
    assert.equal(result.code, 0, result.stderr);
    const readme = reports.find((x) => x.file === 'mixed/README.md')!;
    assert.ok(!readme.skipped);
    assert.ok(readme.findings.some((f) => f.ruleId === 'missing-step'), 'a README has none of the seven steps');
    const text = await mlsd(['lint', '--all', 'mixed'], { cwd: tmp });
    assert.ok(printedFiles(text.stdout).includes('mixed/README.md'));
    assert.match(text.stdout, /^ {2}readme, linted as a design doc · 0\/7 steps covered/m);
    assert.doesNotMatch(text.stdout, /skipped/);
  });

  it('a clean design doc alone: only the ✔ summary line', async () => {
    const r = await mlsd(['lint', 'mixed/clean.md'], { cwd: tmp });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '✔ 0 problems (0 errors, 0 warnings, 0 info) in 1 file\n');
  });
});

describe('designDocGlobs: files the user declares design docs', () => {
  const NOTE = '# Notes on search\n\nWe want better search results for shoppers.\n';
  before(() => {
    write('globs/default/design-docs/search.md', NOTE);
    write('globs/default/notes/search.md', NOTE);
    write('globs/default/search.mlsd.md', NOTE);
    write('globs/custom/.mlsd.json', JSON.stringify({ designDocGlobs: ['specs/*.md'] }));
    write('globs/custom/specs/search.md', NOTE);
    write('globs/custom/design-docs/search.md', NOTE);
  });

  it('by default a file under design-docs/ or named *.mlsd.md is linted as a design doc, as in the editor', async () => {
    const { result, reports } = await lintJson(['.'], { cwd: path.join(tmp, 'globs/default') });
    assert.equal(result.code, 0, result.stderr);
    const linted = reports.filter((r) => !r.skipped);
    assert.deepEqual(files(linted), ['./design-docs/search.md', './search.mlsd.md']);
    assert.ok(linted.every((r) => r.findings.some((f) => f.ruleId === 'missing-step')));
    assert.deepEqual(files(reports.filter((r) => r.skipped)), ['./notes/search.md']);
  });

  it("a .mlsd.json's designDocGlobs, read from its folder, replace the defaults for lint and report", async () => {
    const { reports } = await lintJson(['.'], { cwd: path.join(tmp, 'globs/custom') });
    assert.deepEqual(files(reports.filter((r) => !r.skipped)), ['./specs/search.md']);
    // From outside the project the globs still apply relative to the config's folder.
    const outside = await lintJson(['globs/custom'], { cwd: tmp });
    assert.deepEqual(files(outside.reports.filter((r) => !r.skipped)), ['globs/custom/specs/search.md']);
    const md = await mlsd(['report', '--format', 'md', 'globs/custom'], { cwd: tmp });
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /1 design docs? scored, 1 skipped/);
  });
});

describe('.gitignore', () => {
  before(() => {
    write('repo/.gitignore', 'drafts/\n*.draft.md\n!keep.draft.md\n');
    write('repo/docs/a.md', gapsText);
    write('repo/docs/b.draft.md', gapsText);
    write('repo/docs/keep.draft.md', gapsText);
    write('repo/drafts/c.md', gapsText);
    write('repo/docs/sub/.gitignore', 'local.md\n');
    write('repo/docs/sub/local.md', gapsText);
    write('repo/docs/sub/d.md', gapsText);
    execFileSync('git', ['init', '-q'], { cwd: path.join(tmp, 'repo') });
    // The same files outside any repository.
    write('plain/.gitignore', '*.draft.md\n');
    write('plain/a.md', gapsText);
    write('plain/b.draft.md', gapsText);
  });

  it('a folder search leaves out ignored files (nested .gitignore and negation too)', async () => {
    const { result, reports } = await lintJson(['.'], { cwd: path.join(tmp, 'repo') });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(files(reports), ['./docs/a.md', './docs/keep.draft.md', './docs/sub/d.md']);
  });

  it('so does a glob; a file named directly is linted even if ignored', async () => {
    const glob = await lintJson(['docs/**/*.md'], { cwd: path.join(tmp, 'repo') });
    assert.deepEqual(files(glob.reports), ['docs/a.md', 'docs/keep.draft.md', 'docs/sub/d.md']);
    const named = await lintJson(['docs/b.draft.md'], { cwd: path.join(tmp, 'repo') });
    assert.deepEqual(files(named.reports), ['docs/b.draft.md']);
  });

  it('outside a git repository a .gitignore is not applied (as git would not)', async () => {
    const { reports } = await lintJson(['plain'], { cwd: tmp });
    assert.deepEqual(files(reports), ['plain/a.md', 'plain/b.draft.md']);
  });
});

describe('"ignores" in .mlsd.json', () => {
  before(() => {
    write('proj/.mlsd.json', JSON.stringify({ ignores: ['archive', 'CHANGELOG.md', 'docs/*.tmp.md'] }));
    write('proj/docs/a.md', gapsText);
    write('proj/docs/x.tmp.md', gapsText);
    write('proj/docs/archive/old.md', gapsText);
    write('proj/archive/older.md', gapsText);
    write('proj/docs/CHANGELOG.md', gapsText);
    write('cfgdir/ignore-a.json', JSON.stringify({ ignores: ['a.md'] }));
    write('bad/.mlsd.json', JSON.stringify({ ignores: 'archive' }));
    write('bad/a.md', gapsText);
  });

  it('leaves out matching files from a folder search: a name at any depth, a folder and all in it, a path glob', async () => {
    const { result, reports } = await lintJson(['proj'], { cwd: tmp });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(files(reports), ['proj/docs/a.md']);
  });

  it('a file named directly is still linted', async () => {
    const { reports } = await lintJson(['proj/docs/x.tmp.md'], { cwd: tmp });
    assert.deepEqual(files(reports), ['proj/docs/x.tmp.md']);
  });

  it('--config FILE: its ignores, relative to its folder', async () => {
    write('cfgdir/a.md', gapsText);
    write('cfgdir/b.md', gapsText);
    const { reports } = await lintJson(['--config', 'cfgdir/ignore-a.json', 'cfgdir'], { cwd: tmp });
    assert.deepEqual(files(reports), ['cfgdir/b.md']);
  });

  it('"ignores" that is not a list of globs is a config problem (exit 2), nothing left out', async () => {
    const { result, reports } = await lintJson(['bad'], { cwd: tmp });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /bad\/\.mlsd\.json: ignores must be array/);
    assert.deepEqual(files(reports), ['bad/a.md']);
  });
});
