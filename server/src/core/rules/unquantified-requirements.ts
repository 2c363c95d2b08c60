import type { Rule } from './rule';
import type { Range, StepModel } from '../types';
import { docAnchor, stepAnchor, stepIdsWithRole } from './helpers';

const inSections = (step: StepModel, at: Range) => step.sections.some((r) => r.start.line <= at.start.line && at.start.line <= r.end.line);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
import { TextMemo } from '../memo';
import { firstInDoc } from '../chunk-facts';

const compiledSets = new WeakMap<string[], RegExp[]>();
const numberMemo = new TextMemo<string[], boolean>();
function regexes(patterns: string[]): RegExp[] {
  let res = compiledSets.get(patterns);
  if (!res) compiledSets.set(patterns, (res = patterns.map((p) => new RegExp(p, 'iu'))));
  return res;
}

/** The requirement topics this rule asks numbers for (the ids of `data.missing`). */
const QUANTIFIED_TOPICS = new Set(['scale', 'latency']);

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
      (b.kind !== 'heading' && numberMemo.get(patterns, b.text, () => regexes(patterns).some((re) => re.test(b.text)))) || null) !== undefined;
    if (shows(scale) || shows(latency)) return [];
    const ids = stepIdsWithRole(ctx, 'requirements');
    const step = doc.steps.find((s) => ids.has(s.id) && s.status !== 'missing');
    // Requirements still holding only template prompts already have their finding (empty-step).
    if (step?.notStarted) return [];
    // Where the doc speaks of latency or scale in words ("SLA: TBD", "latency must be minimal") is
    // where a reviewer writes the question, in the requirements sections first; a doc that never
    // does gets it on its requirements heading.
    const spoken = (step?.topics ?? [])
      .filter((t) => QUANTIFIED_TOPICS.has(t.id) && t.covered && t.evidence)
      .sort((a, b) => Number(!inSections(step!, a.evidence!)) - Number(!inSections(step!, b.evidence!)) || a.evidence!.start.line - b.evidence!.start.line)[0];
    const where = spoken ? `${upperFirst(spoken.label)} is mentioned at line ${spoken.evidence!.start.line + 1}, but the doc` : 'The doc';
    return [{
      message: `${where} gives no number for scale or latency. How many users, requests per second or items, and what latency budget (p95/p99 in ms)?`,
      range: spoken?.evidence ?? (step && stepAnchor(step)) ?? docAnchor(doc, ctx.lines),
      data: { step: step?.id ?? '', missing: [...QUANTIFIED_TOPICS].join(',') },
    }];
  },
};
