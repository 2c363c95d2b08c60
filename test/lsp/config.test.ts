/**
 * Configuration through the server: `mlsd.*` settings via workspace/configuration (and their change),
 * `.mlsd.json` in a real temp workspace folder, and broken `.mlsd.json` files reported on the file
 * itself while the doc is still linted with the defaults.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { LspClient, fileUri, type Settings, messageOf } from '../support/lsp-client';

const designDoc = readFileSync(path.join(__dirname, 'fixtures', 'design-doc.md'), 'utf8');
const missingStep = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'missing-step');

async function stop(client: LspClient | undefined): Promise<void> {
  if (!client) return;
  try {
    assert.equal(await client.shutdown(), 0, 'server exits with 0 after shutdown + exit');
  } finally {
    client.kill();
  }
}

describe('language server: mlsd.* settings', () => {
  let client: LspClient;
  let settings: Settings = { debounceMs: 0 };

  before(async () => {
    client = await LspClient.start({ settings: () => settings });
  });
  after(() => stop(client));

  it('registers for workspace/didChangeConfiguration and reads settings per document', async () => {
    const uri = 'untitled:/settings/registration.md';
    await client.open(uri, designDoc);
    const regs = client.registrations as { registrations: { method: string }[] }[];
    assert.ok(regs.some((r) => r.registrations.some((x) => x.method === 'workspace/didChangeConfiguration')), JSON.stringify(regs));
    const asked = client.configurationRequests.flatMap((r) => r.items);
    assert.ok(asked.some((i) => i.section === 'mlsd' && i.scopeUri === uri), JSON.stringify(asked));
  });

  it('a settings change re-publishes diagnostics with the new severity, and "off" removes the rule', async () => {
    const uri = 'untitled:/settings/severity.md';
    const first = await client.open(uri, designDoc);
    assert.equal(missingStep(first).length, 1);
    assert.equal(missingStep(first)[0].severity, 2, 'warning by default');

    settings = { debounceMs: 0, rules: { 'missing-step': 'error' } };
    let count = client.publishCount(uri);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    // A publication already on its way may still carry the old settings: wait for the new state.
    const asError = await client.waitForDiagnostics(uri, { after: count, predicate: (ds) => missingStep(ds)[0]?.severity === 1 });
    assert.equal(missingStep(asError).length, 1);
    assert.equal(missingStep(asError)[0].severity, 1, 'now an error');

    settings = { debounceMs: 0, rules: { 'missing-step': 'off' } };
    count = client.publishCount(uri);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const off = await client.waitForDiagnostics(uri, { after: count, predicate: (ds) => ds.length > 0 && missingStep(ds).length === 0 });
    assert.equal(missingStep(off).length, 0);
    assert.ok(off.some((d) => d.code === 'unjustified-model-choice'), 'the other rules still run');

    settings = { debounceMs: 0, enable: false };
    count = client.publishCount(uri);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, { after: count, predicate: (ds) => ds.length === 0 });

    settings = { debounceMs: 0 };
    count = client.publishCount(uri);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, { after: count, predicate: (ds) => missingStep(ds)[0]?.severity === 2 });
  });

  it('lintMode "allMarkdown" lints a plain README; the default leaves it alone', async () => {
    const readme = '# notes\n\nJust some notes about the garden.\n';
    const uri = 'untitled:/settings/README.md';
    assert.deepEqual(await client.open(uri, readme), []);
    settings = { debounceMs: 0, lintMode: 'allMarkdown' };
    const count = client.publishCount(uri);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const all = await client.waitForDiagnostics(uri, { after: count, predicate: (ds) => ds.length > 0 });
    assert.equal(missingStep(all).length, 7);
    settings = { debounceMs: 0 };
  });
});

describe('language server: .mlsd.json in a workspace folder', () => {
  let client: LspClient;
  let root: string;
  const docs: Record<string, string> = {};

  const write = (rel: string, text: string) => {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'mlsd-lsp-config-'));
    write('off/.mlsd.json', JSON.stringify({ rules: { 'missing-step': 'off' } }, null, 2));
    write('bad-json/.mlsd.json', '{\n  "rules": {\n    "missing-step": "off",\n  }\n}\n');
    write('bad-type/.mlsd.json', JSON.stringify({ rules: { 'missing-step': 42 } }, null, 2));
    write('override/.mlsd.json', JSON.stringify({ rules: { 'missing-step': 'off' } }, null, 2));
    write('fixed-later/.mlsd.json', '{ "rules": ');
    for (const rel of ['off/doc.md', 'off/sub/deeper/doc.md', 'bad-json/doc.md', 'bad-type/doc.md', 'override/doc.md', 'plain/doc.md', 'fixed-later/doc.md']) {
      docs[rel] = fileUri(write(rel, designDoc));
    }
    client = await LspClient.start({
      root,
      settings: (scope) => (scope?.includes('/override/') ? { debounceMs: 0, rules: { 'missing-step': 'error' } } : { debounceMs: 0 }),
    });
  });

  after(async () => {
    await stop(client);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('without a config file the defaults apply (control)', async () => {
    const ds = await client.open(docs['plain/doc.md'], designDoc);
    assert.equal(missingStep(ds).length, 1);
  });

  it('"missing-step": "off" in .mlsd.json switches the rule off, also for docs in subfolders', async () => {
    const ds = await client.open(docs['off/doc.md'], designDoc);
    assert.equal(missingStep(ds).length, 0);
    assert.ok(ds.some((d) => d.code === 'unjustified-model-choice'), 'other rules still run');
    const deeper = await client.open(docs['off/sub/deeper/doc.md'], designDoc);
    assert.equal(missingStep(deeper).length, 0);
  });

  it('mlsd.* settings override .mlsd.json', async () => {
    const ds = await client.open(docs['override/doc.md'], designDoc);
    assert.equal(missingStep(ds).length, 1);
    assert.equal(missingStep(ds)[0].severity, 1);
  });

  it('invalid JSON in .mlsd.json: a diagnostic on the config file, the doc linted with defaults, server alive', async () => {
    const configUri = fileUri(path.join(root, 'bad-json/.mlsd.json'));
    const ds = await client.open(docs['bad-json/doc.md'], designDoc);
    assert.equal(missingStep(ds).length, 1, 'defaults: the broken file\'s "off" is not applied');
    const onConfig = await client.waitForDiagnostics(configUri, { predicate: (d) => d.length > 0 });
    assert.equal(onConfig.length, 1);
    assert.equal(onConfig[0].source, 'mlsd');
    assert.equal(onConfig[0].severity, 1);
    assert.equal(onConfig[0].code, 'invalid-config');
    assert.match(messageOf(onConfig[0]), /\.mlsd\.json/);
    assert.match(messageOf(onConfig[0]), /JSON/);
    assert.match(messageOf(onConfig[0]), /default/i);
    assert.equal(onConfig[0].range.start.line, 3, 'points at the line with the stray "}" after the trailing comma');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: docs['bad-json/doc.md'] } });
    assert.ok(symbols.length > 0);
    assert.equal(client.exitCode, undefined, 'server still running');
  });

  it('a wrong type in .mlsd.json: a diagnostic on the config file, the doc linted with defaults', async () => {
    const configUri = fileUri(path.join(root, 'bad-type/.mlsd.json'));
    const ds = await client.open(docs['bad-type/doc.md'], designDoc);
    assert.equal(missingStep(ds).length, 1);
    assert.equal(missingStep(ds)[0].severity, 2);
    const onConfig = await client.waitForDiagnostics(configUri, { predicate: (d) => d.length > 0 });
    assert.ok(onConfig.length >= 1);
    assert.ok(onConfig.every((d) => d.source === 'mlsd' && d.severity === 1));
    assert.ok(onConfig.some((d) => /missing-step/.test(messageOf(d))), onConfig.map((d) => messageOf(d)).join('; '));
    const hover = await client.request('textDocument/hover', { textDocument: { uri: docs['bad-type/doc.md'] }, position: { line: 2, character: 4 } });
    assert.ok(hover, 'hover on a step heading still answers');
  });

  it('fixing a broken .mlsd.json (didChangeWatchedFiles) clears its diagnostic and applies it', async () => {
    const configPath = path.join(root, 'fixed-later/.mlsd.json');
    const configUri = fileUri(configPath);
    const uri = docs['fixed-later/doc.md'];
    const ds = await client.open(uri, designDoc);
    assert.equal(missingStep(ds).length, 1);
    await client.waitForDiagnostics(configUri, { predicate: (d) => d.length > 0 });
    const configCount = client.publishCount(configUri);
    const docCount = client.publishCount(uri);
    writeFileSync(configPath, JSON.stringify({ rules: { 'missing-step': 'off' } }));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await client.waitForDiagnostics(configUri, { after: configCount, predicate: (d) => d.length === 0 });
    const after = await client.waitForDiagnostics(uri, { after: docCount, predicate: (ds) => ds.length > 0 && missingStep(ds).length === 0 });
    assert.ok(after.some((d) => d.code === 'unjustified-model-choice'));
  });
});
