/**
 * Facts computed once per parsed chunk and re-used on every later analysis that still contains the
 * chunk (a keystroke changes one chunk of hundreds). A doc-wide question ("does any block state an
 * imbalance?") then costs one lookup per chunk instead of one per block.
 */
import type { DesignDoc, TextBlock } from './types';

/** A run of `doc.blocks` that came from one parsed chunk. */
export interface Segment { chunk: object; blocks: readonly Pick<TextBlock, 'kind' | 'text'>[]; start: number; end: number }

const facts = new WeakMap<object, Map<object, unknown>>();
const MISSING = Symbol('missing');

export function chunkFact<V>(chunk: object, key: object, compute: () => V): V {
  let table = facts.get(chunk);
  if (!table) facts.set(chunk, (table = new Map()));
  const known = table.get(key) ?? (table.has(key) ? undefined : MISSING);
  if (known !== MISSING) return known as V;
  const value = compute();
  table.set(key, value);
  return value;
}

/**
 * The first block of the doc (in order) for which `probe` finds something, with what it found.
 * `key` names the question (one stable object per question) so answers can be cached per chunk.
 */
export function firstInDoc<H>(doc: DesignDoc, key: object, probe: (b: Pick<TextBlock, 'kind' | 'text'>) => H | null | undefined): { index: number; hit: H } | undefined {
  const segments = doc.segments;
  if (!segments) {
    for (let i = 0; i < doc.blocks.length; i++) {
      const hit = probe(doc.blocks[i]);
      if (hit) return { index: i, hit };
    }
    return undefined;
  }
  for (const seg of segments) {
    const found = chunkFact(seg.chunk, key, () => {
      for (let i = 0; i < seg.blocks.length; i++) {
        const hit = probe(seg.blocks[i]);
        if (hit) return { rel: i, hit };
      }
      return null;
    });
    if (found) return { index: seg.start + found.rel, hit: found.hit };
  }
  return undefined;
}

/**
 * Every block of the doc (in order) for which `probe` finds something, with what it found; like
 * `firstInDoc`, each chunk's answers are cached under `key`, so an edit re-probes only its chunk.
 */
export function allInDoc<H>(doc: DesignDoc, key: object, probe: (b: Pick<TextBlock, 'kind' | 'text'>) => H | null | undefined): { index: number; hit: H }[] {
  const out: { index: number; hit: H }[] = [];
  const segments = doc.segments ?? [{ chunk: doc, blocks: doc.blocks, start: 0, end: doc.blocks.length }];
  for (const seg of segments) {
    const found = chunkFact(seg.chunk, key, () => {
      const hits: { rel: number; hit: H }[] = [];
      for (let i = 0; i < seg.blocks.length; i++) {
        const hit = probe(seg.blocks[i]);
        if (hit) hits.push({ rel: i, hit });
      }
      return hits;
    });
    for (const f of found) out.push({ index: seg.start + f.rel, hit: f.hit });
  }
  return out;
}
