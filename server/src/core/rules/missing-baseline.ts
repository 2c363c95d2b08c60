import * as l10n from '@vscode/l10n';
import type { Rule } from './rule';
import { modelMentions, vocabularyFor } from './model-choices';
import { locateInBlock, proseBlocks } from './helpers';
import type { ModelFamily } from '../lexicon';
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
    // The model step's choices first; a complex encoder chosen under features or serving counts too.
    const complex = mentions.find((m) => m.families.some((f) => f.tier === 'complex')) ?? complexAnywhere(doc, ctx.lexicon.modelFamilies);
    if (!complex) return [];
    // A baseline is a choice of the model step (or named as one, below): TF-IDF features are not one.
    if (mentions.some((m) => m.families.some((f) => f.tier === 'simple'))) return [];
    // The lexicon's words (and a language pack's: "бейзлайна") name a baseline anywhere in the doc.
    if (docMentions(doc, ctx.lexicon.baselineWords)) return [];
    const family = complex.families.find((f) => f.tier === 'complex')!;
    return [{
      message: l10n.t('A complex model ({0}) is chosen but no simple baseline is named. What does it have to beat: popularity, logistic regression, a heuristic?', family.label),
      range: locateInBlock(complex.block, ctx.lines, (line) => {
        const hit = findFirst(line, family.phrases);
        return hit && { index: hit.index, length: hit.text.length };
      }),
      data: { step: complex.block.stepId ?? '', family: family.id },
    }];
  },
};

/** The first prose block in a step of the doc that names a complex model family, as a mention. */
function complexAnywhere(doc: Parameters<Rule['check']>[0], families: ModelFamily[]) {
  const vocabulary = vocabularyFor(families);
  for (const block of proseBlocks(doc)) {
    if (block.kind === 'heading' || block.header || !block.stepId) continue;
    const found = vocabulary.scan(block.text).map((m) => m.entry);
    if (found.some((f) => f.tier === 'complex')) return { block, families: found };
  }
  return undefined;
}
