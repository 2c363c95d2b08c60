import * as l10n from '@vscode/l10n';
import type { Rule, RuleContext, RuleFinding } from './rule';
import type { DesignDoc, Range } from '../types';
import { findFirst } from '../phrases';
import { firstInDoc } from '../chunk-facts';
import { docMentions, detectTask } from './task';
import { locateText, proseBlocks, stepIdsWithRole } from './helpers';

/**
 * Two questions a reviewer asks of a classifier whose scores drive a decision:
 *  - where the errors cost differently (fraud, moderation, medical, safety — said in the title, the
 *    requirements or the framing), which threshold is the operating point, from what cost trade-off;
 *  - where the score is used as a probability (auctions, bidding) or the negatives are downsampled,
 *    how the scores are calibrated.
 * Each fires only when the doc names the need and has no word of the answer anywhere.
 */
export const noOperatingPoint: Rule = {
  meta: {
    id: 'no-operating-point',
    description: 'Errors cost differently (or probabilities are used as such) and the doc sets no threshold, cost trade-off or calibration.',
    defaultSeverity: 'warning',
    tags: ['evaluation', 'model'],
    fixable: false,
  },
  check(doc, ctx) {
    const task = detectTask(doc, ctx);
    // A ranking or a regression has no single decision threshold to ask for.
    if (task === 'ranking' || task === 'regression') return [];
    const lex = ctx.lexicon;
    const findings: RuleFinding[] = [];
    const domain = hasEvaluation(doc, ctx) ? domainEvidence(doc, ctx) : undefined;
    if (domain && !docMentions(doc, lex.operatingPointWords)) {
      const metric = firstInDoc(doc, trackedMetrics(ctx), (b) => (b.kind !== 'code' && b.kind !== 'html' && findFirst(b.text, trackedMetrics(ctx))) || null);
      findings.push({
        message: metric
          ? l10n.t('Errors cost differently here ("{0}"): the doc measures "{1}" but sets no threshold or cost trade-off. Where is the operating point — which threshold, chosen from what cost of a missed case versus a false alarm?', domain.text, metric.hit.text)
          : l10n.t('Errors cost differently here ("{0}"): the doc sets no threshold or cost trade-off. Where is the operating point — which threshold, chosen from what cost of a missed case versus a false alarm?', domain.text),
        range: domain.range,
        data: { step: domain.stepId, need: 'operating-point', domain: domain.text },
      });
    }
    const need = firstInDoc(doc, lex.calibrationNeeds, (b) => (b.kind !== 'heading' && b.kind !== 'code' && b.kind !== 'html' && findFirst(b.text, lex.calibrationNeeds)) || null);
    if (need && !docMentions(doc, lex.calibrationWords)) {
      const block = doc.blocks[need.index];
      findings.push({
        message: l10n.t('The scores are used as probabilities ("{0}"), but the doc has no calibration step. How are predicted probabilities kept calibrated (after any downsampling, e.g. Platt or isotonic on unsampled data), and how is calibration checked?', need.hit.text),
        range: locateText(block, ctx.lines, need.hit.text),
        data: { step: block.stepId ?? '', need: 'calibration', evidence: need.hit.text },
      });
    }
    return findings;
  },
};

/** The doc got as far as evaluating: its evaluation step has a section, or is covered in passing. */
function hasEvaluation(doc: DesignDoc, ctx: RuleContext): boolean {
  const ids = stepIdsWithRole(ctx, 'evaluation');
  return doc.steps.some((s) => ids.has(s.id) && s.status !== 'missing');
}

const metricLists = new WeakMap<object, string[]>();
/** The metrics that imply a decision threshold (precision, recall, F1, false positive rate…). */
function trackedMetrics(ctx: RuleContext): string[] {
  let list = metricLists.get(ctx.lexicon.metrics);
  if (!list) {
    list = ctx.lexicon.metrics.filter((m) => ['precision', 'recall', 'f1', 'pr-auc'].includes(m.id)).flatMap((m) => m.phrases);
    metricLists.set(ctx.lexicon.metrics, list);
  }
  return list;
}

/** Where the doc says its errors cost differently: the title, else the requirements or the framing. */
function domainEvidence(doc: DesignDoc, ctx: RuleContext): { text: string; range: Range; stepId: string } | undefined {
  const domains = ctx.lexicon.unequalCostDomains;
  const title = doc.headings.find((h) => h.mappedBy === 'title');
  const inTitle = title && findFirst(title.text, domains);
  if (title && inTitle) return { text: inTitle.text, range: title.range, stepId: '' };
  const ids = new Set([...stepIdsWithRole(ctx, 'requirements'), ...stepIdsWithRole(ctx, 'framing')]);
  for (const block of proseBlocks(doc, ids)) {
    if (block.kind === 'heading') continue;
    const hit = findFirst(block.text, domains);
    if (hit) return { text: hit.text, range: locateText(block, ctx.lines, hit.text), stepId: block.stepId ?? '' };
  }
  return undefined;
}

