import type { Rule } from './rule';
import { docAnchor, stepAnchor, stepIdsWithRole } from './helpers';
import { TextMemo } from '../memo';
import { firstInDoc } from '../chunk-facts';
import { testPattern } from '../pattern-gate';

const compiledSets = new WeakMap<string[], RegExp[]>();
const numberMemo = new TextMemo<string[], boolean>();
function regexes(patterns: string[]): RegExp[] {
  let res = compiledSets.get(patterns);
  if (!res) compiledSets.set(patterns, (res = patterns.map((p) => new RegExp(p, 'iu'))));
  return res;
}

/**
 * Once per doc, from the whole doc's numbers: a scale or a latency bound given anywhere (a metrics
 * table, the serving section, an SLA list) counts. Only a doc that quantifies neither is asked.
 */
export const unquantifiedRequirements: Rule = {
  meta: {
    id: 'unquantified-requirements',
    description: 'The doc gives no number for scale or latency anywhere.',
    defaultSeverity: 'info',
    tags: ['requirements'],
    fixable: false,
  },
  check(doc, ctx) {
    const { scale, latency } = ctx.lexicon.requirementNumbers;
    const shows = (patterns: string[]) => firstInDoc(doc, patterns, (b) =>
      (b.kind !== 'heading' && numberMemo.get(patterns, b.text, () => regexes(patterns).some((re) => testPattern(re, b.text)))) || null) !== undefined;
    if (shows(scale) || shows(latency)) return [];
    const ids = stepIdsWithRole(ctx, 'requirements');
    const step = doc.steps.find((s) => ids.has(s.id) && s.status !== 'missing');
    return [{
      message: 'The doc gives no number for scale or latency. How many users, requests per second or items, and what latency budget (p95/p99 in ms)?',
      range: (step && stepAnchor(step)) ?? docAnchor(doc, ctx.lines),
      data: { step: step?.id ?? '', missing: 'scale,latency' },
    }];
  },
};
