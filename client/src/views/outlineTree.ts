/** The "Design Steps" tree: one row per framework step of the active design doc, refreshed with the model. */
import * as vscode from 'vscode';
import type { ModelStore } from '../modelStore';
import { children, toTreeItem, type OutlineNode } from './outlineItems';

export class OutlineProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ModelStore) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem { return toTreeItem(node); }

  getChildren(node?: OutlineNode): OutlineNode[] {
    if (node) return children(node);
    const current = this.store.designDoc;           // empty for non-design docs → the welcome view shows
    if (!current) return [];
    return current.model.steps.map((step): OutlineNode => ({ kind: 'step', uri: current.document.uri, step }));
  }

  getParent(node: OutlineNode): OutlineNode | undefined {
    return node.kind === 'step' ? undefined : { kind: 'step', uri: node.uri, step: node.step };
  }

  dispose(): void { this.subscription.dispose(); this.changed.dispose(); }
}

/** Registers the provider under both view ids and keeps their titles' descriptions current. */
export function registerOutlineViews(store: ModelStore, viewIds: readonly string[]): { provider: OutlineProvider; views: vscode.TreeView<OutlineNode>[]; disposables: vscode.Disposable[] } {
  const provider = new OutlineProvider(store);
  const views = viewIds.map((id) => vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true }));
  const describe = () => {
    const c = store.designDoc;
    for (const v of views) v.description = c ? `${c.model.coveredCount}/${c.model.stepCount}` : undefined;   // short: the title must fit a narrow sidebar
  };
  const disposables: vscode.Disposable[] = [provider, ...views, store.onDidChange(describe)];
  describe();
  return { provider, views, disposables };
}
