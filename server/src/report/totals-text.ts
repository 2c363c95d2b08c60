/** A step's totals as a sentence a lead can repeat: "2 of 5 docs have no Monitoring; 1 more covers it thinly". */
import * as l10n from '@vscode/l10n';
import type { StepTotals } from './collect';

/** "3 design docs scored, 1 skipped · made by mlsd" (both report formats). */
export function scoredLine(scored: number, skipped: number): string {
  return scored === 1 ? l10n.t('{0} design doc scored, {1} skipped · made by mlsd', scored, skipped) : l10n.t('{0} design docs scored, {1} skipped · made by mlsd', scored, skipped);
}

export function totalsSentence(c: StepTotals, docCount: number): string {
  // One key per English form (doc/docs, has/have); a translation may word them all alike.
  const none = docCount === 1
    ? (c.missing === 1 ? l10n.t('{0} of {1} doc has no {2}', c.missing, docCount, c.title) : l10n.t('{0} of {1} doc have no {2}', c.missing, docCount, c.title))
    : (c.missing === 1 ? l10n.t('{0} of {1} docs has no {2}', c.missing, docCount, c.title) : l10n.t('{0} of {1} docs have no {2}', c.missing, docCount, c.title));
  const parts = [none];
  if (c.thin) parts.push(c.thin === 1 ? l10n.t('{0} more covers it thinly', c.thin) : l10n.t('{0} more cover it thinly', c.thin));
  return parts.join('; ');
}
