/**
 * Quick fixes are proven by applying their edits and analysing again: the finding must be gone.
 * Also the inline directives: mlsd-disable-next-line, mlsd-disable / mlsd-enable, mlsd-disable-line.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../server/src/core/types';
import { applyEdits } from './support/apply-edits';
import { analyzeText, describeFinding, fixtureOptions, ruleFixturesDir } from './support/fixtures';

const of = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
// Messages may name lines ("touched in passing at line 9"): those shift with the inserted comment too.
const key = (f: Finding) => `${f.ruleId}@${f.range.start.character}: ${f.message.replace(/\bline \d+/g, 'line N')}`;

/** Findings of `ruleId` after the fix, compared by message and column (lines may shift). */
function remaining(before: Finding[], after: Finding[], ruleId: string) {
  return { before: of(before, ruleId).map(key).sort(), after: of(after, ruleId).map(key).sort() };
}

describe('missing-step: insert the step skeleton', () => {
  const doc = [
    '# Hotel search ranking',
    '',
    '## 1. Clarify requirements',
    '',
    'Travellers search hotels by city and dates; we rank the results so they book.',
    '',
    '## 3. Data preparation',
    '',
    'Search sessions with impressions, clicks and bookings.',
    '',
    '## 4. Model development',
    '',
    'LambdaMART because it optimises a ranking metric directly.',
    '',
    '## 6. Serving and deployment',
    '',
    'Ranking at request time.',
    '',
  ].join('\n');

  test('each missing step, inserted one at a time, ends up found and in framework order', () => {
    let text = doc;
    for (let round = 0; round < 10; round++) {
      // A step touched only in passing gets the same insert fix, from empty-step (or from
      // missing-topic, when it also names what the step never mentions).
      const findings = analyzeText(text).findings;
      const passing = [...of(findings, 'empty-step'), ...of(findings, 'missing-topic')].filter((f) => f.data?.inPassing);
      const missing = [...of(findings, 'missing-step'), ...passing];
      if (!missing.length) break;
      const target = missing[0];
      const fix = target.fixes?.find((f) => f.preferred);
      assert.ok(fix, `missing-step for ${target.data?.step} offers an insert fix`);
      const next = applyEdits(text, fix.edits);
      const after = analyzeText(next);
      assert.ok(!after.doc.steps.some((s) => s.id === target.data?.step && (s.status === 'missing' || s.inPassing)), `step ${target.data?.step} still has no section after the fix:\n${next}`);
      assert.equal(of(after.findings, 'step-order').length, 0, `inserting ${target.data?.step} put it out of order:\n${next}`);
      text = next;
    }
    const final = analyzeText(text);
    assert.deepEqual(of(final.findings, 'missing-step'), []);
    assert.deepEqual(final.doc.steps.map((s) => s.status === 'missing'), [false, false, false, false, false, false, false]);
    // The inserted headings follow the doc's style: same level, numbered.
    assert.match(text, /^## 5\. Evaluation$/m);
    assert.match(text, /^## 7\. Monitoring and maintenance$/m);
    // Existing content is kept.
    for (const line of doc.split('\n').filter(Boolean)) assert.ok(text.includes(line), `lost: ${line}`);
  });

  test('inserts into a doc with no headings and no trailing newline', () => {
    const text = 'Some notes about ranking hotels, with no headings at all.';
    const finding = of(analyzeText(text).findings, 'missing-step').find((f) => f.data?.step === 'evaluation')!;
    const next = applyEdits(text, finding.fixes!.find((f) => f.preferred)!.edits);
    assert.ok(next.startsWith(text), 'the notes stay first');
    assert.ok(!of(analyzeText(next).findings, 'missing-step').some((f) => f.data?.step === 'evaluation'));
  });

  test('the skeleton carries the step\'s guiding questions', () => {
    const finding = of(analyzeText(doc).findings, 'missing-step').find((f) => f.data?.step === 'monitoring')!;
    const inserted = finding.fixes!.find((f) => f.preferred)!.edits.map((e) => e.newText).join('');
    assert.match(inserted, /drift/i);
    assert.match(inserted, /retrain/i);
  });
});

describe('unjustified-model-choice: add a "Why this model / Alternatives considered" stub', () => {
  const cases: Record<string, string> = {
    paragraph: '# Doc\n\n## Model\n\nWe will use XGBoost for the first version.\n\n## Evaluation\n\nPR-AUC.\n',
    'paragraph at end of file': '# Doc\n\n## Model\n\nWe will use XGBoost for the first version.',
    'list item': '# Doc\n\n## Model\n\n- Candidate generation: a two-tower model.\n- Ranking: logistic regression because it is cheap.\n',
    'nested list item': '# Doc\n\n## Model\n\n- Stages\n  - Retrieval: a two-tower model.\n  - Ranking: still open.\n',
    'ordered list item': '# Doc\n\n## Model\n\n1. Retrieval: a two-tower model.\n2. Ranking: logistic regression because it is cheap.\n',
    'CRLF line endings': '# Doc\r\n\r\n## Model\r\n\r\nWe will use XGBoost for the first version.\r\n\r\nMore text.\r\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    test(name, () => {
      const before = analyzeText(text).findings;
      const target = of(before, 'unjustified-model-choice');
      assert.equal(target.length, 1, `one finding expected:\n${before.map(describeFinding).join('\n')}`);
      const fix = target[0].fixes?.find((f) => f.preferred);
      assert.ok(fix, 'offers the stub fix');
      const next = applyEdits(text, fix.edits);
      assert.deepEqual(of(analyzeText(next).findings, 'unjustified-model-choice').map(describeFinding), [], `still flagged after the fix:\n${next}`);
      assert.match(next, /Why this model/);
      assert.match(next, /Alternatives considered/);
    });
  }
});

