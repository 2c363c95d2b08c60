import * as l10n from '@vscode/l10n';
import type { Rule } from './rule';
import { docMentions, imbalanceStatement } from './task';
import { locateInBlock } from './helpers';

export const imbalanceWithoutStrategy: Rule = {
  meta: {
    id: 'imbalance-without-strategy',
    description: 'A skewed label distribution is stated with no resampling, weighting or threshold strategy.',
    defaultSeverity: 'warning',
    tags: ['data'],
    fixable: false,
  },
  check(doc, ctx) {
    const stated = imbalanceStatement(doc, ctx);
    if (!stated) return [];
    if (docMentions(doc, ctx.lexicon.imbalanceStrategies)) return [];
    const needle = stated.text.slice(0, 40);
    return [{
      message: l10n.t('The doc says the labels are skewed ("{0}") but gives no strategy for it. Will you resample, weight the loss (class weights, focal loss) or tune the threshold?', stated.text.trim()),
      range: locateInBlock(stated.block, ctx.lines, (line) => {
        const i = line.toLowerCase().indexOf(needle.toLowerCase());
        return i >= 0 ? { index: i, length: stated.text.length } : undefined;
      }),
      data: { step: stated.block.stepId ?? '' },
    }];
  },
};
