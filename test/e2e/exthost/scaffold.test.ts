import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, fixture, waitFor } from './helpers';

const read = async (uri: vscode.Uri) => Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');

suite('MLSD: New Design Doc', () => {
  test('the server lists templates: the seven-step blank and starters per problem type', async () => {
    const a = await api();
    const templates = await a.server.listTemplates();
    assert.ok(templates.length >= 2, 'several templates');
    assert.ok(templates.every((t) => t.id && t.title && t.description), 'each template has an id, a title and a description');
    assert.ok(templates.some((t) => !t.problemType), 'a blank template without a problem type');
    assert.ok(templates.some((t) => t.problemType), 'at least one problem-type starter');
  });

  test('creates a file with all seven steps, opened with snippet placeholders', async () => {
    const a = await api();
    const templates = await a.server.listTemplates();
    const blank = templates.find((t) => !t.problemType) ?? templates[0];
    const target = fixture('docs/design/fraud-alerts.md');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlsd.newDesignDoc', { templateId: blank.id, title: 'Fraud alerts', target: 'docs/design/fraud-alerts.md' });
    assert.ok(uri, 'a document was created');
    assert.strictEqual(uri.toString(), target.toString());
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), target.toString(), 'the new doc is open');
    assert.match(editor.document.getText(), /Fraud alerts/, 'the title is in the doc');
    assert.doesNotMatch(editor.document.getText(), /\$\{\d+|\$\d/, 'snippet syntax was expanded, not pasted');
    assert.ok(!editor.selection.isEmpty || editor.selections.length > 1 || editor.selection.active.line > 0, 'the writer is on the first placeholder');
    const model = await waitFor('a model for the new doc', async () => { const m = await a.server.documentModel(target); return m?.steps.length === 7 && m; });
    assert.strictEqual(model.isDesignDoc, true);
    assert.deepStrictEqual(model.steps.filter((s) => s.status === 'missing').map((s) => s.id), [], 'all seven steps have a section');
    assert.match(await read(target), /Fraud alerts/, 'the file was saved with the template');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a scaffolded doc is not started: every tree row says so, and the status bar counts 0/7', async () => {
    const a = await api();
    const blank = (await a.server.listTemplates()).find((t) => !t.problemType)!;
    const rel = 'docs/design/untouched-scaffold.md';
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlsd.newDesignDoc', { templateId: blank.id, title: 'Untouched scaffold', target: rel });
    assert.ok(uri, 'a document was created');
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), uri.toString());
    // The tree follows the new doc; its rows are built from the server's model (no parsing in the client).
    const roots = await waitFor('seven not-started rows for the new doc', () => {
      const r = a.models.designDoc?.document === editor.document ? a.outline.getChildren() : [];
      return r.length === 7 && r.every((n) => n.kind === 'step' && n.step.status === 'not-started') && r;
    });
    for (const node of roots) {
      assert.ok(node.kind === 'step');
      const item = a.outline.getTreeItem(node);
      const icon = item.iconPath as vscode.ThemeIcon;
      assert.strictEqual(item.description, 'not started · 1 finding', `${node.step.id}: one finding per step, not one per prompt`);
      assert.strictEqual(icon.id, 'circle-large-outline', `${node.step.id}: the not-started icon`);
      assert.strictEqual(icon.color, undefined, 'in the default colour, not a diagnostic colour');
      assert.strictEqual(item.contextValue, 'mlsd.step.not-started');
      assert.doesNotMatch(String(item.label), /[✓✗]/);
      assert.ok(node.step.promptCount && node.step.promptCount > 0, `${node.step.id}: prompts counted`);
      const tip = (item.tooltip as vscode.MarkdownString).value;
      assert.match(tip, /not started: a section holding only the template's prompts/);
      assert.match(tip, new RegExp(`${node.step.promptCount} prompts? waiting for an answer`));
      assert.ok(item.command, 'a not-started step has a section to go to');
    }
    assert.strictEqual(a.status.item.text, '$(checklist) 0/7', 'prompts are not coverage');
    assert.match(String(a.status.item.tooltip), /0 of 7 design steps covered/);
    assert.match(String(a.status.item.tooltip), /not started: a section holding only the template's prompts/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('refuses to overwrite an existing file', async () => {
    await api();
    const target = fixture('docs/design/keep-me.md');
    await vscode.workspace.fs.writeFile(target, Buffer.from('# Keep me\n\nHand-written notes that must survive.\n'));
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('mlsd.newDesignDoc', { title: 'Keep me', target: target, templateId: (await (await api()).server.listTemplates())[0].id });
    assert.strictEqual(uri, undefined, 'nothing was created');
    assert.strictEqual(await read(target), '# Keep me\n\nHand-written notes that must survive.\n', 'the file is unchanged');
  });

  test('works without a file: an untitled document', async () => {
    const a = await api();
    const id = (await a.server.listTemplates())[0].id;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlsd.newDesignDoc', { templateId: id, title: 'Scratch design', target: 'untitled' });
    assert.strictEqual(uri.scheme, 'untitled');
    const doc = vscode.window.activeTextEditor!.document;
    assert.strictEqual(doc.languageId, 'markdown');
    assert.match(doc.getText(), /Scratch design/);
    const model = await a.server.documentModel(uri);
    assert.ok(model, 'the server has the untitled doc');
    assert.strictEqual(model.isDesignDoc, true, 'the untitled doc is analysed as a design doc');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the whole-doc snippet produces a doc with every step', async () => {
    const a = await api();
    const ext = vscode.extensions.getExtension('mlsd.mlsd')!;
    const snippets = JSON.parse(await read(vscode.Uri.joinPath(ext.extensionUri, 'snippets', 'markdown.json'))) as Record<string, { prefix: string | string[]; body: string[] }>;
    const whole = Object.values(snippets).find((s) => [s.prefix].flat().includes('mlsd-doc'))!;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(whole.body.join('\n'))));
    const model = await waitFor('a model with seven present steps', async () => {
      const m = await a.server.documentModel(doc.uri);
      return m?.steps.length === 7 && m.steps.every((s) => s.status !== 'missing') && m;
    });
    assert.strictEqual(model.isDesignDoc, true);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
