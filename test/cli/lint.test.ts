/**
 * `mlsd lint` as a process: the three output formats, exit codes, globs and folders, `.mlsd.json`
 * discovery, `--config`, and broken configuration.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lineCol, lintJson, mlsd, REPO, type JsonFinding, type JsonReport } from '../support/cli';

const GAPS = 'test/cli/fixtures/gaps.md';
const BROKEN_FM = 'test/cli/fixtures/broken-front-matter.md';
const COMPLETE = 'examples/complete-design-doc.md';
const gapsText = readFileSync(path.join(REPO, GAPS), 'utf8');
const STEP_IDS = ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'];
const SEVERITIES = ['error', 'warning', 'info', 'hint'];

const count = (r: JsonReport, sev: string) => r.findings.filter((f) => f.severity === sev).length;
const rulesOf = (r: JsonReport) => r.findings.map((f) => f.ruleId);

let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'mlsd-cli-')); });
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

function write(rel: string, text: string): string {
  const file = path.join(tmp, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('mlsd lint: text format', () => {
  it('has a file header, line:col, severity, message, rule id and a summary line', async () => {
    const r = await mlsd(['lint', GAPS]);
    assert.equal(r.code, 0, `warnings only → exit 0\n${r.stderr}`);
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour codes when stdout is not a terminal');
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], GAPS, 'the first line is the file');
    assert.match(lines[1], /^  design doc · \d\/7 steps covered · .*✗serving ✗monitoring$/);
    const bert = lineCol(gapsText, 'BERT');
    const row = lines.find((l) => l.trimEnd().endsWith('unjustified-model-choice'));
    assert.ok(row, r.stdout);
    assert.match(row, new RegExp(`^\\s+${bert.line}:${bert.column}\\s+warning\\s+\\S.*\\s{2}unjustified-model-choice$`));
    for (const l of lines.slice(2).filter((x) => /^\s+\d+:\d+/.test(x))) {
      assert.match(l, /^\s+\d+:\d+\s+(error|warning|info|hint)\s+.+\s{2}[a-z]+(-[a-z]+)*$/, l);
    }
    const { reports } = await lintJson([GAPS]);
    const [rep] = reports;
    const total = rep.findings.length;
    const info = count(rep, 'info') + count(rep, 'hint');
    assert.equal(lines.filter((l) => /^\s+\d+:\d+\s/.test(l)).length, total, 'one row per finding');
    assert.equal(
      lines.at(-2) || lines.at(-1),
      `✖ ${total} problems (${count(rep, 'error')} errors, ${count(rep, 'warning')} warnings, ${info} info) in 1 file`,
    );
  });

  it('a clean doc ends with a ✔ summary', async () => {
    const r = await mlsd(['lint', COMPLETE]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^✔ 0 problems \(0 errors, 0 warnings, 0 info\) in 1 file$/m);
  });
});

describe('mlsd lint: JSON format', () => {
  it('is an array of {file, steps, findings} with 1-based positions, in argument order', async () => {
    const { result, reports } = await lintJson([GAPS, COMPLETE, BROKEN_FM]);
    assert.equal(result.code, 1, 'the broken front matter is an error');
    assert.ok(Array.isArray(reports));
    assert.deepEqual(reports.map((r) => r.file), [GAPS, COMPLETE, BROKEN_FM]);
    for (const rep of reports) {
      assert.equal(typeof rep.file, 'string');
      assert.deepEqual(rep.steps.map((s) => s.id), STEP_IDS);
      for (const s of rep.steps) {
        assert.deepEqual(Object.keys(s).sort(), ['id', 'line', 'status', 'title']);
        assert.ok(['covered', 'thin', 'missing'].includes(s.status));
        assert.equal(typeof s.title, 'string');
        if (s.status === 'missing') assert.equal(s.line, null);
        // A thin step may have no section of its own (covered in passing elsewhere): no line then.
        else if (s.line !== null || s.status !== 'thin') assert.ok(Number.isInteger(s.line) && s.line! >= 1, `${rep.file} ${s.id} line ${s.line}`);
      }
      assert.ok(Array.isArray(rep.findings));
      for (const f of rep.findings) {
        for (const k of ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'data']) assert.ok(k in f, `${k} in finding`);
        assert.ok(SEVERITIES.includes(f.severity));
        for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) assert.ok(Number.isInteger(f[k]) && f[k] >= 1, `${k} = ${f[k]}`);
        assert.ok(f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column));
        assert.equal(typeof f.data, 'object');
        assert.ok(f.message.length > 0);
      }
    }
    const [gaps, complete] = reports;
    assert.deepEqual(complete.findings, []);
    assert.ok(complete.steps.every((s) => s.status === 'covered'));
    // Positions are 1-based: the unjustified BERT is exactly where the fixture has it.
    const bert = lineCol(gapsText, 'BERT');
    const u = gaps.findings.find((f) => f.ruleId === 'unjustified-model-choice') as JsonFinding;
    assert.deepEqual([u.line, u.column, u.endLine, u.endColumn], [bert.line, bert.column, bert.line, bert.column + 'BERT'.length]);
    assert.equal(u.data.step, 'model');
    assert.equal(gaps.steps.find((s) => s.id === 'model')!.line, lineCol(gapsText, '## Model').line);
    assert.equal(gaps.steps.find((s) => s.id === 'requirements')!.line, lineCol(gapsText, '## Problem statement').line);
    const missing = gaps.findings.filter((f) => f.ruleId === 'missing-step').map((f) => f.data.step).sort();
    assert.deepEqual(missing, ['monitoring', 'serving']);
  });
});

describe('mlsd lint: SARIF format', () => {
  it('has the SARIF 2.1.0 shape GitHub code scanning reads', async () => {
    const r = await mlsd(['lint', '--format', 'sarif', GAPS, BROKEN_FM, COMPLETE]);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    // The package has no public page (it is not on npm): no link that leads nowhere.
    assert.equal(sarif.runs[0].tool.driver.informationUri, undefined);
    const run = sarif.runs[0];
    const driver = run.tool.driver;
    assert.equal(driver.name, 'mlsd');
    assert.equal(typeof driver.version, 'string');
    assert.ok(Array.isArray(driver.rules) && driver.rules.length >= 11);
    const ids = driver.rules.map((x: { id: string }) => x.id);
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
    for (const rule of driver.rules) {
      assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(rule.shortDescription?.text, rule.id);
      // The rule page travels inside the SARIF (a file:// link would point at the CI machine).
      assert.equal(rule.helpUri, undefined);
      assert.match(rule.help?.markdown ?? '', new RegExp(`^# ${rule.id}\\b`), rule.id);
      assert.ok(['none', 'note', 'warning', 'error'].includes(rule.defaultConfiguration.level));
    }
    const { reports } = await lintJson([GAPS, BROKEN_FM, COMPLETE]);
    assert.equal(run.results.length, reports.reduce((n, rep) => n + rep.findings.length, 0), 'one result per finding');
    for (const res of run.results) {
      assert.ok(ids.includes(res.ruleId), res.ruleId);
      assert.equal(driver.rules[res.ruleIndex].id, res.ruleId, 'ruleIndex points at the rule');
      assert.ok(['none', 'note', 'warning', 'error'].includes(res.level));
      assert.ok(res.message.text.length > 0);
      const loc = res.locations[0].physicalLocation;
      assert.ok([GAPS, BROKEN_FM].includes(loc.artifactLocation.uri), loc.artifactLocation.uri);
      const region = loc.region;
      assert.ok(Number.isInteger(region.startLine) && region.startLine >= 1);
      assert.ok(region.startColumn >= 1);
      assert.ok(region.endLine >= region.startLine);
      if (region.endLine === region.startLine) assert.ok(region.endColumn > region.startColumn, 'a non-empty region');
    }
    const fm = run.results.find((x: { ruleId: string }) => x.ruleId === 'invalid-front-matter');
    assert.equal(fm.level, 'error');
    assert.ok(count(reports[0], 'info') > 0);
    const notes = run.results.filter((x: { level: string }) => x.level === 'note').length;
    assert.equal(notes, reports.reduce((n, rep) => n + count(rep, 'info') + count(rep, 'hint'), 0), 'info findings are SARIF notes');
  });

  it('a finding about two places carries the second one: JSON "related", SARIF relatedLocations', async () => {
    const file = path.join(tmp, 'two-bounds.md');
    writeFileSync(file, ['---', 'mlsd: true', '---', '# Ticket routing', '', '## Requirements', '', 'The response time should be no more than 60 seconds.', '',
      '## Serving', '', 'P95 latency < 20 s on two nodes.', ''].join('\n'));
    const { reports } = await lintJson([file]);
    const f = reports[0].findings.find((x) => x.ruleId === 'inconsistent-numbers') as JsonFinding & { related?: { line: number; column: number; message: string }[] };
    assert.ok(f, 'inconsistent-numbers fires');
    assert.equal(f.line, 12);
    assert.deepEqual(f.related?.map((x) => x.line), [8]);
    const sarif = JSON.parse((await mlsd(['lint', '--format', 'sarif', file])).stdout);
    const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'inconsistent-numbers');
    assert.equal(res.relatedLocations?.[0]?.physicalLocation.region.startLine, 8);
    assert.match(res.relatedLocations[0].message.text, /60 seconds/);
  });
});

describe('mlsd lint: exit codes', () => {
  it('0 for a clean doc', async () => {
    assert.equal((await mlsd(['lint', COMPLETE])).code, 0);
  });

  it('1 when an error finding exists (broken front matter)', async () => {
    const r = await mlsd(['lint', BROKEN_FM]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /error\s+Front matter is not valid YAML.*invalid-front-matter/);
  });

  it('1 when warnings exceed --max-warnings; 0 within it', async () => {
    const over = await mlsd(['lint', '--max-warnings', '0', GAPS]);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /max-warnings/);
    const { reports } = await lintJson([GAPS]);
    const warnings = count(reports[0], 'warning');
    assert.ok(warnings > 1);
    assert.equal((await mlsd(['lint', '--max-warnings', String(warnings), GAPS])).code, 0, 'exactly at the limit');
    assert.equal((await mlsd(['lint', '--max-warnings', String(warnings - 1), GAPS])).code, 1, 'one over the limit');
    assert.equal((await mlsd(['lint', '--max-warnings', '0', '--format', 'json', GAPS])).code, 1, 'also with --format json');
  });

  it('2 for an unknown command', async () => {
    const r = await mlsd(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command 'frobnicate'/);
    assert.equal(r.stdout, '');
  });

  it('2 for a bad --format, a bad --max-warnings, an unknown option, no files', async () => {
    const fmt = await mlsd(['lint', '--format', 'xml', GAPS]);
    assert.equal(fmt.code, 2);
    assert.match(fmt.stderr, /--format/);
    assert.equal(fmt.stdout, '');
    const mw = await mlsd(['lint', '--max-warnings', 'lots', GAPS]);
    assert.equal(mw.code, 2);
    assert.match(mw.stderr, /max-warnings/);
    const opt = await mlsd(['lint', '--frobnicate', GAPS]);
    assert.equal(opt.code, 2);
    assert.match(opt.stderr, /frobnicate/);
    const none = await mlsd(['lint']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /file/);
  });

  it('2 for a missing file, with the other files still linted', async () => {
    const r = await mlsd(['lint', 'test/cli/fixtures/no-such-file.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no-such-file\.md/);
    const both = await lintJson(['test/cli/fixtures/no-such-file.md', GAPS]);
    assert.equal(both.result.code, 2);
    assert.match(both.result.stderr, /no-such-file\.md/);
    assert.deepEqual(both.reports.map((x) => x.file), [GAPS]);
    assert.ok(both.reports[0].findings.length > 0);
  });

  it('2 for a glob that matches nothing', async () => {
    const r = await mlsd(['lint', 'nowhere/**/*.md'], { cwd: tmp });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no file matches 'nowhere\/\*\*\/\*\.md'/);
  });
});

