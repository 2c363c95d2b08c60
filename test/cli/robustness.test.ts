/**
 * Pathological files through `mlsd lint`: each gets a report (too-complex / invalid-front-matter
 * where it applies), the run moves on to the next file, and the process ends normally.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintJson, mlsd, REPO } from '../support/cli';
import { pathologicalInputs } from '../support/pathological';

const inputs = pathologicalInputs();
let tmp: string;
let files: string[];

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'mlsd-cli-robust-'));
  files = inputs.map((p, i) => {
    const rel = `${String(i).padStart(2, '0')}-${p.name}.md`;
    writeFileSync(path.join(tmp, rel), p.text);
    return rel;
  });
  copyFileSync(path.join(REPO, 'examples/complete-design-doc.md'), path.join(tmp, 'zz-normal.md'));
  copyFileSync(path.join(REPO, 'test/cli/fixtures/gaps.md'), path.join(tmp, 'zz-gaps.md'));
});
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

describe('mlsd lint on pathological files', () => {
  it('reports every file, in order, and moves on after each (JSON)', async () => {
    // A normal doc first and last: it must be analysed fully on both sides of the bad ones.
    const args = ['zz-normal.md', ...files, 'zz-normal.md'];
    const { result, reports } = await lintJson(args, { cwd: tmp });
    assert.equal(result.signal, null, 'not killed');
    assert.equal(result.code, 1, `exit 1 (the broken front matter is an error)\n${result.stderr}`);
    assert.doesNotMatch(result.stderr, /unexpected error|RangeError|Maximum call stack/);
    // zz-normal.md named twice is linted once.
    assert.deepEqual(reports.map((r) => r.file), ['zz-normal.md', ...files]);
    assert.deepEqual(reports[0].findings, [], 'the normal doc is clean');
    assert.ok(reports[0].steps.every((s) => s.status === 'covered'));
    inputs.forEach((input, i) => {
      const rep = reports[i + 1];
      const rules = rep.findings.map((f) => f.ruleId);
      assert.equal(rep.error, undefined, `${input.name}: ${rep.error}`);
      assert.ok(Array.isArray(rep.findings), input.name);
      for (const f of rep.findings) assert.ok(f.line >= 1 && f.column >= 1, `${input.name}: ${f.ruleId} at ${f.line}:${f.column}`);
      if (input.expect === 'too-complex') {
        const tc = rep.findings.filter((f) => f.ruleId === 'too-complex');
        assert.ok(tc.length >= 1, `${input.name}: too-complex among ${rules.join(', ')}`);
        assert.match(tc[0].message, /too complex/i);
      }
      if (input.expect === 'front-matter') {
        assert.ok(rules.includes('invalid-front-matter'), `${input.name}: ${rules.join(', ')}`);
        assert.equal(rep.findings.find((f) => f.ruleId === 'invalid-front-matter')!.severity, 'error');
      }
    });
  });

  it('the unclosed front matter fence is an invalid-front-matter error', async () => {
    const i = inputs.findIndex((p) => p.name === 'unclosed-front-matter');
    const { result, reports } = await lintJson([files[i]], { cwd: tmp });
    assert.equal(result.code, 1);
    const fm = reports[0].findings.filter((f) => f.ruleId === 'invalid-front-matter');
    assert.equal(fm.length, 1);
    assert.match(fm[0].message, /never closed/);
    assert.equal(fm[0].line, 1);
  });

  it('the text format survives the same files (binary junk included)', async () => {
    const small = files.filter((f) => !/5mb/.test(f));
    const r = await mlsd(['lint', ...small], { cwd: tmp });
    assert.equal(r.signal, null);
    assert.equal(r.code, 1);
    // Every file with findings or a read error gets its header; clean and skipped files are only counted.
    const { reports } = await lintJson(small, { cwd: tmp });
    const shown = reports.filter((rep) => rep.findings.length || rep.error).map((rep) => rep.file);
    assert.ok(shown.length >= small.length / 2, 'most pathological files get a finding');
    assert.deepEqual(r.stdout.split('\n').filter((l) => small.includes(l)), shown);
    const skipped = reports.filter((rep) => (rep as { skipped?: boolean }).skipped).length;
    const note = skipped ? ` · ${skipped} skipped \\(not design docs; --verbose lists them\\)` : '';
    assert.match(r.stdout, new RegExp(`^✖ \\d+ problems .* in ${reports.length - skipped} files${note}$`, 'm'));
  });

  it('with a tiny time limit, each file is reported as too complex and the run still finishes', async () => {
    const { result, reports } = await lintJson(['zz-normal.md', 'zz-gaps.md'], {
      cwd: tmp,
      env: { MLSD_ANALYSIS_TIMEOUT_MS: '1' },
    });
    assert.equal(result.code, 0, `warnings only\n${result.stderr}`);
    assert.equal(reports.length, 2);
    for (const rep of reports) {
      const tc = rep.findings.filter((f) => f.ruleId === 'too-complex');
      assert.equal(tc.length, 1, rep.file);
      assert.match(tc[0].message, /longer than/);
    }
  });
});
