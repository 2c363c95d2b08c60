/**
 * Lines and chunks of a new version of a document, re-using the previous version's: only the
 * chunks from the one holding the first changed line are scanned again, until the scan produces
 * a chunk start that was also a chunk start before the edit (every chunk starts with nothing open,
 * so from there on the old chunks, shifted, are exactly what a full scan would produce). Unchanged
 * chunks keep their text strings, so cache lookups by chunk text do not re-hash them.
 * Result is always identical to splitIntoChunks(splitLines(text)) (tested).
 */
import { splitLines } from './text';
import { FRONT_MATTER_FENCE, makeChunk, scanChunks, splitIntoChunks, type Chunk } from './split';

export interface SplitMemory { text?: string; lines?: string[]; chunks?: Chunk[]; lineStarts?: number[] }

export function splitIncrementally(text: string, memory: SplitMemory): { lines: string[]; chunks: Chunk[] } {
  const result = update(text, memory) ?? full(text);
  memory.text = text;
  memory.lines = result.lines;
  memory.chunks = result.chunks;
  memory.lineStarts = undefined;
  return result;
}

function full(text: string) {
  const lines = splitLines(text);
  return { lines, chunks: splitIntoChunks(lines) };
}

function update(text: string, memory: SplitMemory): { lines: string[]; chunks: Chunk[] } | undefined {
  const prev = memory.text;
  const prevLines = memory.lines;
  const prevChunks = memory.chunks;
  if (prev === undefined || !prevLines || !prevChunks || prev.includes('\r') || text.includes('\r')) return undefined;
  if (prev === text) return { lines: prevLines, chunks: prevChunks };

  // The changed stretch: common prefix and suffix, compared a block at a time.
  const min = Math.min(prev.length, text.length);
  let p = 0;
  for (const step of [65536, 4096, 256, 16, 1]) {
    while (p + step <= min && prev.slice(p, p + step) === text.slice(p, p + step)) p += step;
  }
  let s = 0;
  for (const step of [65536, 4096, 256, 16, 1]) {
    while (s + step <= min - p && prev.slice(prev.length - s - step, prev.length - s) === text.slice(text.length - s - step, text.length - s)) s += step;
  }

  const starts = (memory.lineStarts ??= lineStartsOf(prevLines));
  const a = lineAt(starts, p); // first changed line (same index before and after)
  const bPrev = lineAt(starts, Math.max(p, prev.length - s)); // last changed line before the edit
  const shift = text.length - prev.length;
  const middleEnd = (bPrev + 1 < starts.length ? starts[bPrev + 1] - 1 : prev.length) + shift;
  const middle = text.slice(starts[a], middleEnd).split('\n');
  const lines = [...prevLines.slice(0, a), ...middle, ...prevLines.slice(bPrev + 1)];
  const delta = lines.length - prevLines.length;
  const bNew = bPrev + delta;

  // Front matter is decided by line 0 and the first later `---` line, wherever it is: below an
  // unclosed `---` opener (or a `---` thematic break on line 0), an edit that writes a `---` line
  // closes front matter and re-cuts chunk 0, however far down the edit is. Edits that could
  // remove or move a closed front matter's end touch chunk 0 and take the full path below.
  if (!prevChunks[0].frontMatter && FRONT_MATTER_FENCE.test(lines[0]) && middle.some((l) => FRONT_MATTER_FENCE.test(l))) return undefined;

  // The chunk holding line a; the first chunk (title, front matter) is simply split again.
  let ci = prevChunks.length - 1;
  while (ci > 0 && prevChunks[ci].startLine > a) ci--;
  // An edit on a chunk's first line may remove that chunk start: scan from the chunk before.
  if (prevChunks[ci].startLine === a) ci--;
  if (ci <= 0) return undefined;

  const oldStarts = new Map(prevChunks.map((c, i) => [c.startLine, i]));
  const chunks = prevChunks.slice(0, ci);
  let resumeAt = -1;
  scanChunks(lines, prevChunks[ci].startLine, (from, to) => {
    if (from > bNew) {
      const old = oldStarts.get(from - delta);
      if (old !== undefined) { resumeAt = old; return true; }
    }
    chunks.push(makeChunk(lines, from, to, false));
    return false;
  });
  if (resumeAt >= 0) {
    for (let i = resumeAt; i < prevChunks.length; i++) {
      const c = prevChunks[i];
      chunks.push(delta === 0 ? c : { ...c, startLine: c.startLine + delta });
    }
  }
  return { lines, chunks };
}

function lineStartsOf(lines: string[]): number[] {
  const starts = new Array<number>(lines.length);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = at;
    at += lines[i].length + 1;
  }
  return starts;
}

/** Index of the line containing character offset `offset`. */
function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
