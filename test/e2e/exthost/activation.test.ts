import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MlsdApi } from '../../../client/src/api';
import { EXTENSION_ID, fixture, mlsdDiagnostics, waitFor } from './helpers';

suite('activation', () => {
  test('activates, starts the server, and records the activation time', async () => {
    const ext = vscode.extensions.getExtension<MlsdApi>(EXTENSION_ID);
    assert.ok(ext, 'the extension is present');
    const alreadyActive = ext.isActive;
    const t0 = performance.now();
    const api = await ext.activate();
    const activateMs = performance.now() - t0;
    await api.ready;
    const serverReadyMs = performance.now() - t0;
    assert.strictEqual(api.client.isRunning(), true, 'the language client is running');
    // Cold start as a writer meets it: the first squiggles of a design doc opened in a fresh window,
    // counted from the extension's activation (server spawn, worker start, settings, debounce, analysis).
    const uri = fixture('design-docs/podcast-recs.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const openedMs = performance.now() - t0;
    await waitFor('first mlsd diagnostics', () => mlsdDiagnostics(uri).length > 0, 30_000);
    const firstDiagnosticsMs = performance.now() - t0;
    console.log(`MLSD-METRIC cold start: activation → first diagnostics ${Math.round(firstDiagnosticsMs)} ms ` +
      `(server ready ${Math.round(serverReadyMs)} ms, doc opened ${Math.round(openedMs)} ms)`);
    const out = path.join(ext.extensionPath, '.test-artifacts');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'activation.json'), JSON.stringify({
      editor: `code-server / VS Code ${vscode.version}`, alreadyActive,
      activateMs: Math.round(activateMs * 10) / 10,
      activationMsInside: Math.round(api.activationMs * 10) / 10,
      serverReadyMs: Math.round(serverReadyMs * 10) / 10,
      firstDiagnosticsMs: Math.round(firstDiagnosticsMs * 10) / 10,
      measuredAt: new Date().toISOString(),
    }, null, 2) + '\n');
    if (!alreadyActive) {
      // The goal is 1.5 s (issue 12); today the core's first analysis alone takes ≈1.8 s (first use of the
      // phrase regexes), so the suite guards against regressions at 6 s until that lands.
      const budget = Number(process.env.MLSD_COLD_START_BUDGET_MS || 6000);
      assert.ok(firstDiagnosticsMs < budget, `first diagnostics ${Math.round(firstDiagnosticsMs)} ms after activation (budget ${budget} ms)`);
    }
  });

  test('every contributed command is registered', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !all.has(c));
    assert.deepStrictEqual(missing, []);
    assert.ok(all.has('mlsd.server.insertStep'), 'the server command is registered through the language client');
  });

  test('every file package.json points at ships with the extension', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const pkg = ext.packageJSON;
    const files: string[] = [pkg.main, pkg.icon,
      ...pkg.contributes.snippets.map((s: { path: string }) => s.path),
      ...pkg.contributes.jsonValidation.map((j: { url: string }) => j.url),
      ...pkg.contributes.viewsContainers.activitybar.map((c: { icon: string }) => c.icon),
      ...pkg.contributes.walkthroughs.flatMap((w: { steps: { media: { markdown: string } }[] }) => w.steps.map((s) => s.media.markdown)),
      'dist/server.js', 'media/case-study.js', 'media/case-study.css'];
    const missing = files.filter((f) => !fs.existsSync(path.join(ext.extensionPath, f)));
    assert.deepStrictEqual(missing, []);
    assert.strictEqual(pkg.contributes.walkthroughs[0].steps.length, 4, 'walkthrough: create, lint, outline, case study');
  });
});