describe('split-leakage-risk: add a "Split" line with the doc\'s own key', () => {
  const cases: Record<string, [string, RegExp]> = {
    'paragraph, time-ordered data': ['# Doc\n\n## Data\n\nRows come from click logs. We randomly split them 80/20 into train and test.\n\n## Model\n\nTrees.\n', /\*\*Split:\*\* TODO: split by time on the timestamp of "click logs"/],
    'list item, grouped data': ['# Doc\n\n## Data\n\nWe label video clips frame by frame.\n\n- Split the dataset into training and test sets.\n- Keep day and night in both.\n', /\n  - \*\*Split:\*\* TODO: split by clip/],
  };
  for (const [name, [text, inserted]] of Object.entries(cases)) {
    test(name, () => {
      const target = of(analyzeText(text).findings, 'split-leakage-risk');
      assert.equal(target.length, 1, 'one finding expected');
      const fix = target[0].fixes?.find((f) => f.title.startsWith('Add a "Split" line'));
      assert.ok(fix, 'offers the Split line');
      const next = applyEdits(text, fix.edits);
      assert.match(next, inserted);
      assert.deepEqual(of(analyzeText(next).findings, 'split-leakage-risk').map(describeFinding), [], `still flagged after the fix:\n${next}`);
    });
  }
});

describe('disable for this line (every finding carries it)', () => {
  const fixtures = [
    'unjustified-model-choice/fail-bare-choices.md',
    'missing-baseline/fail-two-tower-only.md',
    'metric-task-mismatch/fail-ranking-accuracy.md',
    'imbalance-without-strategy/fail-percentage.md',
    'unfilled-placeholder/fail-markers.md',
    'step-order/fail-evaluation-first.md',
    'empty-step/fail-thin-sections.md',
    'missing-topic/fail-data-gaps.md',
    'missing-step/fail-four-missing.md',
    'unquantified-requirements/fail-no-numbers.md',
  ];
  for (const rel of fixtures) {
    const ruleId = rel.split('/')[0];
    test(`${ruleId} (${rel.split('/')[1]})`, () => {
      const path = join(ruleFixturesDir, rel);
      const text = readFileSync(path, 'utf8');
      const options = fixtureOptions(path);
      const before = analyzeText(text, options).findings;
      const targets = of(before, ruleId);
      assert.ok(targets.length > 0);
      // Disable the last finding of the rule (the first may share its line with others).
      const target = targets[targets.length - 1];
      const fix = target.fixes?.find((f) => f.title === `Disable ${ruleId} for this line`);
      assert.ok(fix, 'offers "Disable … for this line"');
      const next = applyEdits(text, fix.edits);
      const after = analyzeText(next, options).findings;
      const sameLine = targets.filter((f) => f.range.start.line === target.range.start.line).map(key);
      const { before: b, after: a } = remaining(before, after, ruleId);
      assert.deepEqual(a, b.filter((k) => !sameLine.includes(k)), `after the fix:\n${next}`);
    });
  }

  test('a finding inside the front matter can be disabled without breaking the YAML', () => {
    const path = join(ruleFixturesDir, 'invalid-front-matter/fail-schema.md');
    const text = readFileSync(path, 'utf8');
    const before = analyzeText(text).findings;
    const target = of(before, 'invalid-front-matter').at(-1)!;
    const fix = target.fixes?.find((f) => f.title.startsWith('Disable'));
    if (!fix) return; // not offering the fix at all would also be right
    const after = analyzeText(applyEdits(text, fix.edits)).findings;
    assert.ok(!of(after, 'invalid-front-matter').some((f) => f.message.includes('not valid YAML')), 'the fix broke the YAML');
    assert.equal(of(after, 'invalid-front-matter').length, of(before, 'invalid-front-matter').length - 1);
  });

  test('in a table row, the directive goes inside the row and works', () => {
    const text = '# Doc\n\n## Model\n\n| Stage | Model |\n|---|---|\n| Ranking | LightGBM |\n| Retrieval | two-tower model |\n';
    const before = analyzeText(text).findings;
    const targets = of(before, 'unjustified-model-choice');
    assert.equal(targets.length, 2);
    const fix = targets[0].fixes!.find((f) => f.title.startsWith('Disable'))!;
    const next = applyEdits(text, fix.edits);
    assert.match(next.split('\n')[6], /^\| Ranking \| LightGBM\s+<!-- mlsd-disable-line unjustified-model-choice -->\s*\|$/);
    const after = of(analyzeText(next).findings, 'unjustified-model-choice');
    assert.deepEqual(after.map((f) => f.range.start.line), [7], 'only the other row is still flagged');
  });
});

