/**
 * Step states on the wire, over real JSON-RPC against dist/server.js: what mlsd/documentModel says of
 * a scaffolded doc (every step `not-started`, with its prompt count, none covered), of a doc with one
 * step answered, and of a doc that touches steps only in passing (`thin` with `inPassing`).
 * The tree, the status bar and the practice summary show exactly these fields.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, REPO } from '../support/lsp-client';
import type { DocumentModelResult } from '../../server/src/protocol';

const framework = JSON.parse(readFileSync(path.join(REPO, 'server/src/knowledge/frameworks/seven-step.json'), 'utf8')) as {
  steps: { id: string; title: string }[];
};
const stepIds = framework.steps.map((s) => s.id);
const title = (id: string) => framework.steps.find((s) => s.id === id)!.title;
const inPassingDoc = readFileSync(path.join(REPO, 'test/unit/fixtures/rules/empty-step/fail-enough-words-others-in-passing.md'), 'utf8');

let n = 0;
const uniqueUri = (name: string) => `untitled:/mlsd-step-states/${++n}-${name}`;

/** The text of the section under `## k. <title>`, up to the next `## ` heading. */
function sectionOf(text: string, id: string): string {
  const start = text.indexOf(`. ${title(id)}\n`);
  assert.ok(start > 0, `the template has a section for ${id}`);
  const end = text.indexOf('\n## ', start);
  return text.slice(start, end < 0 ? undefined : end);
}

describe('language server over stdio: step states in mlsd/documentModel', () => {
  let client: LspClient;
  let template: string;

  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
    ({ text: template } = await client.request<{ text: string }>('mlsd/renderTemplate', { id: 'seven-step', title: 'Pantry forecast', snippet: false }));
  });

  after(async () => {
    if (!client) return;
    try {
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  it('a freshly scaffolded doc: every step not-started with its own prompt count, none covered', async () => {
    const uri = uniqueUri('fresh.md');
    const diagnostics: Diagnostic[] = await client.open(uri, template);
    const model = await client.request<DocumentModelResult>('mlsd/documentModel', { uri });
    assert.equal(model.isDesignDoc, true);
    assert.deepEqual(model.steps.map((s) => [s.id, s.status]), stepIds.map((id) => [id, 'not-started']));
    assert.equal(model.coveredCount, 0, 'a prompt is not an answer: 0/7');
    assert.equal(model.stepCount, 7);
    for (const s of model.steps) {
      const prompts = sectionOf(template, s.id).match(/TODO:/g)?.length ?? 0;
      assert.ok(prompts > 0, `${s.id}: the template asks something`);
      assert.equal(s.promptCount, prompts, `${s.id}: one count per prompt line of its section`);
      assert.ok(s.range, `${s.id}: a not-started step has a section to go to`);
      assert.equal(s.inPassing, undefined, `${s.id}: it has a section, so it is not "in passing"`);
    }
    // Reported once per step, not once per prompt line: one finding each, seven in all.
    assert.deepEqual(model.steps.map((s) => s.findingCount), stepIds.map(() => 1));
    assert.equal(diagnostics.filter((d) => d.code === 'empty-step').length, 7, diagnostics.map((d) => d.code).join(', '));
    assert.equal(model.findingCount, diagnostics.length);
  });

  it('answering one step takes it out of not-started and drops its prompt count; the others stay', async () => {
    const old = sectionOf(template, 'requirements');
    const answer = `. ${title('requirements')}\n\n` +
      'The business objective is more weekly orders from the pantry app. Forty thousand daily active users open the ' +
      'home screen, which shows a ranked list of items to restock; the latency budget is 150 ms at p95, and we log ' +
      'every impression and order. Privacy rules forbid sharing purchase histories between households.\n';
    const uri = uniqueUri('answered.md');
    await client.open(uri, template.replace(old, answer));
    const model = await client.request<DocumentModelResult>('mlsd/documentModel', { uri });
    const requirements = model.steps.find((s) => s.id === 'requirements')!;
    assert.equal(requirements.status, 'covered', 'sixty words of answer cover the step');
    assert.equal(requirements.promptCount, undefined, 'only a not-started step carries a prompt count');
    assert.deepEqual(model.steps.filter((s) => s.id !== 'requirements').map((s) => s.status), stepIds.slice(1).map(() => 'not-started'));
    assert.equal(model.coveredCount, 1);
  });

  it('a step touched only in passing is thin with inPassing and no section; a step never touched is missing', async () => {
    const uri = uniqueUri('in-passing.md');
    await client.open(uri, inPassingDoc);
    const model = await client.request<DocumentModelResult>('mlsd/documentModel', { uri });
    const byId = new Map(model.steps.map((s) => [s.id, s]));
    for (const id of ['requirements', 'data']) {
      const s = byId.get(id)!;
      assert.equal(s.status, 'thin', `${id} is there in passing`);
      assert.equal(s.inPassing, true, `${id} carries inPassing`);
      assert.equal(s.range, undefined, `${id} has no section of its own`);
      assert.equal(s.promptCount, undefined);
    }
    const serving = byId.get('serving')!;
    assert.equal(serving.inPassing, undefined, 'the step with its own section is not "in passing"');
    assert.ok(serving.range);
    for (const s of model.steps) {
      if (s.status === 'missing') assert.equal(s.inPassing, undefined, `${s.id}: missing is never in passing`);
      if (s.inPassing) assert.equal(s.status, 'thin', `${s.id}: in passing is always thin`);
    }
    assert.ok(model.steps.some((s) => s.status === 'missing'), 'the doc never touches some steps');
    assert.equal(model.coveredCount, model.steps.filter((s) => s.status === 'covered').length);
  });

  it('Insert Step gives a step touched only in passing its own section; a step with a section is not inserted again', async () => {
    const uri = uniqueUri('in-passing-insert.md');
    await client.open(uri, inPassingDoc);
    const before = client.applyEditRequests.length;
    assert.equal(await client.request('workspace/executeCommand', { command: 'mlsd.server.insertStep', arguments: [uri, 'data'] }), true);
    assert.equal(client.applyEditRequests.length, before + 1);
    await client.waitForDiagnostics(uri, { version: 2 });
    const model = await client.request<DocumentModelResult>('mlsd/documentModel', { uri });
    const data = model.steps.find((s) => s.id === 'data')!;
    assert.equal(data.inPassing, undefined, 'data now has a section of its own');
    assert.ok(data.range, 'and a range to go to');
    assert.equal(await client.request('workspace/executeCommand', { command: 'mlsd.server.insertStep', arguments: [uri, 'serving'] }), null);
    assert.equal(client.applyEditRequests.length, before + 1);
  });

  it('mlsd/documentModel of a document the server does not have is null (the client checks for it)', async () => {
    assert.equal(await client.request('mlsd/documentModel', { uri: uniqueUri('never-opened.md') }), null);
  });
});
