/**
 * Per-text memoisation for the work rules and the model repeat on every keystroke (phrase searches
 * over block text). Keyed by the vocabulary object and the text; blocks from cached chunks keep the
 * same string objects, so after an edit only the changed blocks are searched again.
 *
 * Memory: every entry is stamped with the generation (analysis) that last used it. When a table has
 * grown to twice its size after the last sweep, entries the last analysis did not use are dropped —
 * so memory follows the current document, not the history of edits, and the sweep's cost is
 * amortised over many analyses instead of paid on each keystroke.
 */
interface Entry<V> { value: V; gen: number }

let generation = 0;
const allMemos = new Set<TextMemo<object, unknown>>();

export class TextMemo<K extends object, V> {
  private tables = new Map<K, { map: Map<string, Entry<V>>; limit: number }>();

  constructor() {
    allMemos.add(this);
  }

  get(key: K, text: string, compute: () => V): V {
    let table = this.tables.get(key);
    if (!table) this.tables.set(key, (table = { map: new Map(), limit: 1024 }));
    const hit = table.map.get(text);
    if (hit) {
      hit.gen = generation;
      return hit.value;
    }
    const value = compute();
    table.map.set(text, { value, gen: generation });
    return value;
  }

  /** Called after each analysis: sweep tables that have doubled since their last sweep. */
  sweep(): void {
    for (const [key, table] of this.tables) {
      if (table.map.size <= table.limit) continue;
      for (const [text, e] of table.map) if (e.gen < generation) table.map.delete(text);
      if (table.map.size === 0) this.tables.delete(key);
      else table.limit = Math.max(1024, table.map.size * 2);
    }
  }

  get size(): number {
    let n = 0;
    for (const t of this.tables.values()) n += t.map.size;
    return n;
  }
}

/** Marks the end of an analysis: what it did not use becomes garbage for the next sweep. */
export function endMemoGeneration(): void {
  for (const memo of allMemos) memo.sweep();
  generation++;
}

/** Entries held by all memos (for tests of bounded memory). */
export function memoSize(): number {
  let n = 0;
  for (const memo of allMemos) n += memo.size;
  return n;
}
