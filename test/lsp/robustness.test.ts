/**
 * Bad input through the server: each pathological doc gets a report (diagnostics, a too-complex or
 * invalid-front-matter finding where it applies) and the server STILL answers the next requests on a
 * normal doc. Plus the worker time limit (MLSD_ANALYSIS_TIMEOUT_MS) and the shutdown handshake.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, positionOf, messageOf } from '../support/lsp-client';
import { asText, pathologicalInputs } from '../support/pathological';

const designDoc = readFileSync(path.join(__dirname, 'fixtures', 'design-doc.md'), 'utf8');
const NORMAL = 'untitled:/robustness/normal.md';
/** A pathological doc may legitimately run into the server's analysis time limit (8 s) first. */
const DEADLINE_MS = 120_000;

type Model = { tooComplex: boolean; isDesignDoc: boolean; steps: { id: string; status: string }[] } | null;

async function assertStillServing(client: LspClient): Promise<void> {
  // A request that needs no analysis…
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: NORMAL }, position: positionOf(designDoc, 'NDCG@20', 1) }, DEADLINE_MS);
  assert.ok(hover, 'hover on NDCG answers');
  assert.match((hover.contents as MarkupContent).value, /NDCG/);
  // …and one that needs a fresh analysis of the normal doc (queued behind whatever the worker was doing).
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: NORMAL } }, DEADLINE_MS);
  assert.ok(symbols.filter((s) => s.children?.length).length >= 6, `step symbols of the normal doc: ${symbols.map((s) => s.name)}`);
}

describe('language server survives pathological documents', () => {
  let client: LspClient;

  before(async () => {
    // allMarkdown: too-complex findings on non-design docs (junk, a quote tower) are shown too.
    client = await LspClient.start({ settings: { debounceMs: 0, lintMode: 'allMarkdown' } });
    const ds = await client.open(NORMAL, designDoc);
    assert.ok(ds.some((d) => d.code === 'missing-step'));
  });

  after(async () => {
    if (!client) return;
    try {
      assert.equal(await client.shutdown(DEADLINE_MS), 0, 'server exits with 0 after shutdown + exit');
    } finally {
      client.kill();
    }
  });

  for (const input of pathologicalInputs()) {
    it(`${input.name}: reported, and the server keeps answering`, async () => {
      const uri = `untitled:/robustness/${input.name}.md`;
      client.openNoWait(uri, asText(input));
      // While the pathological doc is being analysed, the server's main thread still answers.
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: NORMAL }, position: positionOf(designDoc, 'NDCG@20', 1) }, DEADLINE_MS);
      assert.ok(hover);
      const diagnostics: Diagnostic[] = await client.waitForDiagnostics(uri, { version: 1, deadlineMs: DEADLINE_MS });
      assert.ok(Array.isArray(diagnostics));
      for (const d of diagnostics) {
        assert.equal(d.source, 'mlsd');
        assert.ok(d.range.start.line >= 0 && d.range.end.line >= d.range.start.line);
      }
      const rules = diagnostics.map((d) => d.code);
      if (input.expect === 'too-complex') {
        const tc = diagnostics.filter((d) => d.code === 'too-complex');
        assert.ok(tc.length >= 1, `too-complex among ${rules.join(', ')}`);
        assert.match(messageOf(tc[0]), /too complex/i);
      }
      if (input.expect === 'front-matter') {
        const fm = diagnostics.filter((d) => d.code === 'invalid-front-matter');
        assert.equal(fm.length, 1, `invalid-front-matter among ${rules.join(', ')}`);
        assert.equal(fm[0].severity, 1);
        assert.match(messageOf(fm[0]), /front matter/i);
        assert.ok(fm[0].range.start.line >= 1 && fm[0].range.start.line <= 4, 'points into the front matter');
      }
      const model = await client.request<Model>('mlsd/documentModel', { uri }, DEADLINE_MS);
      assert.ok(model, 'documentModel answers for the pathological doc');
      assert.equal(model.steps.length, 7);
      if (input.expect === 'too-complex') assert.equal(model.tooComplex, true);
      await assertStillServing(client);
      const count = client.publishCount(uri);
      client.close(uri);
      await client.waitForDiagnostics(uri, { after: count, predicate: (d) => d.length === 0, deadlineMs: DEADLINE_MS });
    });
  }

  it('the unclosed front matter fence is reported as invalid-front-matter', async () => {
    const input = pathologicalInputs().find((p) => p.name === 'unclosed-front-matter')!;
    const uri = 'untitled:/robustness/unclosed-again.md';
    const ds = await client.open(uri, asText(input), DEADLINE_MS);
    const fm = ds.filter((d) => d.code === 'invalid-front-matter');
    assert.equal(fm.length, 1, ds.map((d) => d.code).join(', '));
    assert.match(messageOf(fm[0]), /never closed/);
    assert.equal(fm[0].range.start.line, 0);
    client.close(uri);
  });

  it('editing a normal doc into a pathological one and back: too-complex appears and goes', async () => {
    const uri = 'untitled:/robustness/edited.md';
    await client.open(uri, designDoc);
    const at = positionOf(designDoc, '## Evaluation');
    const tower = `${'>'.repeat(5000)} deep\n\n`;
    const v2 = client.edit(uri, [{ range: { start: at, end: at }, newText: tower }]);
    const bad = await client.waitForDiagnostics(uri, { version: v2, deadlineMs: DEADLINE_MS });
    assert.ok(bad.some((d) => d.code === 'too-complex'), bad.map((d) => d.code).join(', '));
    assert.ok(bad.some((d) => d.code === 'unjustified-model-choice'), 'the rest of the doc is still analysed');
    assert.equal(bad.filter((d) => d.code === 'missing-step').length, 1, 'the other steps are still found: only monitoring is missing');
    const end = { line: at.line + 2, character: 0 };
    const v3 = client.edit(uri, [{ range: { start: at, end }, newText: '' }]);
    const good = await client.waitForDiagnostics(uri, { version: v3, deadlineMs: DEADLINE_MS });
    assert.ok(!good.some((d) => d.code === 'too-complex'));
    assert.equal(client.text(uri), designDoc);
    client.close(uri);
  });
});

