/**
 * "$(checklist) 5/7" — design steps covered, for design docs only; click focuses the outline. The findings
 * are not repeated here: the Problems item beside it already counts them.
 */
import * as vscode from 'vscode';
import { Commands } from './commands/ids';
import { settings } from './config';
import type { CurrentModel, ModelStore } from './modelStore';
import { STATUS_LABELS, STATUS_MEANINGS } from './views/outlineItems';

/** Said in the tooltip in Restricted Mode (an untrusted workspace). */
export const RESTRICTED_NOTE = vscode.l10n.t("Restricted Mode: the workspace's framework file is not read; the built-in seven steps are used until you trust this folder");

export function coverageText(c: CurrentModel): string {
  return `$(checklist) ${c.model.coveredCount}/${c.model.stepCount}`;
}

/** What the numbers mean, which steps are left, and what a click does. */
export function coverageTooltip(c: CurrentModel, trusted: boolean): string {
  const { coveredCount, stepCount, tooComplex, steps } = c.model;
  const open = steps.filter((s) => s.status !== 'covered')
    .map((s) => `${s.title} (${STATUS_LABELS[s.status] ?? s.status}${s.inPassing ? `, ${vscode.l10n.t('only in passing')}` : ''})`);
  // Only covered steps count; each state left open is explained once, in the order a writer meets them.
  const states = (['not-started', 'thin', 'missing'] as const).filter((st) => steps.some((s) => s.status === st));
  return vscode.l10n.t('ML system design: {0} of {1} design steps covered', coveredCount, stepCount) +
    (open.length ? `\n${vscode.l10n.t('Still to do: {0}', open.join(', '))}` : `\n${vscode.l10n.t('Every step has a section')}`) +
    states.map((st) => `\n${STATUS_LABELS[st]}: ${STATUS_MEANINGS[st]}`).join('') +
    (tooComplex ? `\n${vscode.l10n.t('Part of the doc was too complex to analyse')}` : '') +
    (trusted ? '' : `\n${RESTRICTED_NOTE}`) + `\n${vscode.l10n.t('Findings are in the Problems panel · click to open Design Steps')}`;
}

export class CoverageStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('mlsd.coverage', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: ModelStore) {
    this.item.name = vscode.l10n.t('MLSD Coverage');
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
    this.item.text = coverageText(c);
    this.item.tooltip = coverageTooltip(c, vscode.workspace.isTrusted);
    this.item.accessibilityInformation = { label: this.item.tooltip.replace(/\n/g, '. ') };
    this.item.show();
  }

  dispose(): void { for (const s of this.subscriptions) s.dispose(); }
}
