/**
 * Content-addressed cache of parsed chunks. Two generations: a lookup moves an entry into the
 * current generation, and `endAnalysis()` drops whatever the last analysis did not use, so the
 * cache never holds more than about one document's chunks (no growth per edit).
 */
import type { ParsedChunk } from './parse';

export class ParseCache {
  private current = new Map<string, ParsedChunk>();
  private previous = new Map<string, ParsedChunk>();
  hits = 0;
  misses = 0;

  get(text: string, parse: (text: string) => ParsedChunk): ParsedChunk {
    let hit = this.current.get(text);
    if (!hit) {
      hit = this.previous.get(text);
      if (hit) this.hits++;
      else {
        hit = parse(text);
        this.misses++;
      }
      this.current.set(text, hit);
    } else this.hits++;
    return hit;
  }

  endAnalysis(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }
}
