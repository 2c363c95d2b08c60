/**
 * The web extension's language server (dist/web/server.js, built for platform browser) over real
 * JSON-RPC. It expects a Web Worker's global scope; a Node worker thread stands in for it here (a
 * postMessage/onmessage shim, nothing else), so the bundle runs as it is shipped. Files live in a
 * virtual workspace (vscode-vfs://) and are served by this test as the client would through
 * workspace.fs (`mlsd/readFile`): `.mlsd.json`, the framework file it names, designDocGlobs.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Disposable, type Message, type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { ReviewResult } from '../../server/src/protocol';
import { messageOf, REPO } from '../support/lsp-client';

const BUNDLE = path.join(REPO, 'dist/web/server.js');
const designDoc = readFileSync(path.join(__dirname, 'fixtures', 'design-doc.md'), 'utf8');
const readme = readFileSync(path.join(__dirname, 'fixtures', 'readme.md'), 'utf8');
const ROOT = 'vscode-vfs://github/team/repo';

/** What a Web Worker's global scope offers the bundle: postMessage out, onmessage in. */
const SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
globalThis.postMessage = (m) => parentPort.postMessage(m);
globalThis.addEventListener = () => {};
parentPort.on('message', (data) => globalThis.onmessage && globalThis.onmessage({ data }));
require(workerData.bundle);
`;

class WorkerReader extends AbstractMessageReader {
  constructor(private readonly worker: Worker) { super(); worker.on('error', (e) => this.fireError(e)); }
  listen(callback: DataCallback): Disposable {
    const h = (m: Message) => callback(m);
    this.worker.on('message', h);
    return { dispose: () => { this.worker.off('message', h); } };
  }
}
class WorkerWriter extends AbstractMessageWriter {
  constructor(private readonly worker: Worker) { super(); }
  write(msg: Message): Promise<void> { this.worker.postMessage(msg); return Promise.resolve(); }
  end(): void { /* nothing buffered */ }
}

describe('web extension language server (dist/web/server.js in a worker)', () => {
  let worker: Worker;
  let conn: MessageConnection;
  const published = new Map<string, Diagnostic[]>();
  const reads: string[] = [];
  const team = JSON.parse(readFileSync(path.join(REPO, 'server/src/knowledge/frameworks/seven-step.json'), 'utf8'));
  delete team.$schema;
  team.steps.find((s: { id: string }) => s.id === 'monitoring').title = 'Team watching step';
  const files = new Map<string, string>([
    [`${ROOT}/.mlsd.json`, JSON.stringify({ framework: 'team/framework.json', rules: { 'unjustified-model-choice': 'off' } })],
    [`${ROOT}/team/framework.json`, JSON.stringify(team)],
  ]);

  const diagnosticsOf = async (uri: string): Promise<Diagnostic[]> => {
    const end = Date.now() + 30_000;
    while (!published.has(uri)) {
      if (Date.now() > end) throw new Error(`no diagnostics for ${uri}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return published.get(uri)!;
  };
  const open = (uri: string, text: string) =>
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });

  before(async () => {
    worker = new Worker(SHIM, { eval: true, workerData: { bundle: BUNDLE } });
    conn = createMessageConnection(new WorkerReader(worker), new WorkerWriter(worker));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { published.set(p.uri, p.diagnostics); });
    conn.onNotification('window/logMessage', () => undefined);
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ debounceMs: 0, designDocGlobs: ['notes/**'] })));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('mlsd/readFile', (p: { uri: string }) => { reads.push(p.uri); return { text: files.get(p.uri) ?? null }; });
    conn.listen();
    await conn.sendRequest('initialize', {
      processId: null, rootUri: ROOT, workspaceFolders: [{ uri: ROOT, name: 'repo' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
      initializationOptions: { ruleDocsBase: 'https://example.test/docs/rules' },
    });
    conn.sendNotification('initialized', {});
  });

  after(async () => {
    conn?.dispose();
    await worker?.terminate();
  });

  it('lints a doc in a virtual workspace with its .mlsd.json and the framework file it names, read through the client', async () => {
    const uri = `${ROOT}/docs/design.md`;
    open(uri, designDoc);
    const ds = await diagnosticsOf(uri);
    assert.ok(reads.includes(`${ROOT}/docs/.mlsd.json`) && reads.includes(`${ROOT}/.mlsd.json`), `looked up from the doc's folder: ${reads.join(', ')}`);
    const missing = ds.filter((d) => d.code === 'missing-step');
    assert.equal(missing.length, 1);
    assert.match(messageOf(missing[0]), /Team watching step/, 'the team framework is in use');
    assert.equal(ds.filter((d) => d.code === 'unjustified-model-choice').length, 0, 'the rule .mlsd.json turns off');
    for (const d of ds) assert.equal(d.codeDescription?.href, `https://example.test/docs/rules/${d.code}.md`);
  });

  it('answers the custom requests: the review and the document model', async () => {
    const uri = `${ROOT}/docs/design.md`;
    const r = await conn.sendRequest<ReviewResult>('mlsd/review', { uri });
    assert.equal(r.review?.kind.isDesignDoc, true);
    assert.match(r.text, /✗ Team watching step: missing/);
    const model = await conn.sendRequest<{ steps: unknown[]; isDesignDoc: boolean }>('mlsd/documentModel', { uri });
    assert.equal(model.isDesignDoc, true);
    assert.equal(model.steps.length, 7);
    const cases = await conn.sendRequest<unknown[]>('mlsd/listCaseStudies');
    assert.ok(cases.length > 5, 'the knowledge is bundled in');
  });

  it('designDocGlobs match paths relative to the workspace folder; a README elsewhere is not linted', async () => {
    const inNotes = `${ROOT}/notes/readme.md`;
    open(inNotes, readme);
    assert.ok((await diagnosticsOf(inNotes)).length > 0, 'notes/** is a design doc by the glob');
    const elsewhere = `${ROOT}/readme.md`;
    open(elsewhere, readme);
    assert.deepEqual(await diagnosticsOf(elsewhere), []);
  });

  it('a broken framework file is reported on that file and the built-in steps are used', async () => {
    files.set(`${ROOT}/team/framework.json`, '{ "steps": 3 }');
    conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${ROOT}/team/framework.json`, type: 2 }] });
    const end = Date.now() + 30_000;
    while (!(published.get(`${ROOT}/team/framework.json`)?.length)) {
      if (Date.now() > end) throw new Error('no problem reported on the framework file');
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.match(messageOf(published.get(`${ROOT}/team/framework.json`)![0]), /framework\.json: framework file/);
    const uri = `${ROOT}/docs/design.md`;
    const r = await conn.sendRequest<ReviewResult>('mlsd/review', { uri });
    assert.match(r.text, /Monitoring and maintenance: missing/, 'back to the built-in steps');
  });
});

describe('web extension language server in the UI language the client sends', () => {
  let worker: Worker;
  let conn: MessageConnection;
  const published = new Map<string, Diagnostic[]>();
  const ru = JSON.parse(readFileSync(path.join(REPO, 'l10n', 'bundle.l10n.ru.json'), 'utf8')) as Record<string, string>;
  const team = JSON.parse(readFileSync(path.join(REPO, 'server/src/knowledge/frameworks/seven-step.json'), 'utf8'));
  delete team.$schema;
  // A team's own framework file: its text is theirs, shown as written even where it equals ours.
  const files = new Map<string, string>([
    [`${ROOT}/team/.mlsd.json`, JSON.stringify({ framework: 'framework.json' })],
    [`${ROOT}/team/framework.json`, JSON.stringify(team)],
  ]);

  before(async () => {
    worker = new Worker(SHIM, { eval: true, workerData: { bundle: BUNDLE } });
    conn = createMessageConnection(new WorkerReader(worker), new WorkerWriter(worker));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { published.set(p.uri, p.diagnostics); });
    conn.onNotification('window/logMessage', () => undefined);
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ debounceMs: 0 })));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('mlsd/readFile', (p: { uri: string }) => ({ text: files.get(p.uri) ?? null }));
    conn.listen();
    await conn.sendRequest('initialize', {
      processId: null, rootUri: ROOT, workspaceFolders: [{ uri: ROOT, name: 'repo' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
      // What the client sends: VS Code's display language and the bundle it loaded for it.
      initializationOptions: { l10n: { locale: 'ru', messages: ru } },
    });
    conn.sendNotification('initialized', {});
  });

  after(async () => {
    conn?.dispose();
    await worker?.terminate();
  });

  const missingStep = async (uri: string) => {
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: designDoc } });
    const end = Date.now() + 30_000;
    while (!published.has(uri)) {
      if (Date.now() > end) throw new Error(`no diagnostics for ${uri}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return published.get(uri)!.filter((d) => d.code === 'missing-step').map(messageOf);
  };

  it('the built-in framework: messages and step titles in Russian', async () => {
    const [message] = await missingStep(`${ROOT}/docs/design.md`);
    assert.match(message, /^Нет раздела для шага «Мониторинг и поддержка»\. Ревьюер спросит: /);
  });

  it("a team framework: the sentence is Russian, the team's step title and question stay as written", async () => {
    const [message] = await missingStep(`${ROOT}/team/design.md`);
    assert.match(message, /^Нет раздела для шага «Monitoring and maintenance»\. Ревьюер спросит: How is data drift/);
  });
});
