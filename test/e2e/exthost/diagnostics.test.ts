import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, codeOf, fixture, lineOf, mlsdDiagnostics, open, waitFor, withCode } from './helpers';

suite('diagnostics', () => {
  const doc = () => fixture('design-docs/podcast-recs.md');

  test('a design doc gets mlsd diagnostics with rule ids and docs links', async () => {
    await api();
    await open(doc());
    const diags = await waitFor('mlsd diagnostics on podcast-recs.md', () => mlsdDiagnostics(doc()).length > 0 && mlsdDiagnostics(doc()));
    const codes = new Set(diags.map(codeOf));
    for (const expected of ['missing-step', 'unfilled-placeholder', 'metric-task-mismatch']) {
      assert.ok(codes.has(expected), `expected a ${expected} finding, got ${[...codes].join(', ')}`);
    }
    for (const d of diags) {
      assert.ok(typeof d.code === 'object' && d.code.target, `diagnostic ${codeOf(d)} links to its rule page`);
      assert.match(d.code.target.toString(), new RegExp(`${codeOf(d)}`), 'the docs link names the rule');
    }
    // serving and monitoring have no section in the fixture
    assert.strictEqual(withCode(doc(), 'missing-step').length, 2, 'two steps are missing');
    const todo = withCode(doc(), 'unfilled-placeholder');
    const editor = vscode.window.activeTextEditor!;
    assert.ok(todo.some((d) => d.range.start.line === lineOf(editor.document, /^TODO: decide the guardrail/)), 'the TODO line is flagged');
  });

  test('diagnostics update after an edit', async () => {
    const editor = await open(doc());
    const line = lineOf(editor.document, /^TODO: decide the guardrail/);
    await editor.edit((e) => e.replace(editor.document.lineAt(line).range, 'Guardrails: p99 latency and skip rate.'));
    await waitFor('the TODO finding to go away', () => withCode(doc(), 'unfilled-placeholder').length === 0);
    await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '\nTBD: owner of the on-call rota.\n'));
    const added = await waitFor('a placeholder finding on the new line', () =>
      withCode(doc(), 'unfilled-placeholder').find((d) => editor.document.lineAt(d.range.start.line).text.startsWith('TBD')));
    assert.strictEqual(added.severity, vscode.DiagnosticSeverity.Warning);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the reverted doc to be flagged again', () => withCode(doc(), 'unfilled-placeholder').length === 1);
  });

  test('a plain README and a plain note are never flagged', async () => {
    const a = await api();
    for (const rel of ['README.md', 'notes/meeting.md']) {
      const uri = fixture(rel);
      await open(uri);
      const model = await a.server.documentModel(uri);
      assert.ok(model, `the server has ${rel}`);
      assert.strictEqual(model.isDesignDoc, false, `${rel} is not a design doc (${model.designDocReason})`);
      // The design doc next to it has findings, so the server is linting; give it a round trip, then check.
      await waitFor('the model store to track the README', () => a.models.current?.document.uri.toString() === uri.toString());
      assert.deepStrictEqual(mlsdDiagnostics(uri).map(codeOf), [], `${rel} has no mlsd diagnostics`);
    }
  });
});
