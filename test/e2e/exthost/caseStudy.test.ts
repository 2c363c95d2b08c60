import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, fixture, lineOf, open, waitFor } from './helpers';

suite('case-study panel', () => {
  const doc = () => fixture('design-docs/podcast-recs.md');

  test('every case study the server renders is sanitised and has step anchors', async () => {
    const a = await api();
    const studies = await a.server.listCaseStudies();
    assert.ok(studies.length >= 3, 'several case studies');
    for (const s of studies) {
      const r = await a.server.caseStudy(s.id);
      assert.strictEqual(r.id, s.id);
      assert.doesNotMatch(r.html, /<script|<iframe|<object|<embed|\son[a-z]+\s*=|javascript:/i, `${s.id} HTML is sanitised`);
      assert.ok(r.stepIds.length >= 5, `${s.id} covers most steps`);
      for (const step of r.stepIds) assert.match(r.html, new RegExp(`id="(user-content-)?mlsd-step-${step}"`), `${s.id} has an anchor for ${step}`);
    }
  });

  test('"Open Case Study Reference" opens the case study named in front matter beside the doc', async () => {
    const a = await api();
    const editor = await open(doc());
    await waitFor('the doc model', () => a.models.designDoc?.document === editor.document);
    const id = await vscode.commands.executeCommand<string>('mlsd.openCaseStudy');
    assert.strictEqual(id, 'video-recommendation');
    const snap = a.caseStudy.snapshot;
    assert.strictEqual(snap.open, true);
    assert.strictEqual(snap.caseStudyId, 'video-recommendation');
    assert.strictEqual(vscode.window.activeTextEditor?.document, editor.document, 'focus stays in the doc');
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
    assert.ok(tab, 'a webview tab is open');
    assert.notStrictEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the panel is beside the editor');
  });

  test('the panel follows the cursor to the same step (confirmed by the webview script)', async () => {
    const a = await api();
    const editor = await open(doc());
    for (const [pattern, step] of [[/^## Data preparation/, 'data'], [/^## Evaluation/, 'evaluation'], [/^## Requirements/, 'requirements']] as const) {
      const line = lineOf(editor.document, pattern) + 2;
      editor.selection = new vscode.Selection(line, 0, line, 0);
      await waitFor(`the webview to highlight ${step}`, () => {
        const s = a.caseStudy.snapshot;
        return s.confirmedStepId === step && s.found === true;
      });
    }
  });

  test('"Choose Case Study" lists the server\'s case studies (quick pick)', async () => {
    const a = await api();
    const pending = vscode.commands.executeCommand<string | undefined>('mlsd.chooseCaseStudy');
    // The quick pick is open: pick the first row with the keyboard.
    await waitFor('the quick pick to accept', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return a.caseStudy.snapshot.caseStudyId !== undefined;
    }, 10_000).catch(() => undefined);
    const chosen = await pending;
    assert.ok(chosen, 'a case study was chosen');
    assert.strictEqual(a.caseStudy.snapshot.caseStudyId, chosen);
  });

  test('closing the panel is clean', async () => {
    const a = await api();
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
    if (tab) await vscode.window.tabGroups.close(tab);
    await waitFor('the panel closed', () => !a.caseStudy.snapshot.open);
  });
});
