/** `mlsd new`, `mlsd explain`, `mlsd case-studies`, `mlsd rules`, `--help`/`--version` as processes. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintJson, mlsd, REPO } from '../support/cli';
import { ruleIds } from '../../server/src/core/rules';

const glossary = JSON.parse(readFileSync(path.join(REPO, 'server/src/knowledge/glossary.json'), 'utf8')) as { term: string; definition: string; whenToUse: string }[];
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };

let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'mlsd-cli-cmd-')); });
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

describe('mlsd new', () => {
  it('--list lists the templates', async () => {
    const r = await mlsd(['new', '--list']);
    assert.equal(r.code, 0, r.stderr);
    const ids = r.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]);
    assert.ok(ids.includes('seven-step'), ids.join(', '));
    assert.ok(ids.length >= 2);
    for (const l of r.stdout.trim().split('\n')) assert.match(l, /^[a-z0-9-]+\s+\S.* — \S/, l);
  });

  it('--title X out.md writes a doc whose seven steps are all detected', async () => {
    const r = await mlsd(['new', '--title', 'Pantry restock forecast', 'docs/design/pantry.md'], { cwd: tmp });
    assert.equal(r.code, 0, r.stderr);
    const file = path.join(tmp, 'docs/design/pantry.md');
    assert.ok(existsSync(file), 'file written (folders created)');
    assert.match(r.stdout, /pantry\.md/);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^# Pantry restock forecast$/m);
    const { reports } = await lintJson(['docs/design/pantry.md'], { cwd: tmp });
    assert.equal(reports[0].steps.length, 7);
    assert.deepEqual(reports[0].steps.filter((s) => s.status === 'missing').map((s) => s.id), [], 'no step missing');
    assert.equal(reports[0].isDesignDoc, true);
    assert.ok(reports[0].findings.some((f) => f.ruleId === 'empty-step' && /not started/.test(f.message)), 'each untouched step is flagged as not started');
  });

  it('every template gives a doc with all seven steps detected', async () => {
    const list = await mlsd(['new', '--list']);
    const ids = list.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]);
    const files: string[] = [];
    for (const id of ids) {
      const rel = `templates/${id}.md`;
      const r = await mlsd(['new', '--title', `Doc from ${id}`, '--template', id, rel], { cwd: tmp });
      assert.equal(r.code, 0, `${id}: ${r.stderr}`);
      files.push(rel);
    }
    const { reports } = await lintJson(files, { cwd: tmp });
    for (const rep of reports) {
      assert.deepEqual(rep.steps.filter((s) => s.status === 'missing').map((s) => s.id), [], rep.file);
      assert.ok(!rep.findings.some((f) => f.severity === 'error'), `${rep.file}: ${rep.findings.filter((f) => f.severity === 'error').map((f) => f.message)}`);
    }
  });

  it('refuses to overwrite an existing file (exit 2, file unchanged)', async () => {
    const file = path.join(tmp, 'mine.md');
    writeFileSync(file, 'my own notes, not to be lost\n');
    const r = await mlsd(['new', '--title', 'Anything', 'mine.md'], { cwd: tmp });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /already exists/);
    assert.equal(readFileSync(file, 'utf8'), 'my own notes, not to be lost\n');
  });

  it('without a file prints the doc; without --title or with an unknown template exits 2', async () => {
    const out = await mlsd(['new', '--title', 'Printed doc']);
    assert.equal(out.code, 0);
    assert.match(out.stdout, /^# Printed doc$/m);
    assert.match(out.stdout, /^---\nmlsd: true\n/);
    const noTitle = await mlsd(['new', path.join(tmp, 'untitled.md')]);
    assert.equal(noTitle.code, 2);
    assert.match(noTitle.stderr, /--title/);
    assert.ok(!existsSync(path.join(tmp, 'untitled.md')));
    const badTemplate = await mlsd(['new', '--title', 'X', '--template', 'no-such-template']);
    assert.equal(badTemplate.code, 2);
    assert.match(badTemplate.stderr, /no-such-template/);
  });
});

describe('mlsd explain', () => {
  it('explain missing-step prints the rule page (docs/rules/missing-step.md)', async () => {
    const r = await mlsd(['explain', 'missing-step']);
    assert.equal(r.code, 0, r.stderr);
    const page = path.join(REPO, 'docs/rules/missing-step.md');
    assert.ok(existsSync(page), `${page} exists`);
    const text = readFileSync(page, 'utf8');
    assert.equal(r.stdout, text.endsWith('\n') ? text : `${text}\n`);
  });

  it('explain prints the page of every rule of the catalogue', async () => {
    for (const id of ruleIds) {
      const r = await mlsd(['explain', id]);
      assert.equal(r.code, 0, `${id}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^# ${id}\n`), `explain ${id} prints its page`);
      assert.match(r.stdout, /## Fails/, `explain ${id} includes the example that fires`);
    }
  });

  it('explain NDCG prints the glossary entry (any case)', async () => {
    const entry = glossary.find((e) => e.term === 'NDCG')!;
    for (const name of ['NDCG', 'ndcg']) {
      const r = await mlsd(['explain', name]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^NDCG\b/);
      assert.ok(r.stdout.includes(entry.definition));
      assert.ok(r.stdout.includes(entry.whenToUse));
      assert.doesNotMatch(r.stdout, /\*\*/, 'plain text, not Markdown bold');
    }
  });

  it('explain of a multi-word term and of an unknown name', async () => {
    const r = await mlsd(['explain', 'negative', 'sampling']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /negative sampling/i);
    const unknown = await mlsd(['explain', 'flux-capacitor']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /flux-capacitor/);
  });
});

describe('mlsd case-studies, rules, help', () => {
  it('lists at least 12 case studies and prints one by id', async () => {
    const r = await mlsd(['case-studies']);
    assert.equal(r.code, 0, r.stderr);
    const ids = r.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]);
    assert.ok(ids.length >= 12, `${ids.length} case studies`);
    assert.ok(ids.includes('video-recommendation'));
    const one = await mlsd(['case-studies', 'video-recommendation']);
    assert.equal(one.code, 0, one.stderr);
    const source = readFileSync(path.join(REPO, 'server/src/knowledge/case-studies/video-recommendation.md'), 'utf8');
    assert.equal(one.stdout.trimEnd(), source.trimEnd());
    const unknown = await mlsd(['case-studies', 'no-such-case']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no-such-case/);
  });

  it('rules lists every rule with its default severity', async () => {
    const r = await mlsd(['rules']);
    assert.equal(r.code, 0);
    const ids = r.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]);
    for (const id of ['missing-step', 'empty-step', 'step-order', 'missing-topic', 'unjustified-model-choice', 'missing-baseline',
      'metric-task-mismatch', 'imbalance-without-strategy', 'unquantified-requirements', 'unfilled-placeholder', 'invalid-front-matter']) {
      assert.ok(ids.includes(id), id);
    }
  });

  it('--help and no arguments print usage (exit 0); --version prints the package version', async () => {
    for (const args of [['--help'], []]) {
      const r = await mlsd(args);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /mlsd lint/);
      assert.match(r.stdout, /Exit codes/);
    }
    const v = await mlsd(['--version']);
    assert.equal(v.stdout.trim(), pkg.version);
  });
});
