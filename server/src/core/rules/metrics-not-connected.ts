import * as l10n from '@vscode/l10n';
import type { Rule } from './rule';
import type { TextBlock } from '../types';
import { firstInDoc } from '../chunk-facts';
import { findFirst, type PhraseHit } from '../phrases';
import { docMentions } from './task';
import { firstPatternHit, locateText } from './helpers';

type Probe = Pick<TextBlock, 'kind' | 'text'>;

/**
 * An online test with nothing that decides it: the doc plans an A/B test (in prose, not only a
 * heading or a question) and nowhere says what result ships the model — no significance, no lift of
 * so many percent, no guardrail, no success criterion. Whether offline metrics are tied to the
 * online one is not asked yet: too many docs state the link in words no list can hold.
 */
export const metricsNotConnected: Rule = {
  meta: {
    id: 'metrics-not-connected',
    description: 'An online test is planned with no success criterion (no target lift, significance or guardrail).',
    defaultSeverity: 'info',
    tags: ['evaluation'],
    fixable: false,
  },
  check(doc, ctx) {
    const lex = ctx.lexicon;
    const test = firstInDoc(doc, lex.onlineTestWords, (b) => (statement(b) && plannedTest(b.text, lex.onlineTestWords, lex.onlineTestNegations)) || null);
    if (!test) return [];
    if (docMentions(doc, lex.successCriteria) || firstInDoc(doc, lex.successCriteriaPatterns, (b) => (b.kind !== 'code' && b.kind !== 'html' && firstPatternHit(b.text, lex.successCriteriaPatterns)) || null) !== undefined) return [];
    const block = doc.blocks[test.index];
    return [{
      message: l10n.t('The doc plans an online test ("{0}") but gives no success criterion. What result ships the model: which metric must move by how much, at what significance, and which guardrail metrics must not drop?', test.hit.text),
      range: locateText(block, ctx.lines, test.hit.text),
      data: { step: block.stepId ?? '', test: test.hit.text },
    }];
  },
};

function statement(b: Probe): boolean {
  return b.kind !== 'heading' && b.kind !== 'code' && b.kind !== 'html' && !/\?\s*$/.test(b.text);
}

/** The first sentence that plans a test, not one that rules it out ("an A/B test is impossible here"). */
function plannedTest(text: string, tests: string[], negations: string[]): PhraseHit | undefined {
  if (!findFirst(text, tests)) return undefined; // most blocks name no test: no sentence to read
  for (const sentence of text.split(/(?<=[.;!?])\s+/)) {
    const hit = findFirst(sentence, tests);
    if (hit && !findFirst(sentence, negations)) return { index: text.indexOf(sentence) + hit.index, text: hit.text };
  }
  return undefined;
}


