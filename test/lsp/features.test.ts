/**
 * The language server as an editor talks to it: real JSON-RPC over stdio against dist/server.js.
 * Diagnostics, incremental sync, symbols, folding, code actions (applied and re-linted), hover,
 * completion, the custom mlsd/* requests and the insertStep command.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, REPO, endOf, lineOf, positionOf, messageOf } from '../support/lsp-client';

const FIXTURES = path.join(__dirname, 'fixtures');
const designDoc = readFileSync(path.join(FIXTURES, 'design-doc.md'), 'utf8');
const readme = readFileSync(path.join(FIXTURES, 'readme.md'), 'utf8');
const framework = JSON.parse(readFileSync(path.join(REPO, 'server/src/knowledge/frameworks/seven-step.json'), 'utf8')) as {
  steps: { id: string; title: string; questions: string[] }[];
};
const glossary = JSON.parse(readFileSync(path.join(REPO, 'server/src/knowledge/glossary.json'), 'utf8')) as { term: string; definition: string }[];
const title = (id: string) => framework.steps.find((s) => s.id === id)!.title;

/** Untitled-style URIs: the docs are not on disk, so no .mlsd.json can be found for them. */
let n = 0;
const uniqueUri = (name: string) => `untitled:/mlsd-test/${++n}-${name}`;

const byRule = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.code === rule);
const missingStepFor = (ds: Diagnostic[], step: string) =>
  ds.filter((d) => d.code === 'missing-step' && (d.data as { facts?: { step?: string } })?.facts?.step === step);
const markup = (h: Hover | null): string => {
  assert.ok(h, 'hover returned null');
  const c = h.contents as MarkupContent;
  assert.equal(typeof c.value, 'string');
  return c.value;
};

