import * as l10n from '@vscode/l10n';
import type { Rule, RuleContext, RuleFinding } from './rule';
import type { DesignDoc, TextBlock } from '../types';
import { firstInDoc } from '../chunk-facts';
import { findFirst } from '../phrases';
import { docMentions, detectTask } from './task';
import { firstPatternHit, locateText } from './helpers';

type Probe = Pick<TextBlock, 'kind' | 'text'>;

/**
 * Labels whose definition decides what the model learns, asked only where the doc itself ties its
 * labels (one sentence naming labels, a target or positives) to
 *  - an outcome known only later (chargebacks, conversions, churn) and gives no label window or
 *    delay handling anywhere, or
 *  - clicks or engagement on what a ranking system showed, with no word of position bias,
 *    propensity or exploration anywhere.
 */
export const labelDefinition: Rule = {
  meta: {
    id: 'label-definition',
    description: 'Labels come from a delayed outcome or from clicks on the system\'s own ranking, with no label window or bias correction.',
    defaultSeverity: 'warning',
    tags: ['data', 'labels'],
    fixable: false,
  },
  check(doc, ctx) {
    const lex = ctx.lexicon;
    const findings: RuleFinding[] = [];
    const delayed = labelledWith(doc, ctx, lex.delayedOutcomes);
    if (delayed && !docMentions(doc, lex.labelWindowWords) && firstInDoc(doc, lex.labelWindowPatterns, (b) => (prose(b) && firstPatternHit(b.text, lex.labelWindowPatterns)) || null) === undefined) {
      const block = doc.blocks[delayed.index];
      findings.push({
        message: l10n.t('Labels come from a delayed outcome ("{0}") but the doc gives no label window or delay handling. How long after the event is a label final, and how are recent, not-yet-labelled examples treated in training and evaluation?', delayed.hit.text),
        range: locateText(block, ctx.lines, delayed.hit.text),
        data: { step: block.stepId ?? '', label: 'delayed', outcome: delayed.hit.text },
      });
    }
    if (detectTask(doc, ctx) === 'ranking') {
      const clicks = labelledWith(doc, ctx, lex.clickLabels);
      if (clicks && !docMentions(doc, lex.positionBiasWords)) {
        const block = doc.blocks[clicks.index];
        findings.push({
          message: l10n.t('Labels come from how users reacted to what the system showed ("{0}"), with no word of position bias or exploration. How will the model learn relevance rather than the current ranking\'s positions — position as a training feature, propensity weights, a randomised slice?', clicks.hit.text),
          range: locateText(block, ctx.lines, clicks.hit.text),
          data: { step: block.stepId ?? '', label: 'position-bias', signal: clicks.hit.text },
        });
      }
    }
    return findings;
  },
};

function prose(b: Probe): boolean {
  return b.kind !== 'heading' && b.kind !== 'code' && b.kind !== 'html' && !/\?\s*$/.test(b.text);
}

/** The first sentence that names labels (or a target) and one of the outcome words, with the outcome word. */
function labelledWith(doc: DesignDoc, ctx: RuleContext, outcomes: string[]) {
  const labels = ctx.lexicon.labelWords;
  return firstInDoc(doc, outcomes, (b) => {
    // Most blocks name no outcome at all: only those that do are read sentence by sentence.
    if (!prose(b) || !findFirst(b.text, outcomes)) return null;
    for (const sentence of b.text.split(/(?<=[.;!?])\s+/)) {
      const outcome = findFirst(sentence, outcomes);
      if (outcome && findFirst(sentence, labels)) return outcome;
    }
    return null;
  });
}


