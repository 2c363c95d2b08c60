/**
 * Reads the upper bounds a doc states for a time quantity ("response time ≤ 60 s", "P95 latency
 * < 30s") out of one block: which quantity (lexicon `boundedQuantities`), its value in seconds,
 * the percentile and the scope it is for ("retrieval", "per page"). Pure text → facts, so callers
 * can cache the answer per chunk (chunk-facts) and an edit re-reads only the chunk it touched.
 */
import type { BlockKind } from '../types';
import type { Lexicon } from '../lexicon';
import { escapeRegExp } from '../text';
import { findAll, type PhraseHit } from '../phrases';

export interface BoundedValue {
  /** Quantity id and label from the lexicon. */
  quantity: string;
  label: string;
  /** The value in seconds (the upper end of a range). */
  seconds: number;
  /** What the doc wrote: "≤ 60 seconds". */
  text: string;
  /** Offset of `text` in the block's text. */
  index: number;
  /** "p95", "median"…; '' when the doc gives none. */
  percentile: string;
  /** The narrower thing measured ("retrieval", "per page"); '' for the whole request. */
  scope: string;
  /** Softer values the same sentence gives beside the limit ("ideally 2-3 s"), in seconds. */
  ideal: number[];
}

type Vocabulary = Lexicon['boundedQuantities'];

interface Compiled { bound: RegExp; duration: RegExp; units: { factor: number; re: RegExp }[] }
const compiledFor = new WeakMap<Vocabulary, Compiled>();

function compile(v: Vocabulary): Compiled {
  let c = compiledFor.get(v);
  if (c) return c;
  const bounds = [...v.upperBounds].sort((a, b) => b.length - a.length).map((w) => {
    // A trailing `*` means any ending, as in the phrase lists ("не превыша*").
    const body = w.endsWith('*') ? `${escapeRegExp(w.slice(0, -1)).replace(/\s+/g, '\\s+')}\\p{L}*` : escapeRegExp(w).replace(/\s+/g, '\\s+');
    return /^\p{L}/u.test(w) ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}])` : body;
  }).join('|');
  const units = v.units.map((u) => `(?:${u.pattern})`).join('|');
  // A bound, a short gap with no digit or sentence end ("within an average of"), a number or a
  // range, and a time unit that is a whole word ("100s of users" is no duration).
  const bound = new RegExp(`(?:${bounds})[^\\d\\n|;.<≤]{0,24}?(\\d+(?:[.,]\\d+)?)(?:\\s*(?:-|–|to|до)\\s*(\\d+(?:[.,]\\d+)?))?\\s*(${units})(?![\\p{L}\\p{N}])(?!\\s+of\\b)`, 'giu');
  const duration = new RegExp(`(\\d+(?:[.,]\\d+)?)(?:\\s*(?:-|–|to|до)\\s*(\\d+(?:[.,]\\d+)?))?\\s*(${units})(?![\\p{L}\\p{N}])`, 'giu');
  c = { bound, duration, units: v.units.map((u) => ({ factor: u.factor, re: new RegExp(`^(?:${u.pattern})$`, 'iu') })) };
  compiledFor.set(v, c);
  return c;
}

/** Sentences of prose (a table row is one clause: its cells name what the number is). */
function clauses(text: string, kind: BlockKind): { start: number; text: string }[] {
  if (kind === 'tableRow') return [{ start: 0, text }];
  const out: { start: number; text: string }[] = [];
  // A soft line break is not a sentence end; a decimal point ("1.5 s") is not either.
  const re = /[^.;!?]+(?:[.;!?](?=\d)[^.;!?]*)*[.;!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, text: m[0] });
  return out;
}

/** The hit nearest to [from, to) in characters, either side. */
function nearest<T extends PhraseHit>(hits: readonly T[], from: number, to: number): T | undefined {
  let best: T | undefined;
  let bestGap = Infinity;
  for (const h of hits) {
    const gap = h.index >= to ? h.index - to : Math.max(0, from - (h.index + h.text.length));
    if (gap < bestGap) [best, bestGap] = [h, gap];
  }
  return best;
}

export function boundedValues(text: string, kind: BlockKind, v: Vocabulary): BoundedValue[] {
  if (kind === 'heading' || kind === 'code' || kind === 'html' || /\?\s*$/.test(text)) return [];
  const { bound, duration, units } = compile(v);
  const seconds = (n: string, unit: string) => {
    const factor = units.find((u) => u.re.test(unit))?.factor;
    return factor === undefined ? undefined : Number(n.replace(',', '.')) * factor;
  };
  const out: BoundedValue[] = [];
  for (const clause of clauses(text, kind)) {
    bound.lastIndex = 0;
    if (!bound.test(clause.text)) continue;
    // A value the system has today, or one a test measured, is no target to compare with.
    if (findAll(clause.text, v.notTargets).length) continue;
    const subjects = v.quantities.flatMap((q) => findAll(clause.text, q.phrases).map((h) => ({ ...h, q })));
    if (!subjects.length) continue;
    const percentiles = findAll(clause.text, v.percentiles);
    // "No more than 10 s, ideally 2-3 s": the doc accepts anything between, so 2 s elsewhere agrees.
    const idealAt = findAll(clause.text, v.idealCues)[0]?.index;
    const ideal: number[] = [];
    if (idealAt !== undefined) {
      duration.lastIndex = 0;
      for (let d = duration.exec(clause.text); d; d = duration.exec(clause.text)) {
        if (d.index < idealAt) continue;
        for (const n of [d[1], d[2]]) {
          const s = n === undefined ? undefined : seconds(n, d[3]);
          if (s !== undefined) ideal.push(s);
        }
      }
    }
    const scopes = [
      ...findAll(clause.text, v.scopes).map((h) => ({ ...h, scope: h.text.toLowerCase() })),
      ...findAll(clause.text, v.wholeScopes).map((h) => ({ ...h, scope: '' })),
    ];
    bound.lastIndex = 0;
    for (let m = bound.exec(clause.text); m; m = bound.exec(clause.text)) {
      const value = seconds(m[2] ?? m[1], m[3]);
      if (value === undefined) continue;
      const [from, to] = [m.index, m.index + m[0].length];
      const subject = nearest(subjects, from, to)!;
      // "Time to first token" keeps its scope word: it is not the full response time.
      const scope = nearest(scopes, from, to);
      out.push({
        quantity: subject.q.id,
        label: subject.q.label,
        seconds: value,
        text: m[0].trim(),
        index: clause.start + m.index,
        percentile: normalisePercentile(nearest(percentiles, from, to)?.text ?? ''),
        scope: scope?.scope ?? '',
        ideal,
      });
    }
  }
  return out;
}

function normalisePercentile(p: string): string {
  const s = p.toLowerCase();
  const n = /(\d+(?:\.\d+)?)/.exec(s)?.[1];
  if (n) return `p${n === '999' ? '99.9' : n}`;
  if (s === 'max' || s === 'maximum' || s.startsWith('worst')) return 'max';
  return s === 'mean' || s === 'average' ? 'mean' : s === 'median' ? 'p50' : s;
}