describe('language server: analysis time limit (MLSD_ANALYSIS_TIMEOUT_MS)', () => {
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ env: { MLSD_ANALYSIS_TIMEOUT_MS: '1' }, settings: { debounceMs: 0 } });
  });

  after(async () => {
    if (!client) return;
    try {
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  it('an analysis over the limit gives a too-complex diagnostic and the server keeps answering', async () => {
    const uri = 'untitled:/timeout/doc.md';
    const ds = await client.open(uri, designDoc);
    const tc = ds.filter((d) => d.code === 'too-complex');
    assert.equal(tc.length, 1, ds.map((d) => d.code).join(', '));
    assert.match(messageOf(tc[0]), /too complex to analyse/i);
    assert.match(messageOf(tc[0]), /stopped/);
    assert.match(messageOf(tc[0]), /longer than 1 ms/, 'the limit is stated as set, not rounded to "0 s"');
    assert.equal(tc[0].source, 'mlsd');
    const model = await client.request<Model>('mlsd/documentModel', { uri });
    assert.equal(model?.tooComplex, true);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(designDoc, 'NDCG@20', 1) });
    assert.match((hover!.contents as MarkupContent).value, /NDCG/);
    const templates = await client.request<unknown[]>('mlsd/listTemplates', null);
    assert.ok(templates.length > 0);
    // Each later edit times out again (the worker is replaced every time) and is still reported.
    const v2 = client.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'x' }]);
    const again = await client.waitForDiagnostics(uri, { version: v2 });
    assert.equal(again.filter((d) => d.code === 'too-complex').length, 1, 'one too-complex, not one per timeout');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
  });
});
