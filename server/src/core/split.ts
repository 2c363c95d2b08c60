/**
 * Cheap line scan that cuts a document into top-level chunks at ATX headings (`#` at column 0)
 * outside fenced code, multi-line HTML comments and raw HTML blocks. Each chunk parses on its own
 * exactly as it would inside the whole document, so chunks can be parsed, cached and re-used
 * independently (see parse-cache.ts). Front matter, when present, is its own first chunk.
 */

export interface Chunk {
  /** The chunk's text, without its trailing newline. */
  text: string;
  /** 0-based line of the chunk's first line in the document. */
  startLine: number;
  lineCount: number;
  frontMatter: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
const HTML_RAW_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:[\s>]|$)/i;
const HTML_BLOCK_OPEN = /^ {0,3}<\/?(address|article|aside|blockquote|body|details|dialog|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(?:[\s/>]|$)/i;

export function frontMatterEnd(lines: string[]): number {
  if (lines.length < 2 || !/^---[ \t]*$/.test(lines[0])) return -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[i])) return i;
  }
  return -1;
}

export function splitIntoChunks(lines: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  const fmEnd = frontMatterEnd(lines);
  const push = (from: number, to: number, frontMatter = false) => {
    if (to < from) return;
    chunks.push({ text: lines.slice(from, to + 1).join('\n'), startLine: from, lineCount: to - from + 1, frontMatter });
  };
  if (fmEnd > 0) {
    push(0, fmEnd, true);
    start = fmEnd + 1;
  }
  let fence: { char: string; len: number } | null = null;
  let inComment = false;
  let rawTag: string | null = null;
  let inHtmlBlock = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len && m[2].trim() === '') fence = null;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (rawTag) {
      if (line.toLowerCase().includes(`</${rawTag}>`)) rawTag = null;
      continue;
    }
    if (inHtmlBlock) {
      if (line.trim() === '') inHtmlBlock = false;
      continue;
    }
    if (i > start && ATX.test(line)) {
      push(start, i - 1);
      start = i;
    }
    const f = FENCE.exec(line);
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      fence = { char: f[1][0], len: f[1].length };
      continue;
    }
    const trimmed = line.replace(/^ {0,3}/, '');
    if (trimmed.startsWith('<!--')) {
      if (!trimmed.includes('-->', 4)) inComment = true;
      continue;
    }
    const raw = HTML_RAW_OPEN.exec(line);
    if (raw) {
      if (!line.toLowerCase().includes(`</${raw[1].toLowerCase()}>`)) rawTag = raw[1].toLowerCase();
      continue;
    }
    if (HTML_BLOCK_OPEN.test(line)) inHtmlBlock = true;
  }
  push(start, lines.length - 1);
  return chunks;
}