describe('mlsd lint: globs and folders', () => {
  before(() => {
    write('site/docs/a.md', gapsText);
    write('site/docs/sub/b.md', gapsText);
    write('site/docs/sub/deeper/c.markdown', gapsText);
    write('site/docs/notes.txt', 'not markdown');
    write('site/docs/node_modules/dep/readme.md', '# a dependency\n');
    write('site/other.md', gapsText);
  });

  it("a quoted glob ('docs/**/*.md') is expanded by mlsd itself", async () => {
    const { result, reports } = await lintJson(['docs/**/*.md'], { cwd: path.join(tmp, 'site') });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(reports.map((r) => r.file).sort(), ['docs/a.md', 'docs/sub/b.md']);
  });

  it('a folder is searched for Markdown files (not node_modules)', async () => {
    const { result, reports } = await lintJson(['docs'], { cwd: path.join(tmp, 'site') });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(reports.map((r) => r.file).sort(), ['docs/a.md', 'docs/sub/b.md', 'docs/sub/deeper/c.markdown']);
  });

  it('files named twice (by a glob and directly) are linted once', async () => {
    const { reports } = await lintJson(['docs/a.md', 'docs/*.md', 'other.md'], { cwd: path.join(tmp, 'site') });
    assert.deepEqual(reports.map((r) => r.file), ['docs/a.md', 'other.md']);
  });
});