describe('inline directives', () => {
  const body = (lines: string[]) => ['# Doc', '', '## Model', '', ...lines, ''].join('\n');
  const flaggedLines = (text: string, ruleId = 'unjustified-model-choice') => of(analyzeText(text).findings, ruleId).map((f) => f.range.start.line + 1);

  test('without directives, every bare choice is flagged', () => {
    assert.deepEqual(flaggedLines(body(['We use XGBoost.', '', 'We use a two-tower model.'])), [5, 7]);
  });

  test('mlsd-disable-next-line silences only the next line', () => {
    const text = body(['<!-- mlsd-disable-next-line unjustified-model-choice -->', 'We use XGBoost.', '', 'We use a two-tower model.']);
    assert.deepEqual(flaggedLines(text), [8]);
  });

  test('mlsd-disable-next-line for another rule does not silence this one', () => {
    const text = body(['<!-- mlsd-disable-next-line missing-baseline -->', 'We use XGBoost.']);
    assert.deepEqual(flaggedLines(text), [6]);
  });

  test('mlsd-disable-next-line with several ids, comma or space separated', () => {
    const text = body(['<!-- mlsd-disable-next-line missing-baseline, unjustified-model-choice -->', 'We use a two-tower model.']);
    assert.deepEqual(flaggedLines(text), []);
    assert.deepEqual(flaggedLines(text, 'missing-baseline'), []);
  });

  test('mlsd-disable … mlsd-enable silences a stretch', () => {
    const text = body([
      '<!-- mlsd-disable unjustified-model-choice -->',
      '',
      'We use XGBoost.',
      '',
      'We use a two-tower model.',
      '',
      '<!-- mlsd-enable unjustified-model-choice -->',
      '',
      'We use a random forest.',
    ]);
    assert.deepEqual(flaggedLines(text), [13]);
  });

  test('mlsd-disable without ids silences every rule until mlsd-enable', () => {
    const text = body(['<!-- mlsd-disable -->', '', 'We use XGBoost. TODO', '', '<!-- mlsd-enable -->', '', 'We use a two-tower model. TBD']);
    assert.deepEqual(flaggedLines(text), [11]);
    assert.deepEqual(flaggedLines(text, 'unfilled-placeholder'), [11]);
  });

  test('mlsd-disable with no mlsd-enable runs to the end of the doc', () => {
    const text = body(['We use XGBoost.', '', '<!-- mlsd-disable unjustified-model-choice -->', '', 'We use a two-tower model.', '', 'And a random forest.']);
    assert.deepEqual(flaggedLines(text), [5]);
  });

  test('mlsd-disable-line inside a paragraph, a list item and a heading', () => {
    const text = [
      '# Doc',
      '',
      '## Model <!-- mlsd-disable-line empty-step missing-topic -->',
      '',
      'We use XGBoost. <!-- mlsd-disable-line unjustified-model-choice -->',
      '',
      '- Retrieval: a two-tower model. <!-- mlsd-disable-line unjustified-model-choice -->',
      '- Ranking: a random forest.',
      '',
    ].join('\n');
    const { findings } = analyzeText(text);
    assert.deepEqual(of(findings, 'unjustified-model-choice').map((f) => f.range.start.line + 1), [8]);
    // The heading's directive silences the model step's own findings (framing, touched in passing, is another step).
    assert.deepEqual(of(findings, 'empty-step').filter((f) => f.data?.step === 'model'), []);
    assert.deepEqual(of(findings, 'missing-topic').filter((f) => f.data?.step === 'model'), []);
  });

  test('a directive inside a fenced code block is only an example, not a directive', () => {
    const text = body(['```markdown', '<!-- mlsd-disable unjustified-model-choice -->', '```', '', 'We use XGBoost.']);
    assert.deepEqual(flaggedLines(text), [9]);
  });

  test('config "off" switches a rule off everywhere', () => {
    const text = body(['We use XGBoost.']);
    assert.deepEqual(of(analyzeText(text, { config: { rules: { 'unjustified-model-choice': 'off' } } }).findings, 'unjustified-model-choice'), []);
  });

  test('config severity overrides the rule default', () => {
    const text = body(['We use XGBoost.']);
    const findings = of(analyzeText(text, { config: { rules: { 'unjustified-model-choice': 'error' } } }).findings, 'unjustified-model-choice');
    assert.deepEqual(findings.map((f) => f.severity), ['error']);
  });
});
