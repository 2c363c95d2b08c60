/**
 * Applies LSP-style text edits (0-based line/character, UTF-16) to a string, the way an editor
 * does: all ranges refer to the original text, edits are applied from last to first, and a position
 * past the end of a line or of the document is clamped to it.
 */
import type { TextEdit, Position } from '../../../server/src/core/types';

export function offsetAt(text: string, lineStarts: number[], p: Position): number {
  if (p.line < 0) return 0;
  if (p.line >= lineStarts.length) return text.length;
  const start = lineStarts[p.line];
  const next = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] : text.length + 1;
  // The end of a line is before its line break ("\n" or "\r\n").
  let lineEnd = next - 1;
  if (lineEnd > start && text[lineEnd - 1] === '\r') lineEnd--;
  return Math.min(start + Math.max(0, p.character), Math.min(lineEnd, text.length));
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStartsOf(text);
  const spans = edits.map((e, i) => ({ from: offsetAt(text, starts, e.range.start), to: offsetAt(text, starts, e.range.end), text: e.newText, i }));
  spans.sort((a, b) => a.from - b.from || a.to - b.to || a.i - b.i);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k].from < spans[k - 1].to) throw new Error('overlapping edits');
  }
  let out = text;
  for (const s of [...spans].reverse()) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return out;
}
