/**
 * Per-text memoisation for the work rules and the model repeat on every keystroke (phrase searches
 * over block text). Keyed by the vocabulary object and the text; blocks from cached chunks keep the
 * same string objects, so after an edit only the changed blocks are searched again.
 *
 * Memory: two generations, like the parse cache. `endMemoGeneration()` (called after each analysis)
 * drops whatever the last analysis did not use, so memory follows the current document, not the
 * history of edits. A hard cap per table guards against a single enormous analysis.
 */
const MAX_ENTRIES = 200_000;

interface Table<V> { current: Map<string, V>; previous: Map<string, V> }

const allMemos = new Set<TextMemo<object, unknown>>();

export class TextMemo<K extends object, V> {
  private tables = new Map<K, Table<V>>();

  constructor() {
    allMemos.add(this as unknown as TextMemo<object, unknown>);
  }

  get(key: K, text: string, compute: () => V): V {
    let table = this.tables.get(key);
    if (!table) this.tables.set(key, (table = { current: new Map(), previous: new Map() }));
    const { current, previous } = table;
    if (current.has(text)) return current.get(text)!;
    let value: V;
    if (previous.has(text)) value = previous.get(text)!;
    else value = compute();
    if (current.size >= MAX_ENTRIES) current.clear();
    current.set(text, value);
    return value;
  }

  /** Start a new generation: entries not used since the last call are dropped. */
  endGeneration(): void {
    for (const [key, table] of this.tables) {
      if (table.current.size === 0) this.tables.delete(key);
      else this.tables.set(key, { current: new Map(), previous: table.current });
    }
  }

  get size(): number {
    let n = 0;
    for (const t of this.tables.values()) n += t.current.size + t.previous.size;
    return n;
  }
}

export function endMemoGeneration(): void {
  for (const memo of allMemos) memo.endGeneration();
}

/** Entries held by all memos (for tests of bounded memory). */
export function memoSize(): number {
  let n = 0;
  for (const memo of allMemos) n += memo.size;
  return n;
}
