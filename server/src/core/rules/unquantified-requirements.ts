import * as l10n from '@vscode/l10n';
import { frameworkText } from '../l10n';
import type { Rule, RuleContext } from './rule';
import type { DesignDoc, Range, StepModel } from '../types';
import { docAnchor, proseBlocks, stepAnchor, stepIdsWithRole } from './helpers';
import { TextMemo } from '../memo';
import { firstInDoc } from '../chunk-facts';
import { findFirst } from '../phrases';
import { testPattern } from '../pattern-gate';

const compiledSets = new WeakMap<string[], RegExp[]>();
const numberMemo = new TextMemo<string[], boolean>();
function regexes(patterns: string[]): RegExp[] {
  let res = compiledSets.get(patterns);
  if (!res) compiledSets.set(patterns, (res = patterns.map((p) => new RegExp(p, 'iu'))));
  return res;
}

/** The requirement topics this rule asks numbers for (the ids of `data.missing`). */
const QUANTIFIED_TOPICS = new Set(['scale', 'latency']);

const inSections = (step: StepModel, at: Range) => step.sections.some((r) => r.start.line <= at.start.line && at.start.line <= r.end.line);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Mention { label: string; range: Range }

/**
 * Where the doc speaks of latency or scale in words ("Latency: should feel instant", "SLA: TBD"):
 * there a reviewer writes the question. The requirements sections first — their own words, even on
 * a line still marked TBD — then a covering mention elsewhere.
 */
function mention(doc: DesignDoc, ctx: RuleContext, step: StepModel | undefined): Mention | undefined {
  if (!step) return undefined;
  const topics = step.topics.filter((t) => QUANTIFIED_TOPICS.has(t.id));
  const defs = ctx.framework.steps.find((s) => s.id === step.id)?.topics.filter((t) => QUANTIFIED_TOPICS.has(t.id)) ?? [];
  const covered = topics.filter((t) => t.covered && t.evidence).sort((a, b) => a.evidence!.start.line - b.evidence!.start.line);
  const own = covered.find((t) => inSections(step, t.evidence!));
  const inOwnWords = proseBlocks(doc, new Set([step.id])).map((b) => {
    const def = defs.find((d) => findFirst(b.text, d.phrases));
    return def && { label: def.label, range: b.range };
  }).find((m) => m !== undefined);
  const candidates: Mention[] = [
    ...(own ? [{ label: own.label, range: own.evidence! }] : []),
    ...(inOwnWords ? [inOwnWords] : []),
  ].sort((a, b) => a.range.start.line - b.range.start.line);
  if (candidates.length) return candidates[0];
  const elsewhere = covered[0];
  return elsewhere && { label: elsewhere.label, range: elsewhere.evidence! };
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
    const requirements = stepIdsWithRole(ctx, 'requirements');
    const step = doc.steps.find((s) => requirements.has(s.id) && s.status !== 'missing');
    // Requirements still holding only template prompts already have their finding (empty-step).
    if (step?.notStarted) return [];
    const spoken = mention(doc, ctx, step);
    return [{
      message: spoken
        ? l10n.t('{0} is mentioned at line {1}, but the doc gives no number for scale or latency. How many users, requests per second or items, and what latency budget (p95/p99 in ms)?', upperFirst(frameworkText(ctx.framework, spoken.label)), spoken.range.start.line + 1)
        : l10n.t('The doc gives no number for scale or latency. How many users, requests per second or items, and what latency budget (p95/p99 in ms)?'),
      range: spoken?.range ?? (step && stepAnchor(step)) ?? docAnchor(doc, ctx.lines),
      data: { step: step?.id ?? '', missing: [...QUANTIFIED_TOPICS].join(',') },
    }];
  },
};
