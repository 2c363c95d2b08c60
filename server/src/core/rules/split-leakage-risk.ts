import * as l10n from '@vscode/l10n';
import type { Rule, RuleContext } from './rule';
import type { DesignDoc, TextBlock } from '../types';
import { allInDoc, firstInDoc } from '../chunk-facts';
import { findFirst } from '../phrases';
import { firstPatternHit, locateText, stepIdsWithRole } from './helpers';
import { noteAfterBlockEdit } from '../fixes';

type Probe = Pick<TextBlock, 'kind' | 'text'>;

/**
 * The doc splits its data (at random, k-fold, by a ratio, or just "into train and test") and says
 * no word of time or groups, while its own data is time-ordered (click logs, transactions) or comes
 * in groups (frames of a clip, pairs of one query). Conservative by design: a time- or group-based
 * rule anywhere in the doc — another section, another wording — is an answer, and a doc that
 * never states a split is left to missing-topic.
 */
export const splitLeakageRisk: Rule = {
  meta: {
    id: 'split-leakage-risk',
    description: 'The data is time-ordered or grouped, and the split the doc describes has no time or group rule.',
    defaultSeverity: 'warning',
    tags: ['data', 'evaluation', 'leakage'],
    fixable: true,
  },
  check(doc, ctx) {
    const lex = ctx.lexicon;
    if (firstInDoc(doc, lex.timeOrGroupSplits, (b) => (prose(b) && (findFirst(b.text, lex.timeOrGroupSplits) ?? firstPatternHit(b.text, lex.timeOrGroupSplitPatterns))) || null) !== undefined) return [];
    const split = firstInDoc(doc, lex.splitStatements, (b) => (statement(b) && (findFirst(b.text, lex.splitStatements) ?? firstPatternHit(b.text, lex.splitStatementPatterns))) || null);
    if (!split) return [];
    const evidence = groupEvidence(doc, ctx) ?? timeEvidence(doc, ctx);
    if (!evidence) return [];
    const block = doc.blocks[split.index];
    const said = split.hit.text.trim();
    const where = doc.blocks[evidence.index];
    const message = evidence.unit
      ? l10n.t('The data comes in groups ("{0}") but the split ("{1}") gives no group rule. Which key keeps every {2} on one side, so near-copies of a training row are not in the test set?', evidence.hit.text, said, evidence.unit)
      : l10n.t('The data is time-ordered ("{0}") but the split ("{1}") gives no time rule. Which time key keeps the future out of training — train on earlier days, validate and test on later ones?', evidence.hit.text, said);
    const todo = evidence.unit
      ? `split by ${evidence.unit} — every ${evidence.unit} on one side only (group split on its id)`
      : `split by time on the timestamp of "${evidence.hit.text}" — train on the earliest period, validate and test on the latest, no overlap`;
    const edit = noteAfterBlockEdit(block, ctx.lines, 'Split', todo);
    return [{
      message,
      range: locateText(block, ctx.lines, said),
      data: { step: block.stepId ?? '', key: evidence.hit.text, ...(evidence.unit ? { group: evidence.unit } : { order: 'time' }) },
      related: [{ range: locateText(where, ctx.lines, evidence.hit.text), message: evidence.unit ? l10n.t('grouped data: "{0}"', evidence.hit.text) : l10n.t('time-ordered data: "{0}"', evidence.hit.text) }],
      fixes: edit ? [{ title: l10n.t('Add a "Split" line with the doc\'s own key'), edits: [edit] }] : undefined,
    }];
  },
};

function prose(b: Probe): boolean {
  return b.kind !== 'heading' && b.kind !== 'code' && b.kind !== 'html';
}

/** A statement, not a prompt: "What cross-validation strategy will be used?" asks, it does not split. */
function statement(b: Probe): boolean {
  return prose(b) && !/\?\s*$/.test(b.text);
}


/** Steps where the doc describes its data: "database transactions" under Serving are no training rows. */
function dataSteps(ctx: RuleContext): Set<string> {
  return new Set(['requirements', 'framing', 'data', 'model', 'evaluation'].flatMap((role) => [...stepIdsWithRole(ctx, role)]));
}

/** The first block in a data-describing step that mentions one of the phrases (hits cached per chunk). */
function firstInDataSteps(doc: DesignDoc, ctx: RuleContext, phrases: string[]) {
  const steps = dataSteps(ctx);
  return allInDoc(doc, phrases, (b) => (prose(b) && findFirst(b.text, phrases)) || null)
    .find((f) => steps.has(doc.blocks[f.index].stepId ?? ''));
}

function timeEvidence(doc: DesignDoc, ctx: RuleContext) {
  const found = firstInDataSteps(doc, ctx, ctx.lexicon.timeOrderedData);
  return found && { ...found, unit: undefined };
}

function groupEvidence(doc: DesignDoc, ctx: RuleContext) {
  for (const group of ctx.lexicon.groupedData) {
    const found = firstInDataSteps(doc, ctx, group.phrases);
    if (found) return { ...found, unit: group.unit };
  }
  return undefined;
}

