import * as l10n from '@vscode/l10n';
import { shippedText } from '../l10n';
import type { Rule } from './rule';
import type { DesignDoc, Range } from '../types';
import { allInDoc } from '../chunk-facts';
import { boundedValues, type BoundedValue } from './bounded-quantities';
import { range } from '../text';

/** Values closer than this are one target written twice (rounding, "~"), not two targets. */
const MIN_RATIO = 1.5;

/**
 * The same time bound given two values in two sections ("response time ≤ 60 s" in the requirements,
 * "P95 < 30 s" in serving). Same quantity means: the same quantity words, the same scope (a stage
 * or "per page" is another quantity), and the same percentile or none on one side. The bounds are
 * read once per chunk (chunk-facts), so an edit re-reads one chunk, not the doc.
 */
export const inconsistentNumbers: Rule = {
  meta: {
    id: 'inconsistent-numbers',
    description: 'The same bound (latency, freshness) is given different values in different places.',
    defaultSeverity: 'warning',
    tags: ['requirements', 'consistency'],
    fixable: false,
  },
  check(doc, ctx) {
    const vocabulary = ctx.lexicon.boundedQuantities;
    const found = allInDoc(doc, vocabulary, (b) => {
      const values = boundedValues(b.text, b.kind, vocabulary);
      return values.length ? values : null;
    });
    const all = found.flatMap(({ index, hit }) => hit.map((v) => ({ ...v, block: index })));
    const reported = new Set<string>();
    const findings = [];
    for (let j = 0; j < all.length; j++) {
      const b = all[j];
      const key = `${b.quantity}|${b.scope}`;
      if (reported.has(key)) continue;
      const a = all.slice(0, j).find((x) => sameQuantity(x, b) && differ(x, b) && doc.blocks[x.block].sectionIndex !== doc.blocks[b.block].sectionIndex);
      if (!a) continue;
      reported.add(key);
      const here = where(doc, ctx.lines, b);
      const there = where(doc, ctx.lines, a);
      const label = shippedText(b.label);
      const what = b.scope ? `${label} (${b.scope})` : label;
      const value = (x: typeof b) => (x.percentile ? `"${x.text}" (${x.percentile})` : `"${x.text}"`);
      findings.push({
        message: l10n.t('{0} is bounded twice with different values: "{1}" here{2} and {3} on line {4}. Which one is the budget the design is held to?', what, b.text, b.percentile ? ` (${b.percentile})` : '', value(a), there.start.line + 1),
        range: here,
        data: { step: doc.blocks[b.block].stepId ?? '', quantity: b.quantity, values: [a.text, b.text] },
        related: [{ range: there, message: `${what}: "${a.text}"` }],
      });
    }
    return findings;
  },
};

/** A bound with no percentile caps every request, like a tail one (p95, max); a mean or a median
 * is another statistic, so it is compared only with its own kind. */
function sameQuantity(a: BoundedValue, b: BoundedValue): boolean {
  if (a.quantity !== b.quantity || a.scope !== b.scope) return false;
  if (a.percentile === b.percentile) return true;
  const centre = (p: string) => p === 'mean' || p === 'p50';
  return (!a.percentile && !centre(b.percentile)) || (!b.percentile && !centre(a.percentile));
}

function apart(x: number, y: number): boolean {
  const [lo, hi] = x < y ? [x, y] : [y, x];
  return lo > 0 && hi / lo >= MIN_RATIO;
}

/** Values apart, unless one sits between the other's limit and its softer ideal ("≤ 10 s, ideally 2 s"). */
function differ(a: BoundedValue, b: BoundedValue): boolean {
  if (!apart(a.seconds, b.seconds)) return false;
  const within = (x: BoundedValue, y: BoundedValue) => x.ideal.some((i) => y.seconds <= x.seconds && (y.seconds >= i || !apart(i, y.seconds)));
  return !within(a, b) && !within(b, a);
}

/** The value's exact place: its offset in the block's text, found again on the block's source lines. */
function where(doc: DesignDoc, lines: string[], v: BoundedValue & { block: number }): Range {
  const block = doc.blocks[v.block];
  for (let l = block.range.start.line; l <= block.range.end.line && l < lines.length; l++) {
    const i = lines[l].indexOf(v.text);
    if (i >= 0) return range(l, i, l, i + v.text.length);
  }
  const l = block.range.start.line;
  return range(l, block.range.start.character, l, (lines[l] ?? '').length);
}