describe('language server over stdio: features', () => {
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });

  after(async () => {
    if (!client) return;
    try {
      assert.equal(await client.shutdown(), 0, 'server exits with 0 after shutdown + exit');
    } finally {
      client.kill();
    }
  });

  it('initialize advertises the features the client relies on', () => {
    const caps = client.initializeResult!.capabilities;
    assert.equal(client.initializeResult!.serverInfo?.name, 'mlsd');
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.foldingRangeProvider);
    assert.ok(caps.hoverProvider);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.completionProvider);
    assert.deepEqual(caps.executeCommandProvider?.commands, ['mlsd.server.insertStep']);
    const sync = caps.textDocumentSync as { change?: number; openClose?: boolean };
    assert.equal(sync.change, 2, 'incremental sync');
    assert.equal(sync.openClose, true);
  });

  it('opening a design doc publishes mlsd diagnostics with rule ids and rule-page links', async () => {
    const uri = uniqueUri('design.md');
    const diagnostics = await client.open(uri, designDoc);
    assert.ok(diagnostics.length > 0);
    const rules = new Set(diagnostics.map((d) => d.code));
    assert.ok(rules.has('missing-step'), `missing-step among ${[...rules]}`);
    assert.ok(rules.has('unjustified-model-choice'), `unjustified-model-choice among ${[...rules]}`);
    assert.equal(missingStepFor(diagnostics, 'monitoring').length, 1, 'monitoring is the missing step');
    assert.equal(byRule(diagnostics, 'missing-step').length, 1, 'only monitoring is missing');
    for (const d of diagnostics) {
      assert.equal(d.source, 'mlsd');
      assert.equal(typeof d.code, 'string');
      assert.match(String(d.code), /^[a-z]+(-[a-z]+)*$/);
      const href = d.codeDescription?.href;
      assert.ok(href, `codeDescription.href for ${d.code}`);
      assert.ok(href.endsWith(`docs/rules/${d.code}.md`), `${href} ends with docs/rules/${d.code}.md`);
      assert.ok(href.startsWith('file:'), href);
      assert.ok([1, 2, 3, 4].includes(d.severity!), `severity ${d.severity}`);
      assert.ok(messageOf(d).length > 10);
    }
    const unjustified = byRule(diagnostics, 'unjustified-model-choice')[0];
    assert.deepEqual(unjustified.range.start, positionOf(designDoc, 'XGBoost'), 'the finding points at the model name');
    assert.equal(missingStepFor(diagnostics, 'monitoring')[0].severity, 2, 'missing-step is a warning by default');
    // The notification follows the diagnostics on the wire; it may not have been read yet.
    await client.waitFor('mlsd/modelChanged for version 1', () => client.modelChanged.find((m) => m.uri === uri && m.version === 1));
  });

  it('every diagnostic links to a rule page that exists (docs/rules/<id>.md)', async () => {
    const uri = uniqueUri('rule-pages.md');
    const diagnostics = await client.open(uri, designDoc);
    const hrefs = new Set(diagnostics.map((d) => d.codeDescription!.href));
    assert.ok(hrefs.size >= 2);
    const missing = [...hrefs].map((h) => fileURLToPath(h)).filter((f) => !existsSync(f));
    assert.deepEqual(missing, [], 'rule pages that do not exist');
  });

  it('an incremental (range) edit that adds a monitoring section removes missing-step', async () => {
    const uri = uniqueUri('incremental.md');
    await client.open(uri, designDoc);
    const section = [
      '',
      '## Monitoring',
      '',
      'Data drift and concept drift are tracked daily on the feature distributions and the predicted',
      'scores. Alerts page the on-call engineer when the cook rate drops 10 % below last week. The',
      'model is retrained weekly, and earlier when drift alerts fire. Latency and error rates are on',
      'the service dashboard, and every served list is logged to study feedback loops.',
      '',
    ].join('\n');
    const at = endOf(designDoc);
    const version = client.edit(uri, [{ range: { start: at, end: at }, newText: section }]);
    assert.equal(version, 2);
    const diagnostics = await client.waitForDiagnostics(uri, { version });
    assert.equal(byRule(diagnostics, 'missing-step').length, 0, JSON.stringify(byRule(diagnostics, 'missing-step')));
    assert.equal(byRule(diagnostics, 'unjustified-model-choice').length, 1, 'other findings stay');
    // The server's copy of the text must equal ours: the new heading is where we put it.
    const model = await client.request<{ steps: { id: string; status: string; range?: { start: { line: number } } }[] }>('mlsd/documentModel', { uri });
    const monitoring = model.steps.find((s) => s.id === 'monitoring')!;
    assert.equal(monitoring.status, 'covered');
    assert.equal(monitoring.range?.start.line, lineOf(client.text(uri), '## Monitoring'));

    // And a range edit that deletes the section brings the finding back. (Deleting the heading alone
    // would leave the monitoring text in the section above: monitoring covered in passing, not missing.)
    const headingLine = lineOf(client.text(uri), '## Monitoring');
    const end = endOf(client.text(uri));
    const v3 = client.edit(uri, [{ range: { start: { line: headingLine, character: 0 }, end }, newText: '' }]);
    const again = await client.waitForDiagnostics(uri, { version: v3 });
    assert.equal(missingStepFor(again, 'monitoring').length, 1);
  });

  it('a plain README gets zero diagnostics', async () => {
    const uri = uniqueUri('README.md');
    const diagnostics = await client.open(uri, readme);
    assert.deepEqual(diagnostics, []);
    const model = await client.request<{ isDesignDoc: boolean; findingCount: number }>('mlsd/documentModel', { uri });
    assert.equal(model.isDesignDoc, false);
    assert.equal(model.findingCount, 0);
  });

  it('documentSymbol returns the step hierarchy', async () => {
    const uri = uniqueUri('symbols.md');
    await client.open(uri, designDoc);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
    const steps = symbols.filter((s) => s.children?.length);
    assert.deepEqual(steps.map((s) => s.name), ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving'].map(title));
    const headings: Record<string, string> = {
      requirements: 'Requirements', framing: 'Framing', data: 'Data preparation', model: 'Model development', evaluation: 'Evaluation', serving: 'Serving',
    };
    for (const [id, heading] of Object.entries(headings)) {
      const s = steps.find((x) => x.name === title(id))!;
      assert.equal(s.children![0].name, heading);
      assert.equal(s.selectionRange.start.line, lineOf(designDoc, `## ${heading}\n`));
      assert.equal(s.range.start.line, s.selectionRange.start.line);
      assert.ok(s.range.end.line > s.range.start.line, `${id} spans its section`);
    }
    // The doc title is a symbol of its own, before the steps; no symbol for the missing step.
    assert.equal(symbols[0].name, 'Recipe suggestions for a cooking app');
    assert.ok(!symbols.some((s) => s.name === title('monitoring')));
  });

  it('foldingRange gives one range per step section', async () => {
    const uri = uniqueUri('folding.md');
    await client.open(uri, designDoc);
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const starts = ranges.map((r) => r.startLine).sort((a, b) => a - b);
    const expected = ['## Requirements', '## Framing', '## Data preparation', '## Model development', '## Evaluation', '## Serving'].map((h) => lineOf(designDoc, h));
    assert.deepEqual(starts, expected);
    const lines = designDoc.split('\n').length;
    for (const r of ranges) {
      assert.ok(r.endLine > r.startLine);
      assert.ok(r.endLine < lines);
    }
    // Sections do not overlap: each ends before the next begins.
    const sorted = [...ranges].sort((a, b) => a.startLine - b.startLine);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1].endLine < sorted[i].startLine);
  });

  it('documentSymbol and foldingRange are empty for a plain README (no second outline group)', async () => {
    const uri = uniqueUri('README.md');
    await client.open(uri, readme);
    const model = await client.request<{ isDesignDoc: boolean }>('mlsd/documentModel', { uri });
    assert.equal(model.isDesignDoc, false);
    assert.ok(readme.split('\n').filter((l) => l.startsWith('#')).length >= 2, 'the README has headings VS Code could outline');
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), []);
  });

  async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
  }

  async function applyAction(uri: string, action: CodeAction): Promise<Diagnostic[]> {
    assert.ok(action.edit?.changes?.[uri], `action '${action.title}' edits ${uri}`);
    const version = client.edit(uri, action.edit.changes[uri]);
    return client.waitForDiagnostics(uri, { version });
  }

  it('code action "insert missing step": applying its edit removes the finding', async () => {
    const uri = uniqueUri('fix-missing-step.md');
    const diagnostics = await client.open(uri, designDoc);
    const finding = missingStepFor(diagnostics, 'monitoring')[0];
    assert.ok(finding);
    const actions = await actionsFor(uri, finding);
    const insert = actions.find((a) => a.isPreferred && !a.title.startsWith('Disable'));
    assert.ok(insert, `an insert action among ${actions.map((a) => a.title)}`);
    assert.equal(insert.kind, 'quickfix');
    assert.match(insert.title, /Monitoring and maintenance/);
    const after = await applyAction(uri, insert);
    assert.equal(missingStepFor(after, 'monitoring').length, 0);
    const text = client.text(uri);
    assert.match(text, new RegExp(`^#+ .*${title('monitoring')}$`, 'm'), 'the skeleton heading is in the doc');
    // The skeleton carries the step's guiding questions, after the last step (serving).
    assert.ok(text.includes(framework.steps.find((s) => s.id === 'monitoring')!.questions[0]));
    assert.ok(lineOf(text, title('monitoring')) > lineOf(text, '## Serving'));
  });

  it('code action "justification stub": applying it removes unjustified-model-choice', async () => {
    const uri = uniqueUri('fix-justify.md');
    const diagnostics = await client.open(uri, designDoc);
    const finding = byRule(diagnostics, 'unjustified-model-choice')[0];
    assert.ok(finding);
    const actions = await actionsFor(uri, finding);
    const stub = actions.find((a) => /why this model/i.test(a.title));
    assert.ok(stub, `a stub action among ${actions.map((a) => a.title)}`);
    const after = await applyAction(uri, stub);
    assert.equal(byRule(after, 'unjustified-model-choice').length, 0, JSON.stringify(byRule(after, 'unjustified-model-choice')));
    assert.match(client.text(uri), /Alternatives considered/);
  });

  it('code action "disable for this line": applying it removes the finding', async () => {
    const uri = uniqueUri('fix-disable.md');
    const diagnostics = await client.open(uri, designDoc);
    const finding = byRule(diagnostics, 'unjustified-model-choice')[0];
    const actions = await actionsFor(uri, finding);
    const disable = actions.find((a) => a.title === 'Disable unjustified-model-choice for this line');
    assert.ok(disable, `a disable action among ${actions.map((a) => a.title)}`);
    const after = await applyAction(uri, disable);
    assert.equal(byRule(after, 'unjustified-model-choice').length, 0);
    assert.match(client.text(uri), /<!-- mlsd-disable-next-line unjustified-model-choice -->\nWe use XGBoost/);
    assert.equal(missingStepFor(after, 'monitoring').length, 1, 'other rules are not disabled');
  });

  it('hover on "NDCG" shows its glossary entry', async () => {
    const uri = uniqueUri('hover-term.md');
    await client.open(uri, designDoc);
    const at = positionOf(designDoc, 'NDCG@20', 2);
    const value = markup(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at }));
    const entry = glossary.find((e) => e.term === 'NDCG')!;
    assert.match(value, /NDCG/);
    assert.ok(value.includes(entry.definition), value);
    // Plain prose gives no hover.
    const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(designDoc, 'held-out week', 3) });
    assert.equal(none, null);
  });

  it('hover on a finding explains its check with an example, and a two-place finding carries related information', async () => {
    const uri = uniqueUri('hover-finding.md');
    const text = [
      '---', 'mlsd: true', '---', '# Ticket routing', '', '## Requirements', '', 'The response time should be no more than 60 seconds.', '',
      '## Serving', '', 'P95 latency < 20 s on two nodes.', '',
    ].join('\n');
    const diagnostics = await client.open(uri, text);
    const finding = byRule(diagnostics, 'inconsistent-numbers')[0];
    assert.ok(finding, `inconsistent-numbers among ${diagnostics.map((d) => d.code).join(', ')}`);
    assert.equal(finding.relatedInformation?.length, 1, 'points at the other value');
    assert.equal(finding.relatedInformation[0].location.uri, uri);
    assert.equal(finding.relatedInformation[0].location.range.start.line, 7);
    const value = markup(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: finding.range.start }));
    assert.match(value, /\*\*inconsistent-numbers\*\*/);
    assert.match(value, /For example, this fires:/);
    assert.match(value, /inconsistent-numbers\.md/, 'links the rule page');
  });

  it('hover on a step heading shows its guiding questions', async () => {
    const uri = uniqueUri('hover-step.md');
    await client.open(uri, designDoc);
    const at = positionOf(designDoc, '## Data preparation', 5);
    const value = markup(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at }));
    const step = framework.steps.find((s) => s.id === 'data')!;
    assert.ok(value.includes(step.title));
    for (const q of step.questions) assert.ok(value.includes(q), `question '${q}' in hover`);
  });

  async function headingCompletions(uri: string, text: string, line: number): Promise<CompletionItem[]> {
    await client.open(uri, text);
    const result = await client.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', {
      textDocument: { uri }, position: { line, character: 3 }, context: { triggerKind: 1 },
    });
    return (Array.isArray(result) ? result : result.items).sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  }

  it('completion after "## " offers only the steps the doc lacks, and accepting one writes the heading', async () => {
    const text = `${designDoc.trimEnd()}\n\n## `;
    const line = text.split('\n').length - 1;
    const items = await headingCompletions(uniqueUri('complete.md'), text, line);
    // The fixture has six of the seven steps: only monitoring is offered (no duplicate Requirements heading).
    assert.deepEqual(items.map((i) => i.label), [title('monitoring')], 'unnumbered doc → plain title');
    const edit = (items[0].textEdit as { range: { start: { line: number } }; newText: string });
    assert.equal(edit.range.start.line, line);
    assert.match(edit.newText, new RegExp(title('monitoring')));
  });

  it('completion numbers the offered steps by where the cursor is, in a numbered doc', async () => {
    const numbered = ['# Feed ranking', '', '## 1. Requirements', '', 'We need 1,000 QPS for 5 million users and p99 under 100 ms.', '',
      '## 2. Framing', '', 'Rank posts by the probability of a click; a pointwise learning to rank model.', '',
      '## ', '', '## 3. Evaluation', '', 'Offline NDCG on a held-out week; online an A/B test on clicks.', ''].join('\n');
    const items = await headingCompletions(uniqueUri('numbered.md'), numbered, 10);
    const labels = items.map((i) => i.label);
    assert.ok(!labels.some((l) => l.endsWith(title('requirements')) || l.endsWith(title('framing')) || l.endsWith(title('evaluation'))),
      `steps the doc has are not offered: ${labels.join(' | ')}`);
    assert.deepEqual(labels, ['data', 'model', 'serving', 'monitoring'].map((id) => `3. ${title(id)}`), 'two steps above the cursor → "3."');
  });

  it('completion in an empty doc offers all seven steps numbered from 1', async () => {
    const items = await headingCompletions(uniqueUri('empty.md'), '## ', 0);
    assert.deepEqual(items.map((i) => i.label), framework.steps.map((s) => `1. ${s.title}`));
  });

  it('mlsd/documentModel returns steps with status, ranges and topics', async () => {
    const uri = uniqueUri('model.md');
    await client.open(uri, designDoc);
    type Model = {
      uri: string; version: number | null; isDesignDoc: boolean; coveredCount: number; stepCount: number; findingCount: number; tooComplex: boolean;
      steps: { id: string; title: string; status: string; range?: { start: { line: number }; end: { line: number } }; headings: { text: string }[];
        topics: { id: string; label: string; covered: boolean }[]; findingCount: number }[];
    };
    const model = await client.request<Model>('mlsd/documentModel', { uri });
    assert.equal(model.uri, uri);
    assert.equal(model.version, 1);
    assert.equal(model.isDesignDoc, true);
    assert.equal(model.tooComplex, false);
    assert.deepEqual(model.steps.map((s) => s.id), framework.steps.map((s) => s.id));
    assert.equal(model.stepCount, 7);
    assert.equal(model.coveredCount, model.steps.filter((s) => s.status === 'covered').length);
    assert.ok(model.coveredCount >= 4, `${model.coveredCount} covered`);
    const status = Object.fromEntries(model.steps.map((s) => [s.id, s.status]));
    assert.equal(status.monitoring, 'missing');
    for (const id of ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving']) assert.notEqual(status[id], 'missing', id);
    const monitoring = model.steps.find((s) => s.id === 'monitoring')!;
    assert.equal(monitoring.range, undefined);
    assert.ok(monitoring.topics.length > 0, 'a missing step still lists its topics');
    const data = model.steps.find((s) => s.id === 'data')!;
    assert.equal(data.range!.start.line, lineOf(designDoc, '## Data preparation'));
    assert.equal(data.range!.end.line < lineOf(designDoc, '## Model development'), true);
    assert.deepEqual(data.headings.map((h) => h.text), ['Data preparation']);
    const sampling = data.topics.find((t) => t.id === 'sampling');
    assert.ok(sampling?.covered, 'negative sampling is mentioned in the data section');
    assert.ok(data.topics.every((t) => typeof t.covered === 'boolean' && t.label));
    const modelStep = model.steps.find((s) => s.id === 'model')!;
    assert.ok(modelStep.findingCount >= 1, 'the unjustified model choice counts against the model step');
    assert.equal(model.findingCount, (client.published.get(uri)!.at(-1)!.diagnostics).length);
  });

  it('mlsd/documentModel for an unknown uri is null, not an error', async () => {
    assert.equal(await client.request('mlsd/documentModel', { uri: 'untitled:/never-opened.md' }), null);
  });

  it('mlsd/stepAt tells which step a line is in; mlsd/practicePlan covers every step', async () => {
    const uri = uniqueUri('step-at.md');
    await client.open(uri, designDoc);
    const at = (needle: string) => client.request<{ stepId: string | null }>('mlsd/stepAt', { uri, line: lineOf(designDoc, needle) });
    assert.deepEqual(await at('Negative sampling keeps'), { stepId: 'data' });
    assert.deepEqual(await at('We use XGBoost'), { stepId: 'model' });
    assert.deepEqual(await at('# Recipe suggestions'), { stepId: null });
    const plan = await client.request<{ totalMinutes: number; steps: { id: string; minutes: number; questions: string[] }[] }>('mlsd/practicePlan', null);
    assert.deepEqual(plan.steps.map((s) => s.id), framework.steps.map((s) => s.id));
    assert.equal(plan.steps.reduce((n, s) => n + s.minutes, 0), plan.totalMinutes);
  });

  it('mlsd/listTemplates and mlsd/renderTemplate (snippet and text)', async () => {
    const templates = await client.request<{ id: string; title: string; description: string }[]>('mlsd/listTemplates', null);
    assert.ok(templates.length >= 2);
    assert.ok(templates.some((t) => t.id === 'seven-step'));
    for (const t of templates) assert.ok(t.title && t.description, t.id);
    const snippet = await client.request<{ text: string }>('mlsd/renderTemplate', { id: 'seven-step', title: 'Pantry $ forecast', snippet: true });
    assert.match(snippet.text, /\$\{1:/);
    assert.match(snippet.text, /\$\{2:/);
    assert.ok(snippet.text.includes('Pantry \\$ forecast'), 'the title is escaped for snippet syntax');
    const text = await client.request<{ text: string }>('mlsd/renderTemplate', { id: 'seven-step', title: 'Pantry forecast', snippet: false });
    assert.doesNotMatch(text.text, /\$\{\d+:/);
    assert.match(text.text, /^# Pantry forecast$/m);
    for (const step of framework.steps) assert.match(text.text, new RegExp(`^#+ .*${step.title}`, 'm'), step.title);
    assert.equal(await client.request('mlsd/renderTemplate', { id: 'no-such-template', title: 'x', snippet: false }), null);
  });

  it('mlsd/listCaseStudies (at least 12) and mlsd/caseStudy (sanitised HTML with step anchors)', async () => {
    const list = await client.request<{ id: string; title: string; summary: string }[]>('mlsd/listCaseStudies', null);
    assert.ok(list.length >= 12, `${list.length} case studies`);
    assert.equal(new Set(list.map((c) => c.id)).size, list.length, 'ids are unique');
    for (const c of list) {
      const cs = await client.request<{ id: string; title: string; html: string; stepIds: string[] }>('mlsd/caseStudy', { id: c.id });
      assert.equal(cs.id, c.id);
      assert.match(cs.html, /id="mlsd-step-/, c.id);
      assert.doesNotMatch(cs.html, /<script/i, c.id);
      assert.doesNotMatch(cs.html, /onerror/i, c.id);
      assert.doesNotMatch(cs.html, /\son[a-z]+\s*=/i, `${c.id}: no inline event handlers`);
      assert.doesNotMatch(cs.html, /javascript:/i, c.id);
      assert.ok(cs.stepIds.length >= 5, `${c.id} maps ${cs.stepIds.length} steps`);
      for (const id of cs.stepIds) assert.ok(cs.html.includes(`id="mlsd-step-${id}"`), `${c.id}: anchor for ${id}`);
    }
    assert.equal(await client.request('mlsd/caseStudy', { id: 'no-such-case' }), null);
  });

  it('workspace/executeCommand mlsd.server.insertStep sends workspace/applyEdit with the step heading', async () => {
    const uri = uniqueUri('insert-step.md');
    await client.open(uri, designDoc);
    const before = client.applyEditRequests.length;
    const result = await client.request('workspace/executeCommand', { command: 'mlsd.server.insertStep', arguments: [uri, 'monitoring'] });
    assert.equal(result, true);
    assert.equal(client.applyEditRequests.length, before + 1);
    const { params, uris } = client.applyEditRequests.at(-1)!;
    assert.deepEqual(uris, [uri]);
    const edits = params.edit.changes![uri];
    assert.ok(edits.some((e) => new RegExp(`^#+ .*${title('monitoring')}`, 'm').test(e.newText)), JSON.stringify(edits));
    // Our applyEdit handler applied it and sent didChange, as an editor does: the step is no longer missing.
    const after = await client.waitForDiagnostics(uri, { version: 2 });
    assert.equal(missingStepFor(after, 'monitoring').length, 0);
    // A step that is present is not inserted again.
    const again = await client.request('workspace/executeCommand', { command: 'mlsd.server.insertStep', arguments: [uri, 'monitoring'] });
    assert.equal(again, null);
    assert.equal(client.applyEditRequests.length, before + 1);
  });

  it('closing a document clears its diagnostics', async () => {
    const uri = uniqueUri('close.md');
    await client.open(uri, designDoc);
    const count = client.publishCount(uri);
    client.close(uri);
    await client.waitForDiagnostics(uri, { after: count, predicate: (d) => d.length === 0 });
  });
});
