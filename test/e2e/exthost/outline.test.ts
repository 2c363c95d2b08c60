import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { OutlineNode } from '../../../client/src/views/outlineItems';
import { api, fixture, open, waitFor } from './helpers';

suite('Design Steps outline', () => {
  const doc = () => fixture('design-docs/podcast-recs.md');

  test('tree rows match the doc: seven steps, states, headings that exist in the text', async () => {
    const a = await api();
    const editor = await open(doc());
    await waitFor('the outline to show podcast-recs.md', () => a.models.designDoc?.document === editor.document);
    const roots = await waitFor<OutlineNode[] | false>('seven step rows', () => { const r = a.outline.getChildren(); return r.length === 7 && r; });
    const items = roots.map((n) => a.outline.getTreeItem(n));
    assert.deepStrictEqual(roots.map((n) => n.kind === 'step' && n.step.id),
      ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring']);
    const byId = new Map(roots.map((n, i) => [n.kind === 'step' ? n.step.id : '', { node: n, item: items[i] }]));
    // What the fixture has: no serving or monitoring section; the model section is one sentence.
    for (const id of ['serving', 'monitoring']) {
      const { item } = byId.get(id)!;
      assert.strictEqual(item.contextValue, 'mlsd.step.missing', `${id} is missing`);
      assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'circle-slash', 'missing: a slashed circle, not an error mark');
      assert.strictEqual((item.iconPath as vscode.ThemeIcon).color, undefined, 'in the default colour, not a diagnostic colour');
      assert.strictEqual(item.command, undefined, 'a missing step has nowhere to go');
    }
    for (const id of ['requirements', 'framing', 'data']) {
      assert.notStrictEqual(byId.get(id)!.item.contextValue, 'mlsd.step.missing', `${id} is present`);
    }
    assert.strictEqual(byId.get('model')!.item.contextValue, 'mlsd.step.thin', 'a one-sentence model section is thin');
    assert.strictEqual((byId.get('model')!.item.iconPath as vscode.ThemeIcon).id, 'pie-chart', 'thin: a part-filled pie, not a warning');
    for (const [id, { node, item }] of byId) {
      const icon = (item.iconPath as vscode.ThemeIcon).id;
      assert.ok(!['warning', 'error', 'pass-filled'].includes(icon), `${id}: no diagnostic-looking icon (${icon})`);
      if (node.kind === 'step' && node.step.findingCount > 0) assert.notStrictEqual(icon, 'pass', `${id}: no pass mark next to "${item.description}"`);
      if (node.kind === 'step' && node.step.status === 'covered' && node.step.findingCount === 0) assert.strictEqual(icon, 'pass', `${id}: a clean covered step passes`);
    }
    // Every heading child names a real heading line of the doc, and clicking it goes there.
    const text = editor.document;
    for (const { node } of byId.values()) {
      for (const child of a.outline.getChildren(node)) {
        if (child.kind !== 'heading') continue;
        const line = text.lineAt(child.heading.range.start.line).text;
        assert.ok(line.startsWith('#') && line.includes(child.heading.text), `heading row "${child.heading.text}" is on line "${line}"`);
        const cmd = a.outline.getTreeItem(child).command!;
        assert.strictEqual(cmd.command, 'mlsd.revealStep');
      }
    }
    const dataHeadings = a.outline.getChildren(byId.get('data')!.node).filter((c) => c.kind === 'heading');
    assert.deepStrictEqual(dataHeadings.map((c) => c.kind === 'heading' && c.heading.text), ['Data preparation']);
    // Topics are children too: the icon says covered or not; no ✓/✗ repeated as text beside it.
    const topics = a.outline.getChildren(byId.get('requirements')!.node).filter((c) => c.kind === 'topic');
    assert.ok(topics.length > 0, 'requirements has topic rows');
    for (const t of topics) {
      if (t.kind !== 'topic') continue;
      const item = a.outline.getTreeItem(t);
      assert.doesNotMatch(String(item.description ?? ''), /[✓✗]/);
      assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, t.topic.covered ? 'pass' : 'circle-large-outline');
      assert.strictEqual(item.description, t.topic.covered ? undefined : 'not covered');
    }
  });

  test('clicking a step row reveals it in the editor', async () => {
    const a = await api();
    const editor = await open(doc());
    const step = a.outline.getChildren().find((n) => n.kind === 'step' && n.step.id === 'evaluation')!;
    const cmd = a.outline.getTreeItem(step).command!;
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    await waitFor('the cursor on the Evaluation heading', () =>
      vscode.window.activeTextEditor?.document === editor.document &&
      editor.document.lineAt(vscode.window.activeTextEditor.selection.active.line).text === '## Evaluation');
  });

  test('the tree empties (welcome view) for a non-design doc and refreshes as you type', async () => {
    const a = await api();
    await open(fixture('notes/meeting.md'));
    await waitFor('an empty outline for a meeting note', () => a.models.current?.document.uri.path.endsWith('meeting.md') && a.outline.getChildren().length === 0);
    const editor = await open(doc());
    await waitFor('the outline back on the design doc', () => a.outline.getChildren().length === 7);
    const changed = new Promise<void>((resolve) => { const d = a.outline.onDidChangeTreeData(() => { d.dispose(); resolve(); }); });
    await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '\n## Monitoring\n\nWe alert on data drift in the listening features and retrain weekly.\n'));
    await changed;
    await waitFor('monitoring no longer missing', () => {
      const n = a.outline.getChildren().find((x) => x.kind === 'step' && x.step.id === 'monitoring');
      return n?.kind === 'step' && n.step.status !== 'missing';
    });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('monitoring missing again after revert', () => {
      const n = a.outline.getChildren().find((x) => x.kind === 'step' && x.step.id === 'monitoring');
      return n?.kind === 'step' && n.step.status === 'missing';
    });
  });

  test('a step the doc touches only in passing says so: thin, "only in passing", nowhere to go', async () => {
    const a = await api();
    // Only a Serving section; requirements and data show up in passing in it (the core's inPassing).
    const text = '---\nmlsd: true\n---\n\n# Music playlist continuation\n\n## Serving\n\n' +
      'Real-time inference behind the playlist API: when a listener presses "continue", the service\n' +
      'fetches 300 candidate tracks from an approximate nearest neighbour index of track embeddings and\n' +
      'scores them with the ranking model in under 50 ms.\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(doc);
    const rows = await waitFor('a thin in-passing row', () => {
      const r = a.models.designDoc?.document === doc ? a.outline.getChildren() : [];
      return r.some((n) => n.kind === 'step' && n.step.inPassing) && r;
    });
    for (const node of rows) {
      if (node.kind !== 'step') continue;
      const item = a.outline.getTreeItem(node);
      if (node.step.inPassing) {
        assert.strictEqual(node.step.status, 'thin');
        assert.match(String(item.description), /^thin · only in passing/, `${node.step.id}: ${item.description}`);
        assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'pie-chart');
        assert.match((item.tooltip as vscode.MarkdownString).value, /only in passing under other steps/);
        assert.strictEqual(item.command, undefined, 'no section of its own to go to');
        assert.strictEqual(item.contextValue, 'mlsd.step.inPassing', 'the row offers Insert Step');
      } else {
        assert.doesNotMatch(String(item.description), /in passing/, `${node.step.id}: ${item.description}`);
      }
    }
    assert.match(String(a.status.item.tooltip), /only in passing/);
    // Insert Step on an in-passing row gives the step its own section.
    const passing = rows.find((n) => n.kind === 'step' && n.step.inPassing)!;
    assert.strictEqual(await vscode.commands.executeCommand('mlsd.insertStep', passing), true);
    const stepId = passing.kind === 'step' ? passing.step.id : '';
    await waitFor('the inserted section in the model', () => {
      const r = a.models.designDoc?.document === doc ? a.outline.getChildren() : [];
      const s = r.find((n) => n.kind === 'step' && n.step.id === stepId);
      return s?.kind === 'step' && !s.step.inPassing && s.step.headings.length > 0;
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

suite('document symbols and folding', () => {
  // VS Code merges every provider's symbols into the Outline view, one group per provider: mlsd's
  // must be empty for a plain README, or the Outline shows a second "ML System Design Docs" group.
  const ask = async (method: string, uri: vscode.Uri) => {
    const a = await api();
    return a.client.sendRequest<unknown[]>(method, { textDocument: { uri: a.server.uri(uri) } });
  };

  test('a plain README gets no mlsd symbols or folds; a design doc gets its steps', async () => {
    const readme = fixture('README.md');
    await open(readme);
    assert.deepStrictEqual(await ask('textDocument/documentSymbol', readme), []);
    assert.deepStrictEqual(await ask('textDocument/foldingRange', readme), []);
    const all = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', readme);
    assert.ok((all ?? []).length > 0, 'VS Code\'s own Markdown outline still lists the README headings');
    const doc = fixture('design-docs/podcast-recs.md');
    await open(doc);
    const symbols = await ask('textDocument/documentSymbol', doc) as { name: string }[];
    assert.ok(symbols.some((s) => s.name === 'Data preparation'), `the design doc has step symbols: ${symbols.map((s) => s.name).join(', ')}`);
    assert.ok((await ask('textDocument/foldingRange', doc)).length >= 5, 'and one fold per step section');
  });
});
