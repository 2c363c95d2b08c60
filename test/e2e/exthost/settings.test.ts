import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, fixture, open, waitFor, withCode } from './helpers';

suite('settings', () => {
  const doc = () => fixture('design-docs/podcast-recs.md');
  const rules = () => vscode.workspace.getConfiguration('mlsd');

  teardown(async () => {
    await rules().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await rules().update('lintMode', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('mlsd.rules changes severities live', async () => {
    await api();
    await open(doc());
    await waitFor('missing-step warnings', () => withCode(doc(), 'missing-step').length === 2 &&
      withCode(doc(), 'missing-step').every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    await rules().update('rules', { 'missing-step': 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('missing-step as errors', () => withCode(doc(), 'missing-step').length === 2 &&
      withCode(doc(), 'missing-step').every((d) => d.severity === vscode.DiagnosticSeverity.Error));
    await rules().update('rules', { 'missing-step': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('missing-step turned off', () => withCode(doc(), 'missing-step').length === 0);
    assert.ok(withCode(doc(), 'unfilled-placeholder').length > 0, 'other rules still report');
    await rules().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('missing-step back to warnings', () => withCode(doc(), 'missing-step').length === 2 &&
      withCode(doc(), 'missing-step').every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  });

  test('mlsd.lintMode = allMarkdown lints a plain note; designDocs does not', async () => {
    await api();
    const note = fixture('notes/meeting.md');
    await open(note);
    await rules().update('lintMode', 'allMarkdown', vscode.ConfigurationTarget.Workspace);
    await waitFor('findings on the note in allMarkdown mode', () => withCode(note, 'missing-step').length > 0);
    await rules().update('lintMode', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('no findings on the note again', () => vscode.languages.getDiagnostics(note).filter((d) => d.source === 'mlsd').length === 0);
  });

  test('.mlsd.json is validated against schemas/config.schema.json (jsonValidation)', async () => {
    await api();
    const uri = fixture('.mlsd.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('{\n  "rules": { "missing-step": "loud" },\n  "colour": "blue"\n}\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await waitFor('JSON schema diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source !== 'mlsd');
      return d.length >= 2 && d;
    }, 30_000);
    const lines = diags.map((d) => d.range.start.line).sort();
    assert.deepStrictEqual(lines, [1, 2], `the bad severity and the unknown key are flagged: ${diags.map((d) => d.message).join(' | ')}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });
});
