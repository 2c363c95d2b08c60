/**
 * Meta-tests: every rule has a docs page, fixtures and a schema entry; docs pages are honest (their
 * examples fail and pass as they say) and print cleanly in a terminal; messages read as sentences;
 * and the core keeps its invariant of importing no editor, LSP or file-system module.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rules, ruleIds } from '../../server/src/core/rules';
import configSchema from '../../schemas/config.schema.json';
import { ruleExplanation } from '../../server/src/knowledge/service';
import { defaultFramework } from '../../server/src/knowledge/framework';
import {
  analyzeFixture, analyzeText, describeFinding, listFiles, repoRoot, ruleFixturesDir, stepFixturesDir,
} from './support/fixtures';

const docsDir = join(repoRoot, 'docs', 'rules');
const coreDir = join(repoRoot, 'server', 'src', 'core');

function walk(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, pattern));
    else if (pattern.test(name)) out.push(p);
  }
  return out.sort();
}

/** Text outside fenced code blocks, with inline code spans blanked. */
function proseOf(markdown: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (m) { fence = m[1]; continue; }
    out.push(line.replace(/`[^`]*`/g, (c) => ' '.repeat(c.length)));
  }
  return out;
}

/** The first fenced block under a `## <title>` heading of a docs page. */
function exampleUnder(page: string, title: RegExp): string | undefined {
  const lines = page.split('\n');
  const start = lines.findIndex((l) => /^##\s/.test(l) && title.test(l));
  if (start < 0) return undefined;
  let i = start + 1;
  while (i < lines.length && !/^##\s/.test(lines[i]) && !/^\s{0,3}(`{3,}|~{3,})/.test(lines[i])) i++;
  if (i >= lines.length || /^##\s/.test(lines[i])) return undefined;
  const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(lines[i])![1];
  const body: string[] = [];
  for (i++; i < lines.length; i++) {
    const m = /^\s{0,3}(`{3,}|~{3,})\s*$/.exec(lines[i]);
    if (m && m[1][0] === fence[0] && m[1].length >= fence.length) return body.join('\n') + '\n';
    body.push(lines[i]);
  }
  return undefined;
}

describe('every rule is complete', () => {
  test('rule ids are unique kebab-case', () => {
    assert.equal(new Set(ruleIds).size, ruleIds.length);
    for (const id of ruleIds) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });

  for (const rule of rules) {
    const id = rule.meta.id;
    describe(id, () => {
      test('has a docs page with the expected sections', () => {
        const path = join(docsDir, `${id}.md`);
        assert.ok(existsSync(path), `docs/rules/${id}.md is missing`);
        const page = readFileSync(path, 'utf8');
        assert.equal(page.split('\n')[0], `# ${id}`, 'the page starts with "# <rule-id>"');
        for (const section of ['Why it matters', 'What it checks', 'Fails', 'Passes', 'Quick fixes', 'Configure', 'Disable inline']) {
          assert.match(page, new RegExp(`^## ${section}`, 'm'), `docs/rules/${id}.md lacks "## ${section}"`);
        }
        assert.match(page, new RegExp(`Default severity: \\*\\*${rule.meta.defaultSeverity}\\*\\*`), 'states the default severity');
        assert.ok(page.includes(`"${id}": "off"`), 'shows how to switch it off in .mlsd.json');
        assert.ok(page.includes(`<!-- mlsd-disable-next-line ${id} -->`), 'shows the inline disable comment');
        assert.ok(page.includes('Disable ' + id + ' for this line') || page.includes('for this line'), 'mentions the disable-for-this-line fix');
      });

      test('docs page prints cleanly in a terminal (no HTML outside code)', () => {
        const page = readFileSync(join(docsDir, `${id}.md`), 'utf8');
        // Generated-table markers are the one exception: `mlsd explain` leaves them out.
        for (const line of proseOf(page).filter((l) => !/^<!-- \/?generated:/.test(l))) {
          assert.doesNotMatch(line, /<\/?[a-zA-Z!][^>]*>/, `HTML in docs/rules/${id}.md: ${line}`);
        }
        for (const line of page.split('\n')) assert.ok(line.length <= 120 || /^\|/.test(line), `long line in docs/rules/${id}.md: ${line.slice(0, 60)}…`);
      });

      test('the docs page examples fail and pass as they say', () => {
        const page = readFileSync(join(docsDir, `${id}.md`), 'utf8');
        const fails = exampleUnder(page, /^## Fails/);
        const passes = exampleUnder(page, /^## Passes/);
        assert.ok(fails, 'a fenced example under "## Fails"');
        assert.ok(passes, 'a fenced example under "## Passes"');
        // A rule that is off by default is switched on to show its example.
        const on = rule.meta.defaultSeverity === 'off' ? { config: { rules: { [id]: 'warning' as const } } } : {};
        const failing = analyzeText(fails, on).findings.filter((f) => f.ruleId === id);
        assert.ok(failing.length > 0, `the "Fails" example of ${id} reports nothing`);
        const passing = analyzeText(passes, on).findings.filter((f) => f.ruleId === id);
        assert.deepEqual(passing.map(describeFinding), [], `the "Passes" example of ${id} reports findings`);
      });

      test('hover can explain it: one line, why it matters, and the example that fires', () => {
        const e = ruleExplanation(id);
        assert.ok(e, `no explanation for ${id}: run \`npm run generate\``);
        assert.equal(e.description, rule.meta.description);
        assert.ok(e.why.length > 40, 'the first paragraph of "Why it matters"');
        const fails = analyzeText(e.example, rule.meta.defaultSeverity === 'off' ? { config: { rules: { [id]: 'warning' as const } } } : {}).findings;
        assert.ok(fails.some((f) => f.ruleId === id), `the hover example of ${id} fires`);
      });

      test('has a fail and a pass fixture', () => {
        const dir = join(ruleFixturesDir, id);
        assert.ok(existsSync(dir), `test/unit/fixtures/rules/${id}/ is missing`);
        assert.ok(listFiles(dir, /^fail-.*\.md$/).length >= 1, `no fail-*.md for ${id}`);
        assert.ok(listFiles(dir, /^pass-.*\.md$/).length >= 1, `no pass-*.md for ${id}`);
      });

      test('is listed in schemas/config.schema.json', () => {
        const names = (configSchema.properties.rules.propertyNames).enum;
        assert.ok(names.includes(id), `config schema "rules" does not accept ${id}`);
      });

      test('metadata is filled in', () => {
        assert.ok(rule.meta.description.trim().endsWith('.'), 'description is a sentence');
        assert.ok(['error', 'warning', 'info', 'hint', 'off'].includes(rule.meta.defaultSeverity));
        assert.ok(rule.meta.tags.length > 0);
      });
    });
  }

  test('the missing-topic page lists every topic of the framework with its severity', () => {
    const page = readFileSync(join(docsDir, 'missing-topic.md'), 'utf8');
    for (const step of defaultFramework.steps) {
      for (const topic of step.topics) {
        const row = page.split('\n').find((l) => l.startsWith(`| \`${step.id}.${topic.id}\` |`));
        assert.ok(row, `docs/rules/missing-topic.md has no row for ${step.id}.${topic.id}`);
        assert.equal(row.split('|')[3].trim(), topic.severity, `severity of ${step.id}.${topic.id} in docs/rules/missing-topic.md`);
      }
    }
  });

  test('the config schema lists no rule that does not exist', () => {
    const names = (configSchema.properties.rules.propertyNames).enum;
    assert.deepEqual([...names].sort(), [...ruleIds].sort());
  });

  test('docs/rules has no page for a rule that does not exist, and the index lists every rule', () => {
    const pages = readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
    assert.deepEqual(pages.sort(), [...ruleIds].sort());
    const index = readFileSync(join(docsDir, 'README.md'), 'utf8');
    for (const rule of rules) {
      const row = index.split('\n').find((l) => l.includes(`](${rule.meta.id}.md)`));
      assert.ok(row, `docs/rules/README.md does not link ${rule.meta.id}.md`);
      assert.ok(row.includes(rule.meta.defaultSeverity), `README row for ${rule.meta.id} shows another severity`);
    }
    // The generated-table markers (scripts/rule-meta.ts) are the one comment allowed; `mlsd explain` never prints the index.
    const prose = proseOf(index).filter((l) => !/^<!-- \/?generated:rules[ (].*-->$/.test(l));
    for (const line of prose) assert.doesNotMatch(line, /<\/?[a-zA-Z!][^>]*>/, `HTML in docs/rules/README.md: ${line}`);
  });
});

describe('finding messages', () => {
  const files = [
    ...readdirSync(ruleFixturesDir).flatMap((d) => (statSync(join(ruleFixturesDir, d)).isDirectory() ? listFiles(join(ruleFixturesDir, d), /\.md$/).map((f) => join(ruleFixturesDir, d, f)) : [])),
    ...listFiles(stepFixturesDir, /\.md$/).map((f) => join(stepFixturesDir, f)),
    ...listFiles(join(repoRoot, 'examples'), /\.md$/).map((f) => join(repoRoot, 'examples', f)),
  ];
  test('every message is a non-empty sentence ending in "." or "?"', () => {
    let count = 0;
    for (const file of files) {
      for (const f of analyzeFixture(file).findings) {
        count++;
        const where = `${relative(repoRoot, file)} ${describeFinding(f)}`;
        assert.ok(f.message.trim().length > 0, `empty message: ${where}`);
        assert.equal(f.message, f.message.trim(), `message has outer whitespace: ${where}`);
        assert.match(f.message, /[.?]$/, `message does not end in "." or "?": ${where}`);
        assert.match(f.message, /^[\p{Lu}'"(]/u, `message does not start like a sentence: ${where}`);
        assert.ok(ruleIds.includes(f.ruleId), `unknown rule id ${f.ruleId}`);
      }
    }
    assert.ok(count > 100, `only ${count} findings checked`);
  });

  test('every finding outside front matter offers "disable for this line"', () => {
    for (const file of files.filter((f) => /[\\/]fail-/.test(f))) {
      const { findings, doc } = analyzeFixture(file);
      for (const f of findings) {
        // A comment inside YAML would break it, so findings there have no disable fix.
        if (doc.frontMatter && f.range.start.line <= doc.frontMatter.range.end.line) {
          assert.ok(!f.fixes?.some((x) => x.title.startsWith('Disable ')), `${relative(repoRoot, file)} ${describeFinding(f)}`);
          continue;
        }
        assert.ok(f.fixes?.some((x) => x.title === `Disable ${f.ruleId} for this line` && x.edits.length > 0), `${relative(repoRoot, file)} ${describeFinding(f)}`);
      }
    }
  });
});

describe('examples/', () => {
  test('the complete example lints clean', () => {
    const { findings, doc } = analyzeFixture(join(repoRoot, 'examples', 'complete-design-doc.md'));
    assert.deepEqual(findings.map(describeFinding), []);
    assert.ok(doc.steps.every((s) => s.status === 'covered'));
  });

  test('the gap examples show the gaps they are written to show', () => {
    const ids = (file: string) => new Set(analyzeFixture(join(repoRoot, 'examples', file)).findings.map((f) => `${f.ruleId}${f.data?.topic ? `:${f.data.step}.${f.data.topic}` : ''}${f.ruleId === 'missing-step' || f.ruleId === 'empty-step' ? `:${f.data?.step}` : ''}`));
    const fraud = ids('gaps-fraud-detection.md');
    // Monitoring has no section; a weekly refresh under Model is its only, passing, mention (one
    // missing-topic finding says so and names drift, which the doc never mentions).
    for (const want of ['missing-topic:monitoring.drift', 'missing-topic:data.sampling', 'imbalance-without-strategy', 'metric-task-mismatch', 'unjustified-model-choice']) {
      assert.ok(fraud.has(want), `gaps-fraud-detection.md should show ${want}; has ${[...fraud].join(', ')}`);
    }
    const feed = ids('gaps-feed-ranking.md');
    for (const want of ['unfilled-placeholder', 'empty-step:serving', 'unquantified-requirements', 'missing-baseline']) {
      assert.ok(feed.has(want), `gaps-feed-ranking.md should show ${want}; has ${[...feed].join(', ')}`);
    }
  });

  test('every example is a design doc by its front matter', () => {
    for (const file of listFiles(join(repoRoot, 'examples'), /\.md$/)) {
      const { doc } = analyzeFixture(join(repoRoot, 'examples', file));
      assert.ok(doc.isDesignDoc, file);
      assert.ok(doc.problemType, `${file} names its problem type`);
    }
  });
});

describe('invariant: the core imports no editor, LSP or file-system module', () => {
  const forbidden = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|fs|node:fs|fs\/promises|node:fs\/promises|child_process|node:child_process)$/;
  const sources = walk(coreDir, /\.ts$/);

  test('core sources exist', () => assert.ok(sources.length > 10));

  for (const file of sources) {
    test(relative(repoRoot, file), () => {
      const text = readFileSync(file, 'utf8');
      const specifiers = [
        ...text.matchAll(/\bimport\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g),
        ...text.matchAll(/\bexport\s+(?:type\s+)?[^'"]*?\s+from\s+['"]([^'"]+)['"]/g),
        ...text.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
        ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
      ].map((m) => m[1]);
      for (const s of specifiers) assert.doesNotMatch(s, forbidden, `${relative(repoRoot, file)} imports ${s}`);
      for (const s of specifiers.filter((x) => x.startsWith('.'))) {
        const target = join(file, '..', s);
        assert.ok(!relative(coreDir, target).startsWith('..') || /knowledge|schemas/.test(target), `${relative(repoRoot, file)} reaches outside the core: ${s}`);
      }
    });
  }
});

/** Import specifiers of a TypeScript source, resolved to repository paths when relative. */
function importsOf(file: string): { specifier: string; target?: string }[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/\bimport\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bexport\s+(?:type\s+)?[^'"]*?\s+from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => ({ specifier: m[1], target: m[1].startsWith('.') ? relative(repoRoot, join(file, '..', m[1])) : undefined }));
}

describe('invariant: the wire protocol stands alone', () => {
  const protocol = join(repoRoot, 'server', 'src', 'protocol.ts');

  test('protocol.ts imports nothing (its types are its own)', () => {
    assert.deepEqual(importsOf(protocol).map((i) => i.specifier), []);
  });

  test('the client reaches into server/src only for protocol.ts', () => {
    const files = walk(join(repoRoot, 'client', 'src'), /\.ts$/);
    assert.ok(files.length > 5);
    for (const file of files) {
      for (const i of importsOf(file)) {
        if (!i.target?.startsWith('server')) continue;
        assert.equal(i.target.replace(/\.ts$/, ''), 'server/src/protocol', `${relative(repoRoot, file)} imports ${i.specifier}`);
      }
    }
  });

  test('knowledge/ does not import the wire types', () => {
    for (const file of walk(join(repoRoot, 'server', 'src', 'knowledge'), /\.ts$/)) {
      for (const i of importsOf(file)) assert.notEqual(i.target?.replace(/\.ts$/, ''), 'server/src/protocol', `${relative(repoRoot, file)} imports ${i.specifier}`);
    }
  });
});

test("the editor's default designDocGlobs (package.json) are the ones the CLI and the server use", async () => {
  const { DEFAULT_DESIGN_DOC_GLOBS, isDeclaredDesignDoc } = await import('../../server/src/host/design-doc-globs');
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.configuration.properties['mlsd.designDocGlobs'].default, [...DEFAULT_DESIGN_DOC_GLOBS]);
  assert.ok(isDeclaredDesignDoc('/w/docs/design-docs/a/search.md', '/w'));
  assert.ok(isDeclaredDesignDoc('/w/search.mlsd.md', '/w'));
  assert.ok(!isDeclaredDesignDoc('/w/README.md', '/w'));
  assert.ok(!isDeclaredDesignDoc('/w/specs/a.md', '/w', []), 'an empty list declares nothing');
  // The language server (both hosts) matches through the same module, not a glob list of its own.
  const core = readFileSync(join(repoRoot, 'server', 'src', 'lsp', 'server-core.ts'), 'utf8');
  assert.ok(importsOf(join(repoRoot, 'server', 'src', 'lsp', 'server-core.ts')).some((i) => i.target?.replace(/\.ts$/, '') === 'server/src/host/design-doc-glob-match'));
  assert.doesNotMatch(core, /picomatch|\*\*\/design-docs/);
});
