/**
 * The knowledge mlsd ships: every file valid against its schema, every case study and filled-in
 * template linting clean with the real rules, every template producing a doc whose steps are all
 * detected, and glossary terms found in text whatever their case or number.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { analyze } from '../../server/src/core/analyze';
import { defaultFramework } from '../../server/src/knowledge/framework';
import { caseStudies, caseStudyIds, caseStudySources } from '../../server/src/knowledge/case-studies';
import { templates, renderTemplate } from '../../server/src/knowledge/templates';
import { glossary, lookupTerm, termAt } from '../../server/src/knowledge/glossary';
import { practice } from '../../server/src/knowledge/practice';
import { splitFrontMatter } from '../../server/src/knowledge/front-matter-split';
import { repoRoot } from './support/fixtures';
import { validateFramework } from '../../server/src/core/framework';
import type { Framework } from '../../server/src/core/types';
import { lexicon as builtInLexicon } from '../../server/src/core/lexicon';
import { MAYBE_PLACEHOLDER } from '../../server/src/core/rules/unfilled-placeholder';

const ajv = new Ajv({ allErrors: true, strict: true });
const schema = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'schemas', name), 'utf8'));
const knowledgeDir = join(repoRoot, 'server/src/knowledge');
const describeFindings = (fs: { ruleId: string; range: { start: { line: number } }; message: string }[]) =>
  fs.map((f) => `${f.range.start.line + 1} ${f.ruleId}: ${f.message}`);

describe('schemas', () => {
  test('lexicon.json matches schemas/lexicon.schema.json, and its patterns compile', () => {
    const lexicon = JSON.parse(readFileSync(join(repoRoot, 'server/src/knowledge/lexicon.json'), 'utf8')) as {
      requirementNumbers: { scale: string[]; latency: string[] }; imbalanceStatements: { patterns: string[] };
      splitStatementPatterns: string[]; timeOrGroupSplitPatterns: string[]; labelWindowPatterns: string[]; successCriteriaPatterns: string[]; boundedQuantities: { units: { pattern: string }[] };
    };
    const validate = ajv.compile(schema('lexicon.schema.json'));
    assert.ok(validate(lexicon), ajv.errorsText(validate.errors));
    for (const p of [...lexicon.requirementNumbers.scale, ...lexicon.requirementNumbers.latency, ...lexicon.imbalanceStatements.patterns]) new RegExp(p, 'iu');
    for (const p of [...lexicon.splitStatementPatterns, ...lexicon.timeOrGroupSplitPatterns, ...lexicon.labelWindowPatterns, ...lexicon.successCriteriaPatterns, ...lexicon.boundedQuantities.units.map((u) => u.pattern)]) new RegExp(p, 'iu');
  });

  test('every language pack matches schemas/language.schema.json and names only known steps and topics', () => {
    const dir = join(repoRoot, 'server/src/knowledge/languages');
    const validate = ajv.compile(schema('language.schema.json'));
    const packs = readdirSync(dir).filter((f) => f.endsWith('.json'));
    assert.ok(packs.length >= 2, 'Russian and Korean at least');
    for (const f of packs) {
      const pack = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { steps?: Record<string, unknown> };
      assert.ok(validate(pack), `${f}: ${ajv.errorsText(validate.errors)}`);
      for (const [stepId, step] of Object.entries(pack.steps ?? {}) as [string, { topics?: Record<string, { patterns?: string[] }> }][]) {
        const def = defaultFramework.steps.find((s) => s.id === stepId);
        assert.ok(def, `${f}: unknown step ${stepId}`);
        for (const [topicId, t] of Object.entries(step.topics ?? {})) {
          assert.ok(def.topics.some((x) => x.id === topicId), `${f}: unknown topic ${stepId}.${topicId}`);
          for (const p of t.patterns ?? []) new RegExp(p, 'iu');
        }
      }
    }
  });

  test('the built-in framework\'s topic patterns compile', () => {
    for (const s of defaultFramework.steps) for (const t of s.topics) for (const p of t.patterns ?? []) new RegExp(p, 'iu');
  });

  test('glossary.json matches schemas/glossary.schema.json', () => {
    const validate = ajv.compile(schema('glossary.schema.json'));
    assert.ok(validate(glossary), JSON.stringify(validate.errors));
  });
  test('practice.json matches its schema, and the minutes add up', () => {
    const validate = ajv.compile(schema('practice.schema.json'));
    assert.ok(validate(practice), JSON.stringify(validate.errors));
    assert.equal(practice.steps.reduce((n, s) => n + s.minutes, 0), practice.totalMinutes);
    assert.deepEqual(practice.steps.map((s) => s.id), defaultFramework.steps.map((s) => s.id));
  });
  test('every template front matter matches schemas/template.schema.json', () => {
    const validate = ajv.compile(schema('template.schema.json'));
    for (const file of readdirSync(join(knowledgeDir, 'templates')).filter((f) => f.endsWith('.md'))) {
      const { data } = splitFrontMatter(readFileSync(join(knowledgeDir, 'templates', file), 'utf8'));
      assert.ok(validate(data), `${file}: ${JSON.stringify(validate.errors)}`);
    }
  });
  test('every case study front matter has the fields the panel and the CLI show', () => {
    const problems = new Set(schema('frontmatter.schema.json').properties.problem.enum as string[]);
    for (const cs of caseStudies()) {
      assert.match(cs.id, /^[a-z0-9-]+$/);
      assert.ok(cs.title && cs.summary && cs.category, cs.id);
      assert.ok(problems.has(cs.problem), `${cs.id}: problem ${cs.problem}`);
      assert.ok(cs.tags.length > 0, cs.id);
      assert.ok(cs.summary.length < 200, `${cs.id}: summary is one line`);
    }
  });
});

test('every placeholder pattern finds its examples, and the rule\'s cheap first test lets them through', () => {
  for (const p of builtInLexicon.placeholders) {
    assert.ok(p.examples?.length, `placeholder '${p.label}' (${p.pattern}) needs examples`);
    for (const line of p.examples) {
      assert.match(line, new RegExp(p.pattern, `${p.flags}u`), `'${p.label}' does not find "${line}"`);
      assert.match(line, MAYBE_PLACEHOLDER, `the cheap first test skips "${line}" ('${p.label}'): add its trigger to MAYBE_PLACEHOLDER`);
    }
  }
});

describe('case studies', () => {
  test('there are at least twelve, and every file in the folder is bundled', () => {
    const files = readdirSync(join(knowledgeDir, 'case-studies')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));
    assert.ok(files.length >= 12);
    assert.deepEqual(Object.keys(caseStudySources).sort(), files.sort());
    assert.deepEqual(caseStudyIds().sort(), files.sort(), 'front matter id = file name');
  });
  for (const cs of caseStudies()) {
    test(`${cs.id} lints clean with every step covered and a trade-off table`, () => {
      const { doc, findings } = analyze(cs.markdown, { framework: defaultFramework, caseStudyIds: caseStudyIds() });
      assert.deepEqual(describeFindings(findings), []);
      assert.ok(doc.isDesignDoc);
      for (const step of doc.steps) assert.equal(step.status, 'covered', `${cs.id}: ${step.id}`);
      assert.match(cs.markdown, /\|\s*Decision\s*\|\s*Option A\s*\|\s*Option B\s*\|\s*What decides\s*\|/);
    });
  }
});

describe('templates', () => {
  test('five templates: the blank and one per problem type', () => {
    const ids = templates().map((t) => t.id);
    assert.ok(ids.includes('seven-step'));
    for (const p of ['recommendation', 'classification', 'regression', 'retrieval']) assert.ok(templates().some((t) => t.problemType === p), p);
  });
  for (const t of templates()) {
    test(`${t.id}: a new doc from it has every step detected, and each step is flagged not started until filled`, () => {
      const text = renderTemplate(t, 'Test system', 'text');
      const { doc, findings } = analyze(text, { framework: defaultFramework });
      assert.ok(doc.isDesignDoc);
      for (const step of doc.steps) assert.notEqual(step.status, 'missing', `${t.id}: ${step.id}`);
      for (const step of doc.steps) assert.ok(findings.some((f) => f.ruleId === 'empty-step' && f.data?.step === step.id && /not started/.test(f.message)), `${t.id}: ${step.id}`);
      assert.ok(!/\{\{/.test(text), 'no template syntax left in plain output');
    });
    test(`${t.id}: the snippet form has numbered tab stops and escapes`, () => {
      const snippet = renderTemplate(t, 'Cost $ {braces}', 'snippet');
      assert.match(snippet, /\$\{1:[^}]+\}/);
      assert.match(snippet, /Cost \\\$ \{braces\\\}/);
      assert.ok(snippet.endsWith('$0'));
    });
  }
  test('the filled-in recommendation example lints clean', () => {
    const text = readFileSync(join(knowledgeDir, 'templates/examples/recommendation-filled.md'), 'utf8');
    const { doc, findings } = analyze(text, { framework: defaultFramework });
    assert.deepEqual(describeFindings(findings), []);
    for (const step of doc.steps) assert.equal(step.status, 'covered', step.id);
  });
});

describe('glossary', () => {
  test('at least 120 terms, no name used twice', () => {
    assert.ok(glossary.length >= 120, String(glossary.length));
    const seen = new Map<string, string>();
    for (const e of glossary) {
      for (const name of [e.term, ...(e.aliases ?? [])]) {
        const key = name.toLowerCase();
        assert.ok(!seen.has(key) || seen.get(key) === e.term, `${name} in ${e.term} and ${seen.get(key)}`);
        seen.set(key, e.term);
      }
    }
  });
  test('every term and alias resolves to its own entry', () => {
    for (const e of glossary) for (const name of [e.term, ...(e.aliases ?? [])]) assert.equal(lookupTerm(name)?.term, e.term, name);
  });
  test('terms are found in text regardless of case and plural', () => {
    const cases: [string, string][] = [
      ['We report ndcg@10 weekly.', 'NDCG'],
      ['Two-Tower Models retrieve candidates.', 'two-tower'],
      ['Hard negatives matter.', 'hard negative'],
      ['watch for DATA DRIFT in inputs', 'data drift'],
    ];
    for (const [line, word] of cases) {
      const at = line.toLowerCase().indexOf(word.toLowerCase().split(' ')[0]);
      const hit = termAt(line, at + 1);
      assert.ok(hit, `${word} in "${line}"`);
      assert.ok(hit.entry.term.toLowerCase().includes(word.toLowerCase().split(/[ -]/)[0]) || (hit.entry.aliases ?? []).some((a) => a.toLowerCase().includes(word.toLowerCase().split(/[ -]/)[0])), `${word} → ${hit.entry.term}`);
    }
  });
  test('the ML terms the hover promises resolve', () => {
    for (const t of ['AUC-ROC', 'PR-AUC', 'log loss', 'calibration', 'NDCG', 'MAP', 'MRR', 'recall@k', 'CTR', 'two-tower', 'HNSW', 'product quantization',
      'negative sampling', 'hard negatives', 'focal loss', 'class weights', 'SMOTE', 'position bias', 'cold start', 'exploration', 'data drift', 'concept drift',
      'training-serving skew', 'feature store', 'model registry', 'shadow deployment', 'canary', 'A/B testing', 'interleaving', 'quantization', 'pruning',
      'knowledge distillation', 'embedding caching']) {
      assert.ok(lookupTerm(t) ?? termAt(t, 1), t);
    }
  });
});

test('a framework file whose topic pattern is invalid or can backtrack exponentially is rejected, naming the pattern', () => {
  const builtIn = JSON.parse(JSON.stringify(defaultFramework)) as Framework;
  assert.deepEqual(validateFramework(builtIn).errors, [], 'the built-in framework passes');
  const withPattern = (p: string, key: 'patterns' | 'sectionPatterns') => {
    const f = JSON.parse(JSON.stringify(defaultFramework)) as Framework;
    f.steps[0].topics[0][key] = [p];
    return validateFramework(f);
  };
  const where = `steps.${defaultFramework.steps[0].id}.topics.${defaultFramework.steps[0].topics[0].id}`;
  const invalid = withPattern('(unclosed', 'patterns');
  assert.equal(invalid.framework, undefined);
  assert.equal(invalid.errors.length, 1);
  assert.match(invalid.errors[0], new RegExp(`^${where.replace(/\./g, '\\.')}\\.patterns: "\\(unclosed" is not a valid regular expression`));
  const catastrophic = withPattern('(a+)+$', 'sectionPatterns');
  assert.equal(catastrophic.framework, undefined);
  assert.match(catastrophic.errors[0], /sectionPatterns: "\(a\+\)\+\$" repeats a group/);
  assert.ok(withPattern('\\bmodels?\\s+(?:\\w+\\s+){0,3}retrained\\b', 'patterns').framework, 'a bounded repeat is fine');
});
