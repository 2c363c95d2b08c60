/**
 * Per-text memoisation for the work rules and the model repeat on every keystroke (phrase searches
 * over block text). Keyed by the vocabulary object and the text; blocks from cached chunks keep the
 * same string objects, so after an edit only the changed blocks are searched again. Each table is
 * capped, so memory stays bounded whatever the documents.
 */
const MAX_ENTRIES = 50_000;

export class TextMemo<K extends object, V> {
  private tables = new WeakMap<K, Map<string, V>>();

  get(key: K, text: string, compute: () => V): V {
    let table = this.tables.get(key);
    if (!table) this.tables.set(key, (table = new Map()));
    if (table.has(text)) return table.get(text)!;
    const value = compute();
    if (table.size >= MAX_ENTRIES) table.clear();
    table.set(text, value);
    return value;
  }
}
