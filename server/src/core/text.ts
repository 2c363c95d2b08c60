/** Small text helpers shared by the parser, the model and the rules. */
import type { Position, Range } from './types';

export function splitLines(text: string): string[] {
  // Plain split is several times faster than a regex split; lone \r line ends are rare enough to pay for.
  const lines = text.split('\n');
  if (text.includes('\r')) {
    const out: string[] = [];
    for (const l of lines) {
      const parts = (l.endsWith('\r') ? l.slice(0, -1) : l).split('\r');
      out.push(...parts);
    }
    return out;
  }
  return lines;
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function lineRange(lines: string[], line: number): Range {
  return range(line, 0, line, (lines[line] ?? '').length);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function containsLine(r: Range, line: number): boolean {
  return r.start.line <= line && line <= r.end.line;
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu);
  return m ? m.length : 0;
}

/** Escape a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
