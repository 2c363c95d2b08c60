/** Tree rows of the "Design Steps" view, built from the server's outline (no Markdown parsing here). */
import * as vscode from 'vscode';
import type { OutlineHeading, OutlineStep, OutlineTopic, WireRange } from '../../../server/src/protocol';
import { Commands } from '../commands/ids';

export type OutlineNode =
  | { kind: 'step'; uri: vscode.Uri; step: OutlineStep }
  | { kind: 'heading'; uri: vscode.Uri; step: OutlineStep; heading: OutlineHeading; index: number }
  | { kind: 'topic'; uri: vscode.Uri; step: OutlineStep; topic: OutlineTopic };

export function toRange(r: WireRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** "1 finding" / "3 findings": one key per English form (a translation may use one form for both). */
const findingsText = (n: number) => (n === 1 ? vscode.l10n.t('{0} finding', n) : vscode.l10n.t('{0} findings', n));
const promptsText = (n: number) => (n === 1 ? vscode.l10n.t('{0} prompt waiting for an answer', n) : vscode.l10n.t('{0} prompts waiting for an answer', n));

/** A step's state in words ("not started", not the wire's `not-started`). */
export const STATUS_LABELS: Record<OutlineStep['status'], string> = { covered: vscode.l10n.t('covered'), thin: vscode.l10n.t('thin'), 'not-started': vscode.l10n.t('not started'), missing: vscode.l10n.t('missing') };
const statusLabel = (step: OutlineStep) => STATUS_LABELS[step.status] ?? step.status;

/** What each state means, said once for the row tooltips and the status bar's. */
export const STATUS_MEANINGS: Record<OutlineStep['status'], string> = {
  covered: vscode.l10n.t('a section with enough written in it'),
  thin: vscode.l10n.t('a section that needs more, or a step mentioned only in passing under other steps'),
  'not-started': vscode.l10n.t("a section holding only the template's prompts, no answer yet"),
  missing: vscode.l10n.t('no section and no mention'),
};

/** The row's grey text: the state when it is not covered, then the findings (never next to a pass mark). */
export function stepDescription(step: OutlineStep): string {
  const parts: string[] = [];
  if (step.status !== 'covered') parts.push(statusLabel(step));
  if (step.inPassing) parts.push(vscode.l10n.t('only in passing'));
  if (step.findingCount > 0) parts.push(findingsText(step.findingCount));
  return parts.join(' · ');
}

/**
 * Step states as progress marks, not as diagnostics: no warning triangle or red circle (those belong
 * to the Problems view, and the findings are counted there). Covered = a pass mark; thin = a part-filled
 * pie; not started (only template prompts) = an empty circle; missing = a slashed circle, all in the
 * default foreground. The icon carries the state, so the text never repeats it as ✓ or ✗.
 */
export const STEP_ICONS = {
  covered: 'pass', coveredWithFindings: 'circle-large-filled', thin: 'pie-chart', 'not-started': 'circle-large-outline', missing: 'circle-slash',
} as const;

/** A covered step with findings gets a plain filled circle: no pass mark next to "3 findings". */
export function stepIcon(step: OutlineStep): vscode.ThemeIcon {
  if (step.status === 'covered' && step.findingCount > 0) return new vscode.ThemeIcon(STEP_ICONS.coveredWithFindings);
  return new vscode.ThemeIcon(STEP_ICONS[step.status] ?? STEP_ICONS.missing);
}

function revealCommand(uri: vscode.Uri, range: WireRange | undefined, title: string): vscode.Command | undefined {
  return range ? { command: Commands.revealStep, title, arguments: [uri, toRange(range)] } : undefined;
}

export function children(node: OutlineNode): OutlineNode[] {
  if (node.kind !== 'step') return [];
  const { uri, step } = node;
  return [
    ...step.headings.map((heading, index): OutlineNode => ({ kind: 'heading', uri, step, heading, index })),
    ...step.topics.map((topic): OutlineNode => ({ kind: 'topic', uri, step, topic })),
  ];
}

export function toTreeItem(node: OutlineNode): vscode.TreeItem {
  switch (node.kind) {
    case 'step': {
      const { step } = node;
      const hasChildren = step.headings.length + step.topics.length > 0;
      const item = new vscode.TreeItem(step.title,
        hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `step:${step.id}`;
      item.description = stepDescription(step);
      item.iconPath = stepIcon(step);
      // In passing is thin, but like a missing step it has no section to go to: Insert Step is offered.
      item.contextValue = step.inPassing ? 'mlsd.step.inPassing' : `mlsd.step.${step.status}`;
      item.tooltip = new vscode.MarkdownString(
        `**${step.title}** — ${statusLabel(step)}: ${step.inPassing ? vscode.l10n.t('no section of its own; its topics show up only in passing under other steps') : STATUS_MEANINGS[step.status]}` +
        (step.status === 'not-started' && step.promptCount ? `\n\n${promptsText(step.promptCount)}` : '') +
        (step.findingCount ? `\n\n${findingsText(step.findingCount)}` : '') +
        (step.status === 'missing' || step.inPassing ? `\n\n${vscode.l10n.t('Use *Insert Step* to add its skeleton.')}` : ''));
      item.accessibilityInformation = { label: `${step.title}, ${statusLabel(step)}${item.description ? `, ${item.description}` : ''}` };
      item.command = revealCommand(node.uri, step.range, vscode.l10n.t('Go to step'));
      return item;
    }
    case 'heading': {
      const item = new vscode.TreeItem(node.heading.text || vscode.l10n.t('(empty heading)'));
      item.id = `step:${node.step.id}/heading:${node.index}`;
      item.description = `H${node.heading.depth}`;
      // How mlsd read the heading, so a wrong mapping can be seen (and fixed with <!-- mlsd-step: id -->).
      if (node.heading.why) item.tooltip = vscode.l10n.t('Read as {0}: {1}. Put <!-- mlsd-step: step-id --> above the heading to change it.', node.step.title, node.heading.why);
      item.iconPath = new vscode.ThemeIcon('symbol-string');
      item.contextValue = 'mlsd.heading';
      item.command = revealCommand(node.uri, node.heading.range, vscode.l10n.t('Go to heading'));
      return item;
    }
    case 'topic': {
      const { topic } = node;
      const item = new vscode.TreeItem(topic.label);
      item.id = `step:${node.step.id}/topic:${topic.id}`;
      // The icon says covered or not; the text says it once in words only when it is not covered.
      item.description = topic.covered ? undefined : vscode.l10n.t('not covered');
      item.iconPath = new vscode.ThemeIcon(topic.covered ? 'pass' : 'circle-large-outline');
      item.contextValue = topic.covered ? 'mlsd.topic.covered' : 'mlsd.topic.missing';
      const state = topic.covered ? vscode.l10n.t('covered') : vscode.l10n.t('not covered');
      item.tooltip = `${topic.label}: ${state}`;
      item.accessibilityInformation = { label: `${topic.label}, ${state}` };
      item.command = revealCommand(node.uri, topic.range, vscode.l10n.t('Go to topic'));
      return item;
    }
  }
}
