/**
 * Files derived from the rule catalogue are up to date, and the shipped problem matcher reads the
 * CLI's compact format.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles } from '../../scripts/rule-meta';
import { rules } from '../../server/src/core/rules';
import { repoRoot } from './support/fixtures';

describe('generated from the rule files', () => {
  for (const f of generatedFiles) {
    test(`${f.path} is up to date`, () => {
      const current = readFileSync(join(repoRoot, f.path), 'utf8');
      assert.ok(f.render(current) === current, `${f.path} is stale: run \`npm run generate\` (rule metadata lives in server/src/core/rules/*.ts)`);
    });
  }

  test('every rule description reaches package.json (by its package.nls.json key) and both tables', () => {
    const pkg = readFileSync(join(repoRoot, 'package.json'), 'utf8');
    const nls = readFileSync(join(repoRoot, 'package.nls.json'), 'utf8');
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    for (const r of rules) {
      assert.ok(pkg.includes(`"%rules.${r.meta.id}.description%"`), `${r.meta.id} description key in package.json`);
      assert.ok(nls.includes(JSON.stringify(r.meta.description).slice(1, -1)), `${r.meta.id} description in package.nls.json`);
      assert.ok(readme.includes(`[${r.meta.id}](docs/rules/${r.meta.id}.md) | ${r.meta.defaultSeverity} |`), `${r.meta.id} row in README.md`);
    }
  });
});

describe('problem matcher', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    contributes: { problemMatchers: { name: string; pattern: Record<string, string | number> }[] };
  };
  const matcher = pkg.contributes.problemMatchers.find((m) => m.name === 'mlsd');

  test('is contributed as "mlsd"', () => assert.ok(matcher));

  test('captures file, line, column, severity, message and code of a compact line', () => {
    const p = matcher!.pattern;
    const m = new RegExp(p.regexp as string).exec('docs/design docs/feed.md:12:3: warning Model choice has no reason: add why. [unjustified-model-choice]');
    assert.ok(m, 'the regexp matches');
    assert.equal(m[p.file as number], 'docs/design docs/feed.md');
    assert.equal(m[p.line as number], '12');
    assert.equal(m[p.column as number], '3');
    assert.equal(m[p.severity as number], 'warning');
    assert.equal(m[p.message as number], 'Model choice has no reason: add why.');
    assert.equal(m[p.code as number], 'unjustified-model-choice');
  });

  test('reads every severity the compact format prints, and nothing else', () => {
    const re = new RegExp(matcher!.pattern.regexp as string);
    for (const sev of ['error', 'warning', 'info']) assert.ok(re.test(`a.md:1:1: ${sev} msg [missing-step]`), sev);
    assert.ok(!re.test('mlsd: no file matches x.md'));
  });
});
