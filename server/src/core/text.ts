/** Small text helpers shared by the parser, the model and the rules. */
import type { Position, Range } from './types';

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
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
