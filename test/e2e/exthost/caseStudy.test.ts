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
      assert.ok(r, `the server renders ${s.id}`);
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
    assert.strictEqual(snap.title, 'Case Study: Homepage video recommendation');
    const tab = await waitFor('the panel\'s tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === snap.title));
    assert.ok(editor.viewColumn, 'the doc is in an editor group');
    assert.notStrictEqual(tab.group.viewColumn, editor.viewColumn, `the panel is beside the editor (panel in ${tab.group.viewColumn}, doc in ${editor.viewColumn})`);
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
      // One calm block around the whole step, not paragraph by paragraph.
      const h = a.caseStudy.snapshot.highlight;
      assert.ok(h, 'the page reported its highlight');
      assert.strictEqual(h.blocks, 1, `${step}: one highlighted block`);
      assert.ok(h.elements > 1, `${step}: the block holds the heading and its section (${h.elements} elements)`);
      assert.strictEqual(h.tintedElements, 0, `${step}: no element tinted on its own`);
    }
  });

  test('another case study can be opened by id, and the panel re-targets', async () => {
    const a = await api();
    const other = (await a.server.listCaseStudies()).find((s) => s.id !== 'video-recommendation')!;
    assert.strictEqual(await vscode.commands.executeCommand<string>('mlsd.openCaseStudy', other.id), other.id);
    await waitFor('the panel to show the other case study', () => a.caseStudy.snapshot.caseStudyId === other.id && a.caseStudy.snapshot.title === `Case Study: ${other.title}`);
    await waitFor('one panel tab, re-titled', () => {
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.startsWith('Case Study'));
      return tabs.length === 1 && tabs[0].label === `Case Study: ${other.title}`;
    });
  });

  test('closing the panel is clean', async () => {
    const a = await api();
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.startsWith('Case Study'));
    assert.ok(tab, 'the panel tab');
    await vscode.window.tabGroups.close(tab);
    await waitFor('the panel closed', () => !a.caseStudy.snapshot.open);
  });
});
