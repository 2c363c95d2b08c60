/** "MLSD 5/7 · 3" — steps covered · findings, for design docs only; click focuses the outline. */
import * as vscode from 'vscode';
import { Commands } from './commands/ids';
import { settings } from './config';
import type { CurrentModel, ModelStore } from './modelStore';

/** Said in the tooltip in Restricted Mode (an untrusted workspace). */
export const RESTRICTED_NOTE = 'Restricted Mode: the workspace\'s framework file is not read; the built-in seven steps are used until you trust this folder';

export function coverageText(c: CurrentModel): string {
  return `MLSD ${c.model.coveredCount}/${c.model.stepCount} · ${c.model.findingCount}`;
}

export class CoverageStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('mlsd.coverage', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: ModelStore) {
    this.item.name = 'MLSD Coverage';
    this.item.command = Commands.focusOutline;
    this.subscriptions = [
      this.item,
      store.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  update(): void {
    const c = this.store.designDoc;
    const active = vscode.window.activeTextEditor?.document;
    // Hidden for other files; kept while focus is in a panel or the case-study webview (no active editor).
    if (!c || (active && active !== c.document) || !settings.enabled(c.document)) { this.item.hide(); return; }
    const { coveredCount, stepCount, findingCount, tooComplex } = c.model;
    this.item.text = coverageText(c);
    this.item.tooltip = `${coveredCount} of ${stepCount} design steps covered · ${findingCount} finding${findingCount === 1 ? '' : 's'}` +
      (tooComplex ? ' · part of the doc was too complex to analyse' : '') +
      (vscode.workspace.isTrusted ? '' : `\n${RESTRICTED_NOTE}`) + '\nClick to open the Design Steps outline';
    this.item.accessibilityInformation = { label: this.item.tooltip.replace(/\n/g, '. ') };
    this.item.show();
  }

  dispose(): void { for (const s of this.subscriptions) s.dispose(); }
}
