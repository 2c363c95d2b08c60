/**
 * Data-driven rule tests. Each directory under fixtures/rules is named after a rule id and holds
 *   fail-*.md  + fail-*.expected.json  — EVERY finding of that rule the file must produce
 *                                       ([{ ruleId, line, column?, severity?, messageIncludes? }], 1-based);
 *   pass-*.md                          — must produce no finding of that rule;
 *   <name>.options.json (optional)     — { config?, caseStudyIds? } to analyse the fixture with.
 * Findings of other rules are ignored here. fixtures/rules/known-issues.json lists fixtures that
 * state the right behaviour but fail today (reported core bugs); they run as `todo`.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ruleIds } from '../../server/src/core/rules';
import type { Finding } from '../../server/src/core/types';
import {
  analyzeFixture, describeFinding, knownIssues, listDirs, listFiles, readJson, ruleFixturesDir, sibling, type ExpectedFinding,
} from './support/fixtures';

const known = knownIssues(ruleFixturesDir);

function matches(f: Finding, e: ExpectedFinding): boolean {
  return f.range.start.line + 1 === e.line &&
    (e.column === undefined || f.range.start.character + 1 === e.column) &&
    (e.severity === undefined || f.severity === e.severity) &&
    (e.messageIncludes === undefined || f.message.includes(e.messageIncludes));
}

for (const ruleId of listDirs(ruleFixturesDir)) {
  describe(`rule ${ruleId}`, () => {
    const dir = join(ruleFixturesDir, ruleId);

    test('is a rule of the catalogue', () => {
      assert.ok(ruleIds.includes(ruleId), `fixtures/rules/${ruleId} does not name a rule in rules/index.ts`);
    });

    test('every sidecar file belongs to a fixture', () => {
      for (const f of listFiles(dir, /\.json$/)) {
        const md = f.replace(/\.(expected|options)\.json$/, '.md');
        assert.ok(md !== f && existsSync(join(dir, md)), `${ruleId}/${f} has no ${md} beside it`);
        if (f.endsWith('.expected.json')) assert.ok(f.startsWith('fail-'), `${ruleId}/${f}: only fail fixtures have expectations`);
      }
      for (const f of listFiles(dir, /\.md$/)) assert.match(f, /^(fail|pass)-[a-z0-9-]+\.md$/, `${ruleId}/${f} must be named fail-*.md or pass-*.md`);
    });

    for (const file of listFiles(dir, /^fail-.*\.md$/)) {
      const key = `${ruleId}/${file}`;
      test(`${file} reports exactly the expected findings`, known[key] ? { todo: known[key] } : {}, () => {
        const path = join(dir, file);
        const expectedPath = sibling(path, '.expected.json');
        assert.ok(existsSync(expectedPath), `${key} needs ${file.replace(/\.md$/, '.expected.json')}`);
        const expected = readJson<ExpectedFinding[]>(expectedPath);
        assert.ok(Array.isArray(expected) && expected.length > 0, `${key}: a fail fixture expects at least one finding`);
        for (const e of expected) assert.equal(e.ruleId, ruleId, `${key}: expectations list findings of ${ruleId} only`);

        const actual = analyzeFixture(path).findings.filter((f) => f.ruleId === ruleId);
        const report = `\nactual ${ruleId} findings:\n  ${actual.map(describeFinding).join('\n  ') || '(none)'}`;
        const unmatched = [...actual];
        for (const e of expected) {
          const i = unmatched.findIndex((f) => matches(f, e));
          assert.ok(i >= 0, `${key}: expected a finding at line ${e.line}${e.column ? `:${e.column}` : ''}${e.messageIncludes ? ` including "${e.messageIncludes}"` : ''}${report}`);
          unmatched.splice(i, 1);
        }
        assert.equal(unmatched.length, 0, `${key}: unexpected findings:\n  ${unmatched.map(describeFinding).join('\n  ')}`);
      });
    }

    for (const file of listFiles(dir, /^pass-.*\.md$/)) {
      const key = `${ruleId}/${file}`;
      test(`${file} reports no ${ruleId}`, known[key] ? { todo: known[key] } : {}, () => {
        const actual = analyzeFixture(join(dir, file)).findings.filter((f) => f.ruleId === ruleId);
        assert.deepEqual(actual.map(describeFinding), [], `${key} should pass`);
      });
    }
  });
}
