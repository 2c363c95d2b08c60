/**
 * The language server's UI language comes from initialize: the client's bundle
 * (`initializationOptions.l10n.messages`, what VS Code's display language loaded) or a locale whose
 * bundle the server ships (`l10n.locale`, for other editors). Diagnostics (made in the worker
 * thread), quick-fix titles and hover are in it; without either, English.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRaw, until, type RawServer } from './raw-server';
import { REPO } from '../support/lsp-client';

const RU = JSON.parse(readFileSync(join(REPO, 'l10n', 'bundle.l10n.ru.json'), 'utf8')) as Record<string, string>;
const doc = readFileSync(join(REPO, 'test', 'cli', 'fixtures', 'gaps.md'), 'utf8');

async function diagnosticsOf(server: RawServer, uri: string) {
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: doc } });
  const n = await until('diagnostics', () => server.notifications.find((x) => x.method === 'textDocument/publishDiagnostics' && (x.params as { uri: string }).uri === uri && (x.params as { diagnostics: unknown[] }).diagnostics.length));
  return (n.params as { diagnostics: { message: string; code: string; range: { start: { line: number } }; data?: unknown }[] }).diagnostics;
}

async function withServer(init: Record<string, unknown> | undefined, run: (server: RawServer) => Promise<void>) {
  const server = await startRaw({ capabilities: {}, ...(init ? { initializationOptions: init } : {}) });
  try { await run(server); } finally { await server.stop(); }
}

describe('language server: UI language from initialize', () => {
  for (const [name, init] of [['the client\'s bundle', { l10n: { messages: RU } }], ['a locale it has a bundle for', { l10n: { locale: 'ru' } }]] as const) {
    it(`${name}: Russian diagnostics, quick-fix titles and hover`, async () => {
      await withServer(init, async (server) => {
        const uri = 'untitled:/ru/doc.md';
        const diags = await diagnosticsOf(server, uri);
        const baseline = diags.find((d) => d.code === 'missing-baseline');
        assert.match(baseline?.message ?? '', /^Выбрана сложная модель \(transformer\), но простой бейзлайн не назван/);
        assert.ok(diags.some((d) => /^Нет раздела для шага «Инференс и развёртывание»\. Ревьюер спросит: /.test(d.message)), diags.map((d) => d.message).join('\n'));
        const actions = await server.conn.sendRequest<{ title: string }[]>('textDocument/codeAction', {
          textDocument: { uri }, range: baseline!.range, context: { diagnostics: [baseline] },
        });
        assert.ok(actions.some((a) => a.title === 'Отключить missing-baseline для этой строки'), actions.map((a) => a.title).join(' | '));
        const headingLine = doc.split('\n').findIndex((l) => /^## /.test(l));
        const hover = await server.conn.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: headingLine, character: 3 } });
        assert.match(hover?.contents.value ?? '', /^(Отнесён к шаг|Не отнесён ни к одному шагу)[\s\S]*Вопросы, на которые нужно ответить:/);
      });
    });
  }

  it('without a bundle or locale the server speaks English', async () => {
    await withServer(undefined, async (server) => {
      const diags = await diagnosticsOf(server, 'untitled:/en/doc.md');
      assert.match(diags.find((d) => d.code === 'missing-baseline')?.message ?? '', /^A complex model \(transformer\) is chosen/);
    });
  });
});