describe('mlsd lint: configuration', () => {
  before(() => {
    write('proj/.mlsd.json', JSON.stringify({ rules: { 'missing-step': 'off' } }));
    write('proj/doc.md', gapsText);
    write('proj/sub/doc.md', gapsText);
    write('control/doc.md', gapsText);
    write('cfg/error.json', JSON.stringify({ rules: { 'missing-step': 'error' } }));
    write('cfg/broken.json', '{ "rules": { "missing-step": "off" ');
    write('brokenproj/.mlsd.json', '{ "rules": [ }');
    write('brokenproj/doc.md', gapsText);
    write('badtype/.mlsd.json', JSON.stringify({ rules: { 'missing-step': 7 } }));
    write('badtype/doc.md', gapsText);
  });

  it('.mlsd.json is discovered from the file\'s folder (and above) and turns a rule off', async () => {
    const { result, reports } = await lintJson(['proj/doc.md', 'proj/sub/doc.md', 'control/doc.md'], { cwd: tmp });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(!rulesOf(reports[0]).includes('missing-step'));
    assert.ok(!rulesOf(reports[1]).includes('missing-step'));
    assert.ok(rulesOf(reports[2]).includes('missing-step'), 'the control doc has no config');
    assert.ok(rulesOf(reports[0]).includes('unjustified-model-choice'), 'other rules still run');
  });

  it('--config FILE applies that config (and wins over a discovered .mlsd.json)', async () => {
    const { result, reports } = await lintJson(['--config', 'cfg/error.json', 'control/doc.md', 'proj/doc.md'], { cwd: tmp });
    assert.equal(result.code, 1, 'missing-step is now an error');
    for (const rep of reports) {
      const ms = rep.findings.filter((f) => f.ruleId === 'missing-step');
      assert.equal(ms.length, 2, rep.file);
      assert.ok(ms.every((f) => f.severity === 'error'));
    }
  });

  it('a broken --config file: exit 2, message on stderr, docs linted with defaults', async () => {
    const { result, reports } = await lintJson(['--config', 'cfg/broken.json', 'control/doc.md'], { cwd: tmp });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /cfg\/broken\.json/);
    assert.match(result.stderr, /JSON/);
    const ms = reports[0].findings.filter((f) => f.ruleId === 'missing-step');
    assert.equal(ms.length, 2, 'defaults: missing-step is on');
    assert.ok(ms.every((f) => f.severity === 'warning'));
  });

  it('a --config file that does not exist: exit 2', async () => {
    const r = await mlsd(['lint', '--config', 'cfg/nope.json', 'control/doc.md'], { cwd: tmp });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope\.json/);
  });

  it('a broken discovered .mlsd.json (invalid JSON): exit 2, message on stderr, doc linted with defaults', async () => {
    const { result, reports } = await lintJson(['brokenproj/doc.md'], { cwd: tmp });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /brokenproj\/\.mlsd\.json/);
    assert.equal(reports.length, 1);
    assert.equal(reports[0].findings.filter((f) => f.ruleId === 'missing-step').length, 2);
  });

  it('a wrong type in a discovered .mlsd.json: exit 2, the problem named, defaults used', async () => {
    const { result, reports } = await lintJson(['badtype/doc.md'], { cwd: tmp });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /badtype\/\.mlsd\.json/);
    assert.match(result.stderr, /missing-step/);
    const ms = reports[0].findings.filter((f) => f.ruleId === 'missing-step');
    assert.equal(ms.length, 2);
    assert.ok(ms.every((f) => f.severity === 'warning'));
  });
});
