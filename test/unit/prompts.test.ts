/**
 * Template prompts are prompts, not content: a scaffolded doc nobody has touched is "not started"
 * step by step (one finding each), however it was scaffolded, and "Insert step" swaps a missing-step
 * finding for a not-started one instead of adding findings.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core/types';
import { templates, renderTemplate } from '../../server/src/knowledge/templates';
import { defaultFramework } from '../../server/src/knowledge/framework';
import { applyEdits } from './support/apply-edits';
import { analyzeText } from './support/fixtures';

/** A snippet as the editor leaves it when the writer tabs past every stop: placeholders kept. */
function expandSnippet(snippet: string): string {
  let out = snippet.replace(/\$0$/, '');
  // Innermost first; placeholders hold no nested stops in our templates.
  out = out.replace(/\$\{\d+:((?:\\.|[^\\}])*)\}/g, (_, body: string) => body);
  return out.replace(/\\([\\$}])/g, '$1');
}

const ids = (fs: Finding[]) => fs.map((f) => f.ruleId).sort();

describe('a freshly scaffolded doc is not a finished doc', () => {
  for (const t of templates()) {
    for (const mode of ['text', 'snippet'] as const) {
      test(`${t.id} (${mode}): every step not started, one finding per step`, () => {
        const raw = renderTemplate(t, 'Podcast episode ranking', mode);
        const text = mode === 'snippet' ? expandSnippet(raw) : raw;
        const { doc, findings } = analyzeText(text);
        assert.equal(doc.steps.filter((s) => s.status === 'covered').length, 0, 'no step counts as covered');
        const started = doc.steps.filter((s) => !s.notStarted).map((s) => `${s.id}:${s.status}`);
        assert.deepEqual(started, [], 'every step of the template is there and not started');
        assert.deepEqual(ids(findings), doc.steps.map(() => 'empty-step'), findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n'));
        for (const f of findings) assert.match(f.message, /not started/);
      });
    }
  }
});

describe('answers count, prompts do not', () => {
  const scaffold = renderTemplate(templates().find((t) => t.id === 'seven-step')!, 'Fraud scoring', 'text');

  test('answering one step starts it; the other steps stay not started', () => {
    const lines = scaffold.split('\n');
    const at = lines.findIndex((l) => /^## 1\./.test(l));
    const end = lines.findIndex((l, i) => i > at && /^## /.test(l));
    const answered = [
      ...lines.slice(0, at + 1),
      '',
      'Card payments are scored before authorisation: at most 80 ms at p99, 3,000 transactions per second at peak,',
      'and the business goal is to cut fraud losses by a fifth without raising the decline rate for good customers.',
      'TODO: confirm the peak figure with the payments team.',
      '',
      ...lines.slice(end),
    ].join('\n');
    const { doc, findings } = analyzeText(answered);
    const req = doc.steps.find((s) => s.id === 'requirements')!;
    assert.equal(req.notStarted, undefined);
    assert.equal(doc.steps.filter((s) => s.notStarted).length, doc.steps.length - 1);
    // The TODO left inside the answered step is still flagged; prompts of not-started steps are not.
    const placeholders = findings.filter((f) => f.ruleId === 'unfilled-placeholder');
    assert.equal(placeholders.length, 1, placeholders.map((f) => f.message).join('\n'));
    assert.equal(placeholders[0].data?.step, 'requirements');
  });

  test('a question the writer asks and answers is content', () => {
    const { doc } = analyzeText([
      '# Podcast ranking',
      '',
      '## Requirements',
      '',
      '- How many listeners? About 4 million a day, 600 requests per second at the evening peak.',
      '- How fast? Ranking must finish within 150 ms at p95 on the home screen.',
      '',
    ].join('\n'));
    const req = doc.steps.find((s) => s.id === 'requirements')!;
    assert.equal(req.notStarted, undefined);
    assert.ok(req.wordCount > 15, `words: ${req.wordCount}`);
  });

  test("the framework's guiding question pasted as is counts as a prompt", () => {
    const question = defaultFramework.steps.find((s) => s.id === 'monitoring')!.questions[0];
    const { doc } = analyzeText(['# Podcast ranking', '', '## Monitoring', '', `- ${question}`, ''].join('\n'));
    const mon = doc.steps.find((s) => s.id === 'monitoring')!;
    assert.equal(mon.notStarted, true);
    assert.equal(mon.promptCount, 1);
  });

  test('a prompt that names a topic does not cover it', () => {
    const { doc } = analyzeText([
      '# Podcast ranking',
      '',
      '## Monitoring',
      '',
      'A dashboard shows daily listening minutes per cohort; the on-call engineer is paged when they fall by a tenth.',
      '',
      'TODO: how will data drift be detected?',
      '',
    ].join('\n'));
    const drift = doc.steps.find((s) => s.id === 'monitoring')!.topics.find((t) => t.id === 'drift');
    assert.ok(drift, 'the framework has a drift topic');
    assert.equal(drift.covered, false);
  });
});

test('Insert step does not raise the finding count', () => {
  const doc = [
    '# Podcast ranking',
    '',
    '## 1. Clarify requirements',
    '',
    'Listeners open the home screen and expect a ranked list of episodes within 150 ms at p95; about 4 million',
    'listeners a day and 600 requests per second at peak. The goal is more minutes listened per week.',
    '',
    '## 2. Framing',
    '',
    'A pointwise ranking model predicts the chance that a listener plays an episode for more than five minutes;',
    'the input is the listener, the episode and the context, the output a probability used to sort.',
    '',
  ].join('\n');
  const before = analyzeText(doc).findings;
  const missing = before.find((f) => f.ruleId === 'missing-step' && f.data?.step === 'data');
  assert.ok(missing?.fixes?.[0], 'missing-step for data offers the insert fix');
  const after = analyzeText(applyEdits(doc, missing.fixes[0].edits)).findings;
  assert.ok(after.length <= before.length, `before ${before.length}: ${ids(before).join(', ')}\nafter ${after.length}: ${ids(after).join(', ')}`);
  const data = after.filter((f) => f.data?.step === 'data');
  assert.deepEqual(data.map((f) => f.ruleId), ['empty-step']);
  assert.match(data[0].message, /not started/);
});
