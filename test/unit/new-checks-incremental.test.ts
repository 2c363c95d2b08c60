/**
 * The doc-wide new checks read per-chunk facts: an edit re-reads only the chunk it touched, and a
 * warm analysis equals a cold one as values change in one section and come back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { ParseCache } from '../../server/src/core/parse-cache';
import { allInDoc } from '../../server/src/core/chunk-facts';
import { lexicon } from '../../server/src/core/lexicon';
import { defaultFramework } from '../../server/src/knowledge/framework';
import { generateDoc } from '../../bench/generate';

const NEW_RULES = ['split-leakage-risk', 'inconsistent-numbers', 'no-operating-point', 'label-definition', 'metrics-not-connected'];
const ofNew = (fs: { ruleId: string; message: string; range: { start: { line: number } } }[]) =>
  fs.filter((f) => NEW_RULES.includes(f.ruleId)).map((f) => `${f.range.start.line} ${f.ruleId}: ${f.message}`);

test('editing one bound toggles inconsistent-numbers, and the warm analysis equals a cold one', () => {
  const cache = new ParseCache();
  const doc = (serving: string) => [
    '---', 'mlsd: true', '---', '# Ticket routing', '', '## Requirements', '', 'The response time should be no more than 60 seconds.', '',
    '## Data', '', 'Tickets of the last year.', '', '## Serving', '', serving, '',
  ].join('\n');
  for (const serving of ['P95 latency < 20 s.', 'P95 latency < 50 s.', 'P95 latency < 20 s.', 'Latency within 5 s.']) {
    const warm = analyze(doc(serving), { framework: defaultFramework, cache });
    const cold = analyze(doc(serving), { framework: defaultFramework });
    assert.deepEqual(ofNew(warm.findings), ofNew(cold.findings), serving);
    const flagged = warm.findings.some((f) => f.ruleId === 'inconsistent-numbers');
    assert.equal(flagged, serving !== 'P95 latency < 50 s.', `${serving}: 60 s and 50 s agree, 20 s and 5 s do not`);
  }
});

test('after an edit, the per-chunk facts of untouched chunks are reused (only the edited chunk is read again)', () => {
  const cache = new ParseCache();
  let text = generateDoc(3000, 7);
  const first = analyze(text, { framework: defaultFramework, cache }).doc;
  assert.ok(first.segments && first.segments.length > 10, 'the bench doc has many chunks');
  // The rule's own question is answered for every chunk by the analysis: asking again reads nothing.
  let reads = 0;
  allInDoc(first, lexicon.boundedQuantities, () => { reads++; return null; });
  assert.equal(reads, 0, 'inconsistent-numbers cached its facts per chunk');
  // A fresh question, asked before and after a one-character edit, re-reads only the edited chunk.
  const key = {};
  allInDoc(first, key, () => { reads++; return null; });
  assert.equal(reads, first.blocks.length);
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i > lines.length / 2 && /^[A-Z]/.test(l));
  lines[at] = `x${lines[at]}`;
  text = lines.join('\n');
  const second = analyze(text, { framework: defaultFramework, cache }).doc;
  reads = 0;
  allInDoc(second, key, () => { reads++; return null; });
  const edited = second.segments!.find((s) => s.start <= second.blocks.findIndex((b) => b.range.start.line === at) && second.blocks.findIndex((b) => b.range.start.line === at) < s.end)!;
  assert.equal(reads, edited.end - edited.start, 'only the edited chunk\'s blocks were probed');
  assert.ok(reads < second.blocks.length / 10);
});
