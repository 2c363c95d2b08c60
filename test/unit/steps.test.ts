/**
 * Step detection on varied heading styles. Each fixtures/steps/<name>.md has <name>.expected.json:
 *   { "isDesignDoc": bool,
 *     "steps": { "<step id>": "covered" | "thin" | "missing" | "present" },   // present = covered or thin
 *     "headings"?: { "<heading text>": "<step id the heading's section belongs to>" | null } }
 * Steps not listed are not checked. fixtures/steps/known-issues.json marks reported bugs (run as todo).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultFramework } from '../../server/src/knowledge/framework';
import { analyzeFixture, knownIssues, listFiles, readJson, sibling, stepFixturesDir } from './support/fixtures';

interface StepExpectation {
  isDesignDoc: boolean;
  steps: Record<string, 'covered' | 'thin' | 'missing' | 'present'>;
  headings?: Record<string, string | null>;
}

const known = knownIssues(stepFixturesDir);
const stepIds = defaultFramework.steps.map((s) => s.id);

for (const file of listFiles(stepFixturesDir, /\.md$/)) {
  test(`steps: ${file}`, known[file] ? { todo: known[file] } : {}, () => {
    const path = join(stepFixturesDir, file);
    const expectedPath = sibling(path, '.expected.json');
    assert.ok(existsSync(expectedPath), `${file} needs ${file.replace(/\.md$/, '.expected.json')}`);
    const expected = readJson<StepExpectation>(expectedPath);
    const { doc } = analyzeFixture(path);

    const actualSteps = Object.fromEntries(doc.steps.map((s) => [s.id, s.status]));
    for (const [id, want] of Object.entries(expected.steps)) {
      assert.ok(stepIds.includes(id), `${file}: unknown step id ${id}`);
      const got = actualSteps[id];
      if (want === 'present') assert.notEqual(got, 'missing', `${file}: step ${id} should be found (all: ${JSON.stringify(actualSteps)})`);
      else assert.equal(got, want, `${file}: step ${id} (all: ${JSON.stringify(actualSteps)})`);
    }

    for (const [text, want] of Object.entries(expected.headings ?? {})) {
      const h = doc.headings.find((x) => x.text === text);
      assert.ok(h, `${file}: no heading "${text}" found (headings: ${doc.headings.map((x) => x.text).join(' | ')})`);
      assert.equal(h.sectionStepId ?? null, want, `${file}: heading "${text}" belongs to the wrong step`);
    }

    assert.equal(doc.isDesignDoc, expected.isDesignDoc, `${file}: isDesignDoc (${doc.designDocReason})`);
  });
}

test('steps: every step fixture has expectations and vice versa', () => {
  const md = listFiles(stepFixturesDir, /\.md$/);
  for (const f of listFiles(stepFixturesDir, /\.expected\.json$/)) {
    assert.ok(md.includes(f.replace(/\.expected\.json$/, '.md')), `${f} has no fixture`);
  }
  assert.ok(md.length >= 10, 'step detection needs a varied set of fixtures');
});

test('steps: a step has a range covering its heading, and missing steps have none', () => {
  const { doc } = analyzeFixture(join(stepFixturesDir, 'several-headings.md'));
  const data = doc.steps.find((s) => s.id === 'data')!;
  assert.equal(data.headings.length, 4);
  assert.ok(data.range && data.range.start.line === data.headings[0].range.start.line);
  assert.equal(data.sections.length, 2, 'data appears in two separate stretches of the doc');
  const framing = doc.steps.find((s) => s.id === 'framing')!;
  assert.equal(framing.range, undefined);
  assert.equal(framing.firstLine, undefined);
});
