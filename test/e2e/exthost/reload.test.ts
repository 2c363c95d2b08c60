import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { ModelStore } from '../../../client/src/modelStore';
import { CoverageStatus } from '../../../client/src/statusBar';
import { api, closeAll, fixture, open, waitFor } from './helpers';

/**
 * "Reload Window" with the case-study panel focused: the restored window has no active text editor,
 * only a visible one. The extension's state after a reload is a fresh ModelStore and status item built
 * in that window state, so that is what this builds (a real reload would end the test host).
 */
suite('after Reload Window', () => {
  test('with the case-study panel focused, a fresh store still tracks the visible design doc', async () => {
    const a = await api();
    await closeAll();
    const doc = fixture('design-docs/podcast-recs.md');
    await open(doc);
    await vscode.commands.executeCommand('mlsd.openCaseStudy', 'video-recommendation');
    await waitFor('the case-study panel open', () => a.caseStudy.isOpen);
    await vscode.commands.executeCommand('workbench.action.focusNextGroup');
    await waitFor('the panel focused (no active text editor)', () => !vscode.window.activeTextEditor);
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === doc.toString()), 'the doc is still visible beside the panel');
    const out = vscode.window.createOutputChannel('mlsd-reload-test');
    const store = new ModelStore(a.server, out);
    const status = new CoverageStatus(store);
    try {
      await waitFor('the fresh store tracks the design doc', () => store.designDoc?.document.uri.toString() === doc.toString());
      await waitFor('the status item shows coverage', () => /^\$\(checklist\) \d\/7$/.test(status.item.text) && status.item.text);
    } finally {
      status.dispose(); store.dispose(); out.dispose();
      await closeAll();
    }
  });
});
