/**
 * Document lifecycle over real JSON-RPC stdio: open/close storms must leave nothing behind (a closed
 * doc is never analysed), malformed params get empty answers, and a client without the
 * workspaceFolders capability initialises cleanly.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LspClient } from '../support/lsp-client';
import { rawExchange, startRaw, until } from './raw-server';

const designDoc = readFileSync(path.join(__dirname, 'fixtures', 'design-doc.md'), 'utf8');

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

describe('language server: open/close storms (client answers workspace/configuration)', () => {
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    try { assert.equal(await client.shutdown(), 0); } finally { client.kill(); }
  });

  it('1,000 docs opened and closed at once: none analysed, memory back near the start', async () => {
    // Load the worker and the knowledge bundle first, so the start figure is the server at work.
    await client.open('untitled:/storm/warm.md', designDoc);
    await client.request('textDocument/hover', { textDocument: { uri: 'untitled:/storm/warm.md' }, position: { line: 0, character: 0 } });
    await new Promise((r) => setTimeout(r, 500));
    const pid = client.proc.pid!;
    const start = rssMb(pid);
    const uris: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const uri = `untitled:/storm/doc-${i}.md`;
      uris.push(uri);
      client.openNoWait(uri, `${designDoc}\n<!-- ${i} -->\n`);
      client.close(uri);
      if (i % 100 === 99) await client.request('mlsd/listTemplates', null);
    }
    await client.request('mlsd/listTemplates', null);
    // A doc opened now is analysed after whatever the storm left queued in the worker.
    await client.open('untitled:/storm/after.md', designDoc, 120_000);
    client.close('untitled:/storm/after.md');
    // Every closed doc gets its "clear" publication and nothing else.
    await client.waitFor('a clear for every closed doc', () => (uris.every((u) => client.publishCount(u) > 0) ? true : undefined));
    let settled = rssMb(pid);
    const deadline = Date.now() + 20_000;
    while (settled > start * 1.5 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      settled = rssMb(pid);
    }
    const withFindings = uris.filter((u) => (client.published.get(u) ?? []).some((p) => p.diagnostics.length > 0));
    assert.deepEqual(withFindings, [], 'no diagnostics published for a closed doc');
    const modelChanged = client.modelChanged.filter((m) => m.uri.startsWith('untitled:/storm/doc-'));
    assert.deepEqual(modelChanged, [], 'no closed doc was analysed');
    assert.ok(settled <= start * 1.5, `RSS ${start.toFixed(0)} MB → ${settled.toFixed(0)} MB after settling (limit 1.5×)`);
  });

  it('a doc closed and reopened at once is analysed with its new text', async () => {
    const uri = 'untitled:/storm/reopened.md';
    client.openNoWait(uri, '# notes\n\nNothing to see.\n');
    client.close(uri);
    client.openNoWait(uri, designDoc);
    const ds = await client.waitForDiagnostics(uri, { predicate: (d) => d.length > 0 });
    assert.ok(ds.some((d) => d.code === 'missing-step'), ds.map((d) => d.code).join(', '));
    client.close(uri);
  });

  it('requests with partial params get empty answers, not internal errors', async () => {
    const uri = 'untitled:/storm/params.md';
    await client.open(uri, designDoc);
    const cases: [string, unknown, unknown][] = [
      ['textDocument/foldingRange', {}, []],
      ['textDocument/documentSymbol', { textDocument: {} }, []],
      ['textDocument/hover', { textDocument: { uri } }, null],
      ['textDocument/completion', { textDocument: { uri }, position: { line: -1, character: 'x' } }, []],
      ['textDocument/codeAction', { textDocument: { uri } }, []],
      ['mlsd/documentModel', {}, null],
      ['mlsd/stepAt', {}, { stepId: null }],
      ['workspace/executeCommand', { command: 'mlsd.insertStep' }, null],
    ];
    for (const [method, params, expected] of cases) {
      assert.deepEqual(await client.request(method, params), expected, `${method}(${JSON.stringify(params)})`);
    }
    const folds = await client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.length > 0, 'still serving normally afterwards');
    client.close(uri);
  });
});

describe('language server: "params": null and no params at all', () => {
  it('every request answers with an empty result', async () => {
    const methods: [string, unknown][] = [
      ['textDocument/foldingRange', []], ['textDocument/documentSymbol', []], ['textDocument/hover', null],
      ['textDocument/completion', []], ['textDocument/codeAction', []], ['mlsd/documentModel', null],
      ['mlsd/stepAt', { stepId: null }], ['workspace/executeCommand', null],
    ];
    const messages: Record<string, unknown>[] = [
      { id: 'init', method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } },
      { method: 'initialized', params: {} },
      { method: 'textDocument/didOpen', params: { textDocument: { uri: 'untitled:/raw.md', languageId: 'markdown', version: 1, text: designDoc } } },
    ];
    methods.forEach(([method], i) => {
      messages.push({ id: `null-${i}`, method, params: null });
      messages.push({ id: `none-${i}`, method });
    });
    const answers = await rawExchange(messages);
    methods.forEach(([method, expected], i) => {
      for (const id of [`null-${i}`, `none-${i}`]) {
        const a = answers.get(id)!;
        assert.equal(a.error, undefined, `${method} (${id}): ${JSON.stringify(a.error)}`);
        assert.deepEqual(a.result, expected, `${method} (${id})`);
      }
    });
  });
});

describe('language server: a client without the workspaceFolders capability', () => {
  it('initialises without a failed notification handler, and still lints', async () => {
    const server = await startRaw({ capabilities: { workspace: { configuration: false } } });
    try {
      const uri = 'untitled:/no-folders/doc.md';
      await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: designDoc } });
      await until('diagnostics', () => server.notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri));
      const logs = server.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
      assert.deepEqual(logs.filter((m) => /failed|error/i.test(m)), [], `log messages: ${logs.join(' | ')}`);
      assert.doesNotMatch(server.stderr(), /failed/i);
    } finally {
      await server.stop();
    }
  });
});
