/**
 * An editor without `vscode.lm` (VS Code before 1.95, or a host without chat): this suite runs in its
 * own code-server window (test/e2e/exthost.test.mjs, third run) and removes `lm` from the extension's
 * `vscode` API object before mlsd activates. mlsd must activate, lint and outline as usual, with no tools.
 */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { MlsdApi } from '../../../../client/src/api';
import { EXTENSION_ID, fixture, mlsdDiagnostics, open, waitFor } from '../helpers';

suite('an editor without the language-model API', () => {
  suiteSetup(() => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.strictEqual(ext.isActive, false, 'mlsd is not active yet, so it will activate without the API');
    // The API object this file and the extension share (the extension host hands one per extension);
    // the ES-module namespace `import * as vscode` is a copy, so change the object require returns.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the real object, not the namespace copy
    const real = require('vscode') as Record<string, unknown>;
    Object.defineProperty(real, 'lm', { value: undefined, configurable: true, writable: true });
    assert.strictEqual(real.lm, undefined, 'vscode.lm is gone');
  });

  test('mlsd activates with no tools, lints the doc and outlines its steps', async () => {
    const a = await vscode.extensions.getExtension<MlsdApi>(EXTENSION_ID)!.activate();
    await a.ready;
    assert.strictEqual(a.languageModelTools, undefined, 'no language-model tools without the API');
    assert.strictEqual(a.client.isRunning(), true);
    const uri = fixture('design-docs/podcast-recs.md');
    await open(uri);
    await waitFor('mlsd diagnostics', () => mlsdDiagnostics(uri).length > 0, 30_000);
    const model = await a.server.documentModel(uri);
    assert.ok(model?.isDesignDoc && model.steps.length === 7, 'the Design Steps model has the seven steps');
  });

  test('every contributed command is registered', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const all = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.filter((c) => !all.has(c)), []);
  });
});
