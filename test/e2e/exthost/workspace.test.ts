/**
 * Workspace features in the real extension host: "MLSD: Lint Workspace" fills the Problems panel for
 * design docs nobody opened (through the real language client, files.exclude read from VS Code's
 * settings), stops when cancelled, follows a file written to disk (the client's FileSystemWatcher);
 * the Design Docs view lists the docs with coverage and toggles its sort; Open Review Report opens
 * the webview. Runs last: after it, closed docs keep diagnostics, which earlier suites do not expect.
 */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { LintWorkspaceOutcome } from '../../../client/src/commands/lintWorkspace';
import type { ReportSnapshot } from '../../../client/src/views/reviewReportPanel';
import { api, closeAll, codeOf, fixture, mlsdDiagnostics, open, waitFor } from './helpers';

const encoder = new TextEncoder();
const bulk = (i: number) => fixture(`bulk/doc-${String(i).padStart(2, '0')}.md`);

async function podcastDoc(title: string): Promise<string> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture('design-docs/podcast-recs.md')));
  return text.replace(/^title: .*$/m, `title: ${title}`).replace(/^# .*$/m, `# ${title}`);
}

async function write(rel: string, text: string): Promise<vscode.Uri> {
  const uri = fixture(rel);
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  return uri;
}

suite('Lint Workspace, Design Docs view, review report', () => {
  let team: vscode.Uri[] = [];
  let drafted: vscode.Uri;

  suiteSetup(async () => {
    await closeAll();
    team = [await write('team/checkout-fraud.md', await podcastDoc('Checkout fraud scoring')),
      await write('team/search-ranking.md', await podcastDoc('Search ranking'))];
    drafted = await write('drafts/hidden.md', await podcastDoc('Hidden draft'));
    const text = await podcastDoc('Bulk doc');
    for (let i = 0; i < 40; i++) await write(`bulk/doc-${String(i).padStart(2, '0')}.md`, text.replace(/Bulk doc/g, `Bulk doc ${i}`));
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/drafts': true }, vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  test('Lint Workspace can be cancelled: it stops between files and keeps what it did (before any full run)', async () => {
    const a = await api();
    const source = new vscode.CancellationTokenSource();
    const sub = a.server.onWorkspaceProgress((p) => { if (p.done >= 2) source.cancel(); });
    let result;
    try {
      result = await a.server.lintWorkspace({ publishDiagnostics: true }, source.token);
    } finally { sub.dispose(); }
    assert.strictEqual(result.cancelled, true);
    assert.ok(result.analysed >= 2 && result.analysed < result.files, `${result.analysed} of ${result.files}`);
    const linted = Array.from({ length: 40 }, (_, i) => mlsdDiagnostics(bulk(i)).length > 0).filter(Boolean).length;
    assert.ok(linted < 40, `${linted} of 40 bulk docs linted after cancelling`);
  });

  test('Lint Workspace publishes diagnostics for design docs that are not open, and none for excluded or non-design files', async () => {
    const a = await api();
    for (const uri of team) assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the team docs are not open');
    const outcome = await vscode.commands.executeCommand<LintWorkspaceOutcome>('mlsd.lintWorkspace');
    assert.strictEqual(outcome.cancelled, false);
    assert.strictEqual(outcome.error, undefined);
    assert.strictEqual(outcome.analysed, outcome.files);
    // podcast-recs, unsafe and the two team docs are design docs; README and notes are not.
    assert.ok(outcome.designDocs >= 43, `design docs: ${outcome.designDocs}`);
    for (const uri of team) {
      const ds = await waitFor(`diagnostics for ${uri.path}`, () => { const d = mlsdDiagnostics(uri); return d.length > 0 && d; });
      assert.ok(ds.some((d) => codeOf(d) === 'missing-step'), `${uri.path}: the copy lacks serving and monitoring`);
    }
    assert.deepStrictEqual(mlsdDiagnostics(drafted), [], 'files.exclude hides drafts/');
    assert.deepStrictEqual(mlsdDiagnostics(fixture('README.md')), [], 'the README is not a design doc');
    assert.deepStrictEqual(mlsdDiagnostics(fixture('notes/meeting.md')), [], 'notes are not design docs');
    assert.ok(a.lintWorkspace.last && !a.lintWorkspace.last.cancelled);
    // Including the bulk docs the cancelled run did not reach.
    await waitFor('all bulk docs linted', () => Array.from({ length: 40 }, (_, i) => mlsdDiagnostics(bulk(i)).length > 0).every(Boolean));
  });

  test('opening a linted doc does not duplicate its diagnostics', async () => {
    const uri = team[0];
    const closed = mlsdDiagnostics(uri).map((d) => `${d.range.start.line}:${codeOf(d)}:${d.message}`).sort();
    await open(uri);
    const a = await api();
    await waitFor('the open doc analysed', () => a.models.designDoc?.document.uri.toString() === uri.toString());
    const live = await waitFor('diagnostics of the open doc', () => { const d = mlsdDiagnostics(uri); return d.length > 0 && d; });
    const keys = live.map((d) => `${d.range.start.line}:${codeOf(d)}:${d.message}`).sort();
    assert.strictEqual(new Set(keys).size, keys.length, 'each finding once');
    assert.deepStrictEqual(keys, closed, 'the same findings as from disk: the text is the same');
    await closeAll();
  });

  test('a design doc written to disk afterwards gets diagnostics without being opened', async () => {
    const uri = await write('team/late-arrival.md', await podcastDoc('Late arrival'));
    await waitFor('diagnostics for the new file', () => mlsdDiagnostics(uri).some((d) => codeOf(d) === 'missing-step'), 30_000);
    team.push(uri);
  });

  test('Design Docs view lists every design doc with its coverage; the title command toggles the sort; a row opens the doc', async () => {
    const a = await api();
    await a.designDocs.ensureIndexed();
    const rows = await waitFor('the team docs in the view', async () => {
      await a.designDocs.refresh();
      const r = a.designDocs.getChildren();
      return team.every((u) => r.some((d) => d.uri === u.toString())) && r;
    });
    const titles = rows.map((d) => d.title);
    for (const t of ['Checkout fraud scoring', 'Search ranking', 'Late arrival', 'Podcast episode recommendations']) assert.ok(titles.includes(t), `${t} listed: ${titles.join(', ')}`);
    assert.ok(!titles.includes('Hidden draft'), 'files.exclude hides it from the view too');
    const fraud = rows.find((d) => d.title === 'Checkout fraud scoring')!;
    const item = a.designDocs.getTreeItem(fraud);
    assert.strictEqual(item.description, `${fraud.coveredCount}/7 · ${fraud.findingCount} finding${fraud.findingCount === 1 ? '' : 's'}`);
    assert.ok(fraud.coveredCount < 7 && fraud.missingCount === 2, JSON.stringify(fraud));
    const icon = (item.iconPath as vscode.ThemeIcon).id;
    assert.ok(!['warning', 'error', 'info'].includes(icon), `not a diagnostic icon: ${icon}`);
    assert.deepStrictEqual(item.command?.command, 'vscode.open');

    assert.strictEqual(a.designDocs.sort, 'coverage');
    const share = (d: typeof fraud) => d.coveredCount / d.stepCount;
    const byCoverage = a.designDocs.getChildren();
    for (let i = 1; i < byCoverage.length; i++) assert.ok(share(byCoverage[i - 1]) <= share(byCoverage[i]), 'least covered first');
    await vscode.commands.executeCommand('mlsd.toggleDesignDocsSort');
    assert.strictEqual(a.designDocs.sort, 'findings');
    const byFindings = a.designDocs.getChildren();
    for (let i = 1; i < byFindings.length; i++) assert.ok(byFindings[i - 1].findingCount >= byFindings[i].findingCount, 'most findings first');
    await vscode.commands.executeCommand('mlsd.toggleDesignDocsSort');
    assert.strictEqual(a.designDocs.sort, 'coverage');

    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    await waitFor('the doc opened from its row', () => vscode.window.activeTextEditor?.document.uri.toString() === fraud.uri);
    await closeAll();
  });

  test('Open Review Report shows the workspace report and the current doc\'s in a webview', async () => {
    const all = await vscode.commands.executeCommand<ReportSnapshot>('mlsd.openReviewReport', 'workspace');
    assert.strictEqual(all.open, true);
    assert.strictEqual(all.scope, 'workspace');
    assert.ok((all.docCount ?? 0) >= 4, `docs in the report: ${all.docCount}`);
    assert.match(all.title ?? '', /^Review of \d+ design docs$/);
    await open('design-docs/podcast-recs.md');
    const one = await vscode.commands.executeCommand<ReportSnapshot>('mlsd.openReviewReport', 'document');
    assert.strictEqual(one.scope, 'document');
    assert.strictEqual(one.docCount, 1);
    assert.strictEqual(one.title, 'Review: Podcast episode recommendations');
    const webviewTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    await waitFor(`a webview tab titled "${one.title}" (tabs: ${webviewTabs().map((t) => t.label).join(', ')})`, () => webviewTabs().some((t) => t.label === one.title));
    assert.strictEqual(webviewTabs().filter((t) => (t.input as vscode.TabInputWebview).viewType.endsWith('mlsd.reviewReport')).length, 1, 'one report panel, re-used');
  });
});
