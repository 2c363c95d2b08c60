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
});
