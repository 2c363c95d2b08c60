/**
 * The "Design Docs" tree: every design doc in the workspace with its step coverage, from the server's
 * workspace index (mlsd/workspaceDocs). Sorted least covered first, or most findings first (a view
 * title command toggles it). The first time the view is shown the server indexes the workspace —
 * without publishing diagnostics, which only "Lint Workspace" does.
 */
import * as vscode from 'vscode';
import type { WorkspaceDoc } from '../../../server/src/protocol';
import { ContextKeys, Views } from '../commands/ids';
import type { MlsdServer } from '../server';

export type DesignDocsSort = 'coverage' | 'findings';

/** Icons say how complete a doc is — not problem-like (no warning or error shapes). */
export function coverageIcon(d: WorkspaceDoc): string {
  if (d.stepCount > 0 && d.coveredCount === d.stepCount) return 'circle-large-filled';
  if (d.missingCount > 0) return 'circle-large-outline';
  return 'pie-chart';
}

export function sortDocs(docs: readonly WorkspaceDoc[], by: DesignDocsSort): WorkspaceDoc[] {
  const share = (d: WorkspaceDoc) => (d.stepCount ? d.coveredCount / d.stepCount : 0);
  return [...docs].sort((a, b) => (by === 'coverage'
    ? share(a) - share(b) || b.missingCount - a.missingCount || b.findingCount - a.findingCount
    : b.findingCount - a.findingCount || share(a) - share(b)) || a.title.localeCompare(b.title, undefined, { numeric: true }));
}

export function toTreeItem(d: WorkspaceDoc): vscode.TreeItem {
  const uri = vscode.Uri.parse(d.uri);
  const item = new vscode.TreeItem(d.title, vscode.TreeItemCollapsibleState.None);
  item.id = d.uri;
  // No resourceUri: the editor would colour the row and add a problem count, which looks like a diagnostic.
  const findings = d.findingCount === 1 ? vscode.l10n.t('{0} finding', 1) : vscode.l10n.t('{0} findings', d.findingCount);
  item.description = `${d.coveredCount}/${d.stepCount} · ${findings}`;
  item.iconPath = new vscode.ThemeIcon(coverageIcon(d));
  item.tooltip = new vscode.MarkdownString().appendText(`${vscode.workspace.asRelativePath(uri)}\n\n`)
    .appendText(`${vscode.l10n.t('{0} covered, {1} thin, {2} missing of {3} steps', d.coveredCount, d.thinCount, d.missingCount, d.stepCount)} · ${findings}`);
  item.contextValue = 'mlsd.designDoc';
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Design Doc'), arguments: [uri] };
  return item;
}

export class DesignDocsProvider implements vscode.TreeDataProvider<WorkspaceDoc>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private docs: WorkspaceDoc[] = [];
  private indexed = false;
  private sortBy: DesignDocsSort = 'coverage';
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly view: vscode.TreeView<WorkspaceDoc>;
  private indexing: Promise<void> | undefined;

  constructor(private readonly server: MlsdServer, private readonly log: vscode.OutputChannel) {
    this.view = vscode.window.createTreeView(Views.designDocs, { treeDataProvider: this });
    this.subscriptions.push(this.view, this.changed,
      server.onWorkspaceDocsChanged(() => this.scheduleRefresh()),
      this.view.onDidChangeVisibility((e) => { if (e.visible) void this.ensureIndexed(); }));
    void this.setContext();
    if (this.view.visible) void this.ensureIndexed();
  }

  get sort(): DesignDocsSort { return this.sortBy; }

  /** The rows in the order shown (tests read them). */
  get rows(): WorkspaceDoc[] { return sortDocs(this.docs, this.sortBy); }

  getTreeItem(d: WorkspaceDoc): vscode.TreeItem { return toTreeItem(d); }

  getChildren(d?: WorkspaceDoc): WorkspaceDoc[] { return d ? [] : this.rows; }

  toggleSort(): void {
    this.sortBy = this.sortBy === 'coverage' ? 'findings' : 'coverage';
    void this.setContext();
    this.changed.fire(undefined);
  }

  /** Indexes the workspace once (the server skips nothing it has done already), then shows the list. */
  ensureIndexed(): Promise<void> {
    if (this.indexed) return Promise.resolve();
    this.indexing ??= this.server.lintWorkspace({ publishDiagnostics: false })
      .then(() => this.refresh())
      .catch((err: unknown) => { this.log.appendLine(`[client] indexing the workspace failed: ${String(err)}`); })
      .finally(() => { this.indexing = undefined; });
    return this.indexing;
  }

  async refresh(): Promise<void> {
    try {
      const r = await this.server.workspaceDocs();
      this.docs = r.docs;
      this.indexed = r.indexed;
    } catch (err) {
      this.log.appendLine(`[client] mlsd/workspaceDocs failed: ${String(err)}`);
      return;
    }
    void this.setContext();
    this.changed.fire(undefined);
  }

  /** Many files change at once (a checkout): one refresh for the burst. */
  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => { this.refreshTimer = undefined; void this.refresh(); }, 150);
  }

  private async setContext(): Promise<void> {
    this.view.description = this.docs.length ? `by ${this.sortBy}` : undefined;
    await vscode.commands.executeCommand('setContext', ContextKeys.designDocsSort, this.sortBy);
    await vscode.commands.executeCommand('setContext', ContextKeys.designDocsIndexed, this.indexed);
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const s of this.subscriptions) s.dispose();
  }
}
