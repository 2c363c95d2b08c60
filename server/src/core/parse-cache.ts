/**
 * Content-addressed cache of parsed chunks for one document. Entries are stamped with the analysis
 * that last used them; when the cache has doubled since its last sweep, entries the last analysis
 * did not use are dropped, so it holds about one document's chunks (no growth per edit) while a
 * keystroke costs only lookups.
 */
import type { ParsedChunk } from './parse';
import type { SplitMemory } from './incremental-split';

interface Entry { value: ParsedChunk; gen: number }

export class ParseCache {
  private entries = new Map<string, Entry>();
  private generation = 0;
  private limit = 256;
  hits = 0;
  misses = 0;
  /** The last version's lines and chunks, for the incremental splitter. */
  readonly split: SplitMemory = {};

  get(text: string, parse: (text: string) => ParsedChunk): ParsedChunk {
    const hit = this.entries.get(text);
    if (hit) {
      hit.gen = this.generation;
      this.hits++;
      return hit.value;
    }
    this.misses++;
    const value = parse(text);
    this.entries.set(text, { value, gen: this.generation });
    return value;
  }

  endAnalysis(): void {
    if (this.entries.size > this.limit) {
      for (const [text, e] of this.entries) if (e.gen < this.generation) this.entries.delete(text);
      this.limit = Math.max(256, this.entries.size * 2);
    }
    this.generation++;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    for (const k of Object.keys(this.split) as (keyof SplitMemory)[]) delete this.split[k];
  }
}
