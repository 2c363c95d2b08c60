import type { Rule } from './rule';
import { proseBlocks, stepAnchor, stepIdsWithRole } from './helpers';
import { TextMemo } from '../memo';

const compiledSets = new WeakMap<string[], RegExp[]>();
const numberMemo = new TextMemo<string[], boolean>();
function regexes(patterns: string[]): RegExp[] {
  let res = compiledSets.get(patterns);
  if (!res) compiledSets.set(patterns, (res = patterns.map((p) => new RegExp(p, 'iu'))));
  return res;
}

export const unquantifiedRequirements: Rule = {
  meta: {
    id: 'unquantified-requirements',
    description: 'Requirements give no numbers for scale or latency.',
    defaultSeverity: 'info',
    tags: ['requirements'],
    fixable: false,
  },
  check(doc, ctx) {
    const ids = stepIdsWithRole(ctx, 'requirements');
    const out = [];
    for (const step of doc.steps) {
      const anchor = stepAnchor(step);
      if (!ids.has(step.id) || step.status === 'missing' || !anchor) continue;
      const texts = proseBlocks(doc, new Set([step.id])).map((b) => b.text);
      const has = (patterns: string[]) => texts.some((t) => numberMemo.get(patterns, t, () => regexes(patterns).some((re) => re.test(t))));
      const missing = [];
      if (!has(ctx.lexicon.requirementNumbers.scale)) missing.push('scale');
      if (!has(ctx.lexicon.requirementNumbers.latency)) missing.push('latency');
      if (!missing.length) continue;
      const asks = { scale: 'How many users, requests per second, items?', latency: 'What latency budget (p95/p99 in ms)?' };
      out.push({
        message: `'${step.title}' gives no number for ${missing.join(' or ')}. ${missing.map((m) => asks[m as keyof typeof asks]).join(' ')}`,
        range: anchor,
        data: { step: step.id, missing: missing.join(',') },
      });
    }
    return out;
  },
};
