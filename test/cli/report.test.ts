/** `mlsd report` as a process: the matrix against lint's own statuses, findings with questions, escaping, formats, bad input. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintJson, mlsd, REPO } from '../support/cli';

const TEAM = 'test/cli/fixtures/report/team';
const framework = JSON.parse(readFileSync(path.join(REPO, 'server/src/knowledge/frameworks/seven-step.json'), 'utf8')) as { steps: { id: string; title: string; questions: string[] }[] };
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'mlsd-report-')); });
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

/** The matrix's body rows: doc title → the text of each step cell and its class. */
function matrixRows(html: string): Map<string, { cls: string; text: string }[]> {
  const body = html.match(/<table class="matrix">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  const rows = new Map<string, { cls: string; text: string }[]>();
  for (const tr of body.match(/<tr>[\s\S]*?<\/tr>/g) ?? []) {
    const title = decode(tr.match(/<th scope="row"[^>]*><a href="#doc-\d+">([^<]*)<\/a>/)![1]);
    const cells = [...tr.matchAll(/<td(?: class="(\w+)")?[^>]*>([\s\S]*?)<\/td>/g)].map((m) => ({ cls: m[1] ?? '', text: m[2].replace(/<[^>]+>/g, '') }));
    rows.set(title, cells.slice(0, -1)); // the last cell is the findings count
  }
  return rows;
}

describe('mlsd report (html, folder)', () => {
  let html: string;
  let stderr: string;
  before(async () => {
    const r = await mlsd(['report', TEAM]);
    assert.equal(r.code, 0, r.stderr);
    html = r.stdout;
    stderr = r.stderr;
  });

  it('has one matrix row per design doc whose cells are lint\'s step statuses, coloured and labelled', async () => {
    const { reports } = await lintJson([TEAM]);
    const designDocs = reports.filter((r) => r.isDesignDoc);
    assert.equal(designDocs.length, 2, 'fixture: two design docs');
    const rows = matrixRows(html);
    assert.equal(rows.size, designDocs.length);
    const symbols = { covered: '✓', thin: '◐', missing: '✗' };
    for (const rep of designDocs) {
      const title = readFileSync(path.join(REPO, rep.file), 'utf8').match(/^# (.*)$/m)![1];
      const cells = rows.get(title);
      assert.ok(cells, `row for ${title}: ${[...rows.keys()]}`);
      assert.deepEqual(cells.map((c) => c.cls), rep.steps.map((s) => s.status), title);
      assert.deepEqual(cells.map((c) => c.text), rep.steps.map((s) => `${symbols[s.status]} ${s.status}`), `${title}: text labels, readable without colour`);
    }
    const statuses = new Set(designDocs.flatMap((r) => r.steps.map((s) => s.status)));
    assert.ok(statuses.has('missing') && statuses.has('covered'), 'fixture: both ends of the scale appear');
  });

  it('totals each step in words ("N of M docs have no …")', async () => {
    const { reports } = await lintJson([TEAM]);
    const designDocs = reports.filter((r) => r.isDesignDoc);
    for (const step of framework.steps) {
      const missing = designDocs.filter((r) => r.steps.find((s) => s.id === step.id)!.status === 'missing').length;
      assert.ok(html.includes(`${missing} of ${designDocs.length} docs ${missing === 1 ? 'has' : 'have'} no ${step.title}`), `${step.id} total`);
    }
  });

  it('links cells to the doc\'s heading anchor, relative to the report', () => {
    assert.match(html, /<a href="test\/cli\/fixtures\/report\/team\/fraud-alerts\.md#monitoring"[^>]*>✓ covered<\/a>/);
    assert.match(html, /href="test\/cli\/fixtures\/report\/team\/pantry-forecast\.md#problem-framing"/);
  });

  it('lists non-design docs as skipped with the core\'s kind and reason, not scored', async () => {
    const { reports } = await lintJson([TEAM]);
    const readme = reports.find((r) => r.file.endsWith('README.md')) as unknown as { kind: { kind: string; reason: string } };
    const skipped = html.match(/<h2>Skipped[\s\S]*?<\/section>/)?.[0] ?? '';
    assert.ok(decode(skipped).includes(`README.md</a> — ${readme.kind.kind}: ${readme.kind.reason}`), skipped);
    assert.ok(![...matrixRows(html).keys()].includes('Team docs'), 'the README is not a matrix row');
    assert.equal(stderr, '', 'a skipped README is not an input problem');
  });

  it('groups findings by step, each with one of that step\'s reviewer questions', () => {
    const fraud = html.match(/<section class="doc" id="doc-\d+"><h2>Card fraud alerts[\s\S]*?<\/section>/)![0];
    const model = framework.steps.find((s) => s.id === 'model')!;
    const group = fraud.match(new RegExp(`<h4>${model.title}</h4><ul>([\\s\\S]*?)</ul>`))?.[1] ?? '';
    assert.match(group, /unjustified-model-choice/, 'the XGBoost choice sits under the model step');
    const asked = [...group.matchAll(/Reviewer asks: ([^<]*)/g)].map((m) => decode(m[1]));
    assert.ok(asked.length >= 1);
    for (const q of asked) assert.ok(model.questions.includes(q), `question from the model step: ${q}`);
    const choice = group.split('</li>').find((li) => li.includes('unjustified-model-choice'))!;
    assert.match(decode(choice), /Reviewer asks: Which model did you choose/, 'the question that fits the finding');
  });

  it('escapes what comes from docs: a <script> in a heading is text, only the sort script is a script', () => {
    assert.ok(!/<script>alert/.test(html), 'no raw script from the doc');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;'), 'shown as text');
    assert.equal(html.match(/<script/g)?.length, 1, 'one script: the sorter');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'/, 'only the sorter runs, by its hash');
  });

  it('is self-contained: no external URL, light and dark, print styles', () => {
    assert.ok(!/(https?:)?\/\/[\w.-]+\.\w/.test(html.replace(/<!--[\s\S]*?-->/g, '')), 'no URL to fetch');
    assert.ok(!/<link|@import|src=/.test(html));
    assert.match(html, /prefers-color-scheme: dark/);
    assert.match(html, /@media print/);
    assert.match(html, /<th scope="col" data-col="1" aria-sort="none"><button type="button">/, 'sortable columns');
  });
});

describe('mlsd report (one doc)', () => {
  it('draws the steps as an SVG bar, lists headings per step and the suggested case study', async () => {
    const r = await mlsd(['report', `${TEAM}/pantry-forecast.md`]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes('class="matrix"'), 'no matrix for one doc');
    assert.ok(!r.stdout.includes('<script'), 'nothing to sort, no script');
    const svg = r.stdout.match(/<svg class="stepbar"[\s\S]*?<\/svg>/)?.[0] ?? '';
    const { reports } = await lintJson([`${TEAM}/pantry-forecast.md`]);
    assert.deepEqual([...svg.matchAll(/<g class="seg (\w+)">/g)].map((m) => m[1]), reports[0].steps.map((s) => s.status));
    assert.match(r.stdout, /<th scope="row">Problem framing|<th scope="row">Frame the problem as an ML task<\/th><td><span class="badge covered">✓ covered<\/span><\/td><td><a href="[^"]*#problem-framing">Problem framing<\/a>/);
    assert.match(r.stdout, /<h3>Case study to compare with<\/h3><p class="muted">None of the reference case studies fits/, 'a forecast has no close case study, and says so');
  });

  it('names the case study that fits, as `mlsd case-studies` lists it', async () => {
    const r = await mlsd(['report', `${TEAM}/fraud-alerts.md`, '--format', 'md']);
    assert.equal(r.code, 0, r.stderr);
    const [, title, id] = r.stdout.match(/\*\*Case study to compare with:\*\* (.+?) \(`mlsd case-studies ([\w-]+)`\)/) ?? [];
    const list = await mlsd(['case-studies']);
    assert.ok(list.stdout.split('\n').some((l) => l.startsWith(id) && l.includes(title)), `${id} / ${title}`);
    assert.match(id, /fraud/);
  });
});

describe('mlsd report --output and --format md', () => {
  it('--output writes the file (links relative to it) and prints nothing on stdout', async () => {
    const out = path.join(tmp, 'out/sub/report.html');
    const r = await mlsd(['report', TEAM, '--output', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /wrote .*report\.html \(2 design docs, 1 skipped\)/);
    const html = readFileSync(out, 'utf8');
    const href = html.match(/<a class="muted" href="([^"]+fraud-alerts\.md)"/)![1];
    assert.ok(existsSync(path.resolve(path.dirname(out), decodeURIComponent(href))), `${href} resolves from the report's folder`);
  });

  it('md: a GFM table of the matrix, collapsible details, questions, nothing that renders as HTML from docs', async () => {
    const r = await mlsd(['report', TEAM, '--format', 'md']);
    assert.equal(r.code, 0, r.stderr);
    const md = r.stdout;
    assert.ok(md.includes(`| Doc | ${framework.steps.map((s) => s.title).join(' | ')} | Findings |`), 'matrix header');
    assert.match(md, /^\| \[Pantry restock forecast\]\(test\/cli\/fixtures\/report\/team\/pantry-forecast\.md\) \|.*\| ✗ missing \| \d+ \|$/m);
    assert.match(md, /<details><summary>Card fraud alerts — \d\/7 steps covered, \d+ findings<\/summary>/);
    assert.match(md, /> Reviewer asks: Which model did you choose/);
    assert.ok(!md.includes('<script'), 'the heading\'s tag is escaped');
    assert.ok(md.includes('&lt;script&gt;'));
    assert.match(md, /## Skipped \(1, not scored\)\n\n- \[.*README\.md\]/);
  });

  it('md stays under a PR comment\'s 65,536 characters with a note on what was left out', async () => {
    const dir = path.join(tmp, 'many');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 120; i++) copyFileSync(path.join(REPO, TEAM, i % 2 ? 'fraud-alerts.md' : 'pantry-forecast.md'), path.join(dir, `doc-${String(i).padStart(3, '0')}.md`));
    const r = await mlsd(['report', dir, '--output', path.join(dir, 'report.md')]);
    assert.equal(r.code, 0, r.stderr);
    const md = readFileSync(path.join(dir, 'report.md'), 'utf8');
    assert.ok(md.length <= 65_536, `${md.length} characters`);
    assert.match(md, /\*\*Truncated:\*\* the details of \d+ docs were left out/);
    assert.ok(md.includes('60 of 120 docs have no Monitoring and maintenance'), 'totals count every doc even when details are cut');
  });

  it('md of a 1,000-doc folder: still ≤ 65,536 characters, the matrix cut with a count, the details with the note', { timeout: 180_000 }, async () => {
    const dir = path.join(tmp, 'thousand');
    const sources = ['fraud-alerts.md', 'pantry-forecast.md'].map((f) => readFileSync(path.join(REPO, TEAM, f), 'utf8'));
    for (let i = 0; i < 1000; i++) {
      const team = path.join(dir, `team-${i % 10}`);
      mkdirSync(team, { recursive: true });
      // Each doc its own title, so every matrix row is a different line.
      writeFileSync(path.join(team, `doc-${String(i).padStart(4, '0')}.md`), sources[i % 2].replace(/^# (.*)$/m, `# $1 ${i}`));
    }
    const r = await mlsd(['report', dir, '--format', 'md']);
    assert.equal(r.code, 0, r.stderr);
    const md = r.stdout;
    assert.ok(md.length <= 65_536, `${md.length} characters`);
    assert.ok(md.length > 60_000, `uses the room it has (${md.length} characters)`);
    assert.match(md, /^# Review of 1000 design docs$/m);
    assert.ok(md.includes('500 of 1000 docs have no Monitoring and maintenance'), 'totals count all 1,000 docs');
    const rows = md.split('\n').filter((l) => /^\| \[.+\]\(.*doc-\d{4}\.md\) \|/.test(l)).length;
    const [, notShown] = md.match(/_…and (\d+) more docs not shown in the table\._/) ?? [];
    assert.ok(rows > 0 && notShown, `the matrix shows what fits (${rows} rows) and counts the rest`);
    assert.equal(rows + Number(notShown), 1000, 'rows shown + rows counted = every doc');
    const [, left] = md.match(/\*\*Truncated:\*\* the details of (\d+) docs were left out to stay under 65,536 characters/) ?? [];
    const details = md.match(/<details>/g)?.length ?? 0;
    assert.equal(details + Number(left), 1000, `details shown (${details}) + left out (${left}) = every doc`);
    assert.ok(md.trimEnd().endsWith('for the full report.'), 'the note closes the comment');
  });
});

describe('mlsd report: bad input', () => {
  it('a path that does not exist: clear message, exit 2, no stack', async () => {
    const r = await mlsd(['report', path.join(tmp, 'nope.md')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no file matches '.*nope\.md'/);
    assert.match(r.stderr, /nothing to report/);
    assert.ok(!/at \w+ \(|unexpected error/.test(r.stderr), r.stderr);
    assert.equal(r.stdout, '');
  });

  it('an empty folder: clear message, exit 2', async () => {
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty, { recursive: true });
    const r = await mlsd(['report', empty]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no Markdown files in folder/);
    assert.ok(!/unexpected error/.test(r.stderr), r.stderr);
  });

  it('leaves out what .mlsd.json `ignores` in a searched folder, as lint does; a file named directly is still reported', async () => {
    const dir = path.join(tmp, 'ignores');
    mkdirSync(path.join(dir, 'drafts'), { recursive: true });
    writeFileSync(path.join(dir, '.mlsd.json'), JSON.stringify({ ignores: ['drafts'] }));
    copyFileSync(path.join(REPO, TEAM, 'pantry-forecast.md'), path.join(dir, 'pantry.md'));
    writeFileSync(path.join(dir, 'drafts', 'half.md'), readFileSync(path.join(REPO, TEAM, 'pantry-forecast.md'), 'utf8').replace('Pantry restock forecast', 'Half-written draft'));
    const folder = await mlsd(['report', '--format', 'md', dir]);
    assert.equal(folder.code, 0, folder.stderr);
    assert.match(folder.stdout, /Pantry restock forecast/);
    assert.doesNotMatch(folder.stdout, /Half-written draft/, 'the ignored draft is not in the report');
    const named = await mlsd(['report', '--format', 'md', path.join(dir, 'drafts', 'half.md')]);
    assert.equal(named.code, 0, named.stderr);
    assert.match(named.stdout, /Half-written draft/);
  });

  it('a binary file named .md: said on stderr, listed as skipped, the other docs still reported', async () => {
    const dir = path.join(tmp, 'binary');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]));
    copyFileSync(path.join(REPO, TEAM, 'pantry-forecast.md'), path.join(dir, 'pantry.md'));
    const r = await mlsd(['report', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /photo\.md is a binary file, not Markdown text/);
    assert.match(r.stdout, /photo\.md<\/a> — unreadable: a binary file, not Markdown text/);
    assert.match(r.stdout, /<h2>Pantry restock forecast<\/h2>/);
  });

  it('a wrong --format is a usage error', async () => {
    const r = await mlsd(['report', TEAM, '--format', 'pdf']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format must be html or md \(got 'pdf'\)/);
  });
});
