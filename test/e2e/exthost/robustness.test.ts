import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { api, fixture, open, waitFor, withCode } from './helpers';

suite('robustness', () => {
  test('the server survives hostile documents and keeps answering', async () => {
    const a = await api();
    let junk = '';
    for (let i = 0; i < 4096; i++) junk += String.fromCharCode((i * 7919) % 0xd7ff);
    const bad = [
      '',
      junk,
      '---\nproblem: [unclosed\n---\n# Requirements\n',
      '>'.repeat(5000) + ' deep quote\n',
      Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'),
      '# Requirements\n' + 'word '.repeat(200_000) + '\n## Data\n| a | b |\n|---|---|\n' + '| x | y |\n'.repeat(5000),
      '\u0000\u0001\uFFFF\uD800 # heading\n```\nunclosed fence\n',
    ];
    for (const content of bad) {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
      await vscode.window.showTextDocument(doc);
      const model = await a.server.documentModel(doc.uri);
      assert.ok(model, 'the server has the odd doc');
      assert.strictEqual(typeof model.isDesignDoc, 'boolean');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    assert.strictEqual(a.client.state, State.Running, 'the server is still running');
    // And it still lints real docs.
    const uri = fixture('design-docs/podcast-recs.md');
    await open(uri);
    await waitFor('findings on the fixture', () => withCode(uri, 'missing-step').length === 2);
  });

  test('"MLSD: Restart Server" restarts and diagnostics come back', async () => {
    const a = await api();
    const uri = fixture('design-docs/podcast-recs.md');
    await open(uri);
    await vscode.commands.executeCommand('mlsd.restartServer');
    assert.strictEqual(a.client.state, State.Running);
    const model = await a.server.documentModel(uri);
    assert.ok(model, 'the restarted server has the doc');
    assert.strictEqual(model.isDesignDoc, true);
    await waitFor('findings after the restart', () => withCode(uri, 'missing-step').length === 2);
  });

  test('after the server process crashes, the client restarts it and linting resumes', async () => {
    const a = await api();
    const uri = fixture('design-docs/podcast-recs.md');
    const editor = await open(uri);
    const node = a.client as LanguageClient; // the Node host: the server is a process
    const before = node.serverProcess;
    assert.ok(before?.pid, 'the server runs in its own process');
    process.kill(before.pid, 'SIGKILL');
    const after = await waitFor('a new server process', () => {
      const p = node.serverProcess;
      return a.client.state === State.Running && p?.pid && p.pid !== before.pid && p;
    }, 30_000);
    assert.notStrictEqual(after.pid, before.pid);
    const model = await waitFor('the restarted server to answer', () => a.server.documentModel(uri).catch(() => undefined));
    assert.strictEqual(model.isDesignDoc, true);
    // An edit after the restart is linted again.
    await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '\nTBD: who owns the retraining job.\n'));
    await waitFor('the new placeholder flagged by the restarted server', () =>
      withCode(uri, 'unfilled-placeholder').some((d) => editor.document.lineAt(d.range.start.line).text.startsWith('TBD')));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
