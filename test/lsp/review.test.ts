/**
 * `mlsd/review` and `mlsd/caseStudyText` (what the VS Code language-model tools hand a model), over
 * real JSON-RPC against dist/server.js: the review follows the editor's settings and matches the
 * diagnostics the editor shows; the case study comes whole, by step, or matched to an open doc.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CaseStudyTextResult, ReviewResult } from '../../server/src/protocol';
import { LspClient } from '../support/lsp-client';

const FIXTURES = path.join(__dirname, 'fixtures');
const designDoc = readFileSync(path.join(FIXTURES, 'design-doc.md'), 'utf8');
const readme = readFileSync(path.join(FIXTURES, 'readme.md'), 'utf8');

let n = 0;
const uniqueUri = (name: string) => `untitled:/mlsd-review/${++n}-${name}`;

describe('language server: mlsd/review and mlsd/caseStudyText', () => {
  let client: LspClient;

  before(async () => {
    // Per document: "quiet" docs turn a rule off, "off" docs turn mlsd off, the rest use defaults.
    client = await LspClient.start({
      settings: (scope) => (scope?.includes('-off') ? { enable: false, debounceMs: 0 }
        : scope?.includes('-quiet') ? { debounceMs: 0, rules: { 'unjustified-model-choice': 'off' } } : { debounceMs: 0 }),
    });
  });

  after(async () => {
    if (!client) return;
    try { assert.equal(await client.shutdown(), 0); } finally { client.kill(); }
  });

  it('reviews an open design doc: kind, steps with headings, the findings the editor shows with reviewer questions, as text', async () => {
    const uri = uniqueUri('design.md');
    const diagnostics = await client.open(uri, designDoc);
    const r = await client.request<ReviewResult | null>('mlsd/review', { uri });
    assert.ok(r?.review, 'a review');
    const { review } = r;
    assert.equal(review.kind.isDesignDoc, true);
    assert.equal(review.kind.kind, 'design-doc');
    assert.equal(review.complete, true);
    const step = (id: string) => review.steps.find((s) => s.id === id)!;
    assert.equal(step('monitoring').status, 'missing');
    assert.equal(step('data').status, 'covered');
    assert.deepEqual(step('data').headings, [{ text: 'Data preparation', line: designDoc.split('\n').indexOf('## Data preparation') + 1 }]);
    // The same findings as the diagnostics, 1-based.
    assert.deepEqual(review.findings.map((f) => `${f.rule}@${f.line - 1}`).sort(), diagnostics.map((d) => `${d.code}@${d.range.start.line}`).sort());
    const missing = review.findings.find((f) => f.rule === 'missing-step' && f.step === 'monitoring');
    assert.ok(missing?.question, 'the missing step carries its reviewer question');
    assert.match(r.text, /is a design doc/);
    assert.match(r.text, /✗ .*: missing/);
    assert.match(r.text, /"Data preparation" \(line \d+\)/);
    assert.ok(r.text.includes(`Reviewer question: ${missing.question}`), r.text);
    assert.match(r.text, /Closest case study: [a-z-]+ \(the mlsd case-study tool\)/);
  });

  it('follows the user\'s settings: a rule turned off is not in the review, mlsd turned off gives no review', async () => {
    const loud = uniqueUri('loud.md');
    await client.open(loud, designDoc);
    const quiet = uniqueUri('x-quiet.md');
    await client.open(quiet, designDoc);
    const rules = async (uri: string) => (await client.request<ReviewResult>('mlsd/review', { uri })).review!.findings.map((f) => f.rule);
    assert.ok((await rules(loud)).includes('unjustified-model-choice'));
    assert.ok(!(await rules(quiet)).includes('unjustified-model-choice'));

    const off = uniqueUri('x-off.md');
    await client.open(off, designDoc).catch(() => undefined);
    const r = await client.request<ReviewResult | null>('mlsd/review', { uri: off });
    assert.ok(r && !r.review, 'no review when mlsd.enable is false');
    assert.match(r.text, /turned off .*mlsd\.enable/);
  });

  it('a README is not a design doc and gets no findings; an unknown document gets null', async () => {
    const uri = uniqueUri('README.md');
    await client.open(uri, readme);
    const r = await client.request<ReviewResult>('mlsd/review', { uri });
    assert.equal(r.review!.kind.isDesignDoc, false);
    assert.deepEqual(r.review!.findings, []);
    assert.match(r.text, /not a design doc/);
    assert.equal(await client.request('mlsd/review', { uri: 'untitled:/never-opened.md' }), null);
    assert.equal(await client.request('mlsd/review', null), null);
  });

  it('gives a case study by id, one step of it, or the one closest to an open doc; says what is wrong otherwise', async () => {
    const whole = await client.request<CaseStudyTextResult>('mlsd/caseStudyText', { id: 'video-recommendation' });
    assert.ok(whole.found);
    assert.equal(whole.matchedBy, 'id');
    assert.ok(whole.steps.includes('model') && whole.steps.includes('monitoring'), whole.steps.join());
    assert.match(whole.markdown, /^(---|#)/);

    const model = await client.request<CaseStudyTextResult>('mlsd/caseStudyText', { id: 'video-recommendation', step: 'model' });
    assert.ok(model.found && model.step?.id === 'model');
    assert.match(model.markdown, /^## 4\. Model development$/m);
    for (const part of model.markdown.split('\n\n')) assert.ok(whole.markdown.includes(part), 'each part of the step section is in the case study');
    assert.doesNotMatch(model.markdown, /^## 5\. Evaluation$/m);
    assert.ok(model.markdown.length < whole.markdown.length / 2);

    const uri = uniqueUri('match.md');
    await client.open(uri, designDoc);
    const matched = await client.request<CaseStudyTextResult>('mlsd/caseStudyText', { uri });
    const review = await client.request<ReviewResult>('mlsd/review', { uri });
    assert.ok(matched.found);
    assert.equal(matched.matchedBy, 'content');
    assert.equal(matched.id, review.review!.suggestedCaseStudy, 'the same case study the review names');

    const unknown = await client.request<CaseStudyTextResult>('mlsd/caseStudyText', { id: 'nope' });
    assert.ok(!unknown.found);
    assert.match(unknown.problem, /'nope' is not a case study \(known: .*video-recommendation/);
    const badStep = await client.request<CaseStudyTextResult>('mlsd/caseStudyText', { id: 'video-recommendation', step: 'lunch' });
    assert.ok(!badStep.found);
    assert.match(badStep.problem, /unknown step 'lunch'/);
    const nothing = await client.request<CaseStudyTextResult>('mlsd/caseStudyText', {});
    assert.ok(!nothing.found);
  });
});
