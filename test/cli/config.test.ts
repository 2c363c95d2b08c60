/** `.mlsd.json` as `mlsd lint` reads it: the "warn" alias and one clear message per misspelt rule key. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintJson, REPO } from '../support/cli';

const gapsText = readFileSync(path.join(REPO, 'test/cli/fixtures/gaps.md'), 'utf8');
let tmp: string;
before(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'mlsd-config-')); });
after(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

/** A project folder with this .mlsd.json and the gaps doc; returns the doc's path relative to tmp. */
function project(name: string, config: unknown): string {
  mkdirSync(path.join(tmp, name), { recursive: true });
  writeFileSync(path.join(tmp, name, '.mlsd.json'), JSON.stringify(config));
  writeFileSync(path.join(tmp, name, 'doc.md'), gapsText);
  return `${name}/doc.md`;
}

const severities = (findings: { ruleId: string; severity: string }[], rule: string) => [...new Set(findings.filter((f) => f.ruleId === rule).map((f) => f.severity))];

describe('.mlsd.json severities', () => {
  it('"warn" means "warning" for a rule, with no complaint', async () => {
    const plain = await lintJson([project('plain', {})], { cwd: tmp });
    assert.ok(severities(plain.reports[0].findings, 'missing-topic').includes('info'), 'some missing-topic findings are info by default');
    const { result, reports } = await lintJson([project('warn', { rules: { 'missing-topic': 'warn' } })], { cwd: tmp });
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    assert.deepEqual(severities(reports[0].findings, 'missing-topic'), ['warning']);
  });

  it('a misspelt rule key: exactly one message, with the rule it probably meant; the other keys still apply', async () => {
    const { result, reports } = await lintJson([project('typo', { rules: { 'missng-step': 'off', 'missing-topic': 'off' } })], { cwd: tmp });
    assert.equal(result.code, 2);
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0], /typo\/\.mlsd\.json: rules\.missng-step is not a rule — did you mean 'missing-step'\?/);
    const rules = reports[0].findings.map((f) => f.ruleId);
    assert.ok(rules.includes('missing-step'), 'the misspelt key switched nothing off');
    assert.ok(!rules.includes('missing-topic'), 'the correct key beside it still applies');
  });

  it('two misspelt keys: two messages; a key like no rule at all lists the rules instead', async () => {
    const { result } = await lintJson([project('typos', { rules: { 'missng-step': 'off', frobnicate: 'error' } })], { cwd: tmp });
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, result.stderr);
    assert.match(lines[0], /missng-step is not a rule — did you mean 'missing-step'\?/);
    assert.match(lines[1], /rules\.frobnicate is not a rule \(rules: .*missing-step.*\)/);
    assert.doesNotMatch(lines[1], /did you mean/);
  });
});
