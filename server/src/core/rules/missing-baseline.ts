import type { Rule } from './rule';
import { modelMentions } from './model-choices';
import { locateInBlock } from './helpers';
import { findFirst } from '../phrases';
import { docMentions } from './task';

export const missingBaseline: Rule = {
  meta: {
    id: 'missing-baseline',
    description: 'A complex model is chosen and no simple baseline is named.',
    defaultSeverity: 'warning',
    tags: ['model', 'reasoning'],
    fixable: false,
  },
  check(doc, ctx) {
    const mentions = modelMentions(doc, ctx);
    const complex = mentions.find((m) => m.families.some((f) => f.tier === 'complex'));
    if (!complex) return [];
    if (mentions.some((m) => m.families.some((f) => f.tier === 'simple'))) return [];
    // The lexicon's words (and a language pack's: "бейзлайна") name a baseline anywhere in the doc.
    if (docMentions(doc, ctx.lexicon.baselineWords)) return [];
    const family = complex.families.find((f) => f.tier === 'complex')!;
    return [{
      message: `A complex model (${family.label}) is chosen but no simple baseline is named. What does it have to beat: popularity, logistic regression, a heuristic?`,
      range: locateInBlock(complex.block, ctx.lines, (line) => {
        const hit = findFirst(line, family.phrases);
        return hit && { index: hit.index, length: hit.text.length };
      }),
      data: { step: complex.block.stepId ?? '', family: family.id },
    }];
  },
};
