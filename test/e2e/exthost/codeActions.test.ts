import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, fixture, mlsdDiagnostics, open, waitFor, withCode } from './helpers';

suite('code actions and Insert Step', () => {
  const doc = () => fixture('design-docs/podcast-recs.md');

  test('the quick fix inserts a missing step and its diagnostic goes away', async () => {
    const a = await api();
    const editor = await open(doc());
    const model = await a.server.documentModel(doc());
    assert.ok(model, 'the server has the doc');
    const monitoring = model.steps.find((s) => s.id === 'monitoring')!;
    const diag = await waitFor('the missing-step finding for monitoring', () =>
      withCode(doc(), 'missing-step').find((d) => d.message.includes(monitoring.title) || /monitoring/i.test(d.message)));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
      doc(), diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((x) => /insert/i.test(x.title) && (x.diagnostics ?? []).some((d) => d.message === diag.message))
      ?? actions.find((x) => /insert/i.test(x.title) && /monitoring/i.test(x.title));
    assert.ok(fix, `an "insert step" quick fix is offered; got: ${actions.map((x) => x.title).join(' | ')}`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix applies');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    await waitFor('the monitoring missing-step finding to go away', () =>
      !withCode(doc(), 'missing-step').some((d) => d.message === diag.message));
    assert.ok(/^#+ .*monitor/im.test(editor.document.getText()), 'a monitoring heading is now in the doc');
    assert.ok(mlsdDiagnostics(doc()).length > 0, 'other findings remain');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('"MLSD: Insert Step" runs the server command and the step stops being missing', async () => {
    const a = await api();
    const editor = await open(doc());
    await waitFor('serving to be missing', async () => (await a.server.documentModel(doc()))?.steps.find((s) => s.id === 'serving')?.status === 'missing');
    const ok = await vscode.commands.executeCommand<boolean>('mlsd.insertStep', doc().toString(), 'serving');
    assert.strictEqual(ok, true);
    const model = await waitFor('serving present', async () => {
      const m = await a.server.documentModel(doc());
      return m && m.steps.find((s) => s.id === 'serving')?.status !== 'missing' && m;
    });
    const serving = model.steps.find((s) => s.id === 'serving')!;
    assert.ok(serving.range, 'the inserted step has a range');
    const evaluation = model.steps.find((s) => s.id === 'evaluation')!;
    assert.ok(serving.range.start.line > evaluation.range!.start.line, 'serving is inserted after evaluation (framework order)');
    assert.strictEqual(editor.document.isDirty, true, 'the edit went into the open document');
    await waitFor('the cursor moved to the inserted step', () =>
      vscode.window.activeTextEditor?.selection.active.line === serving.range!.start.line);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
