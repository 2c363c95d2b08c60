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
const BLOCKQUOTE = /^ {0,3}>/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])( +(?=\S)| *$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
const HTML_RAW_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:[\s>]|$)/i;
/** Any tag at the start of a line may open an HTML block that runs to the next blank line
 * (CommonMark types 6 and 7). Not splitting inside one is always safe, so we do not tell them apart. */
const HTML_BLOCK_OPEN = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)/;
/** `<?…?>`, `<!DOCTYPE…>` and CDATA blocks end at their own terminator, not at a blank line. */
const HTML_SPECIAL = [
  { open: /^ {0,3}<\?/, close: '?>' },
  { open: /^ {0,3}<!\[CDATA\[/, close: ']]>' },
  { open: /^ {0,3}<![A-Za-z]/, close: '>' },
];

/** The line that opens and closes YAML front matter (remark-frontmatter closes it with --- only). */
export const FRONT_MATTER_FENCE = /^---[ \t]*$/;

export function frontMatterEnd(lines: string[]): number {
  if (lines.length < 2 || !FRONT_MATTER_FENCE.test(lines[0])) return -1;
  for (let i = 1; i < lines.length; i++) {
    if (FRONT_MATTER_FENCE.test(lines[i])) return i;
  }
  return -1;
}

export function splitIntoChunks(lines: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  const fmEnd = frontMatterEnd(lines);
  if (fmEnd > 0) chunks.push(makeChunk(lines, 0, fmEnd, true));
  scanChunks(lines, fmEnd > 0 ? fmEnd + 1 : 0, (from, to) => { chunks.push(makeChunk(lines, from, to, false)); return false; });
  return chunks;
}

export function makeChunk(lines: string[], from: number, to: number, frontMatter: boolean): Chunk {
  return { text: lines.slice(from, to + 1).join('\n'), startLine: from, lineCount: to - from + 1, frontMatter };
}

/**
 * The line scan, from line `start` (which must begin a chunk: every chunk starts in the same
 * state, nothing open) to the end. Calls `emit(from, to)` for each chunk; when `emit` returns
 * true the scan stops there (the incremental splitter uses that once it is back in step).
 */
export function scanChunks(lines: string[], start: number, emit: (from: number, to: number) => boolean): void {
  const push = (from: number, to: number): boolean => (to < from ? false : emit(from, to));
  let fence: { char: string; len: number } | null = null;
  let inComment = false;
  let rawTag: string | null = null;
  let special: string | null = null;
  let inHtmlBlock = false;
  /** Content column of the list item we are certainly inside, if any. */
  let item: number | null = null;
  /** The last top-level line was paragraph text (which some list markers cannot interrupt). */
  let afterText = false;
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
    if (special) {
      if (line.includes(special)) special = null;
      continue;
    }
    // Fast path for the commonest lines, prose and table rows starting at column 0 with a letter or
    // `|`: they open nothing and are not blank; they end a list item they are not indented into.
    const c0 = line.charCodeAt(0);
    if ((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 > 127 || c0 === 124 /* | */) {
      item = null;
      afterText = true;
      continue;
    }
    if (line.trim() === '') {
      inHtmlBlock = false;
      afterText = false;
      continue;
    }
    // Constructs opened inside a list item or a blockquote cannot outlive it, and a heading at
    // column 0 always closes both; so only top-level openers matter. Where we cannot be sure a
    // line is inside a container, we treat it as top level: that only ever splits less.
    const indent = /^ */.exec(line)![0].length;
    const tabbed = /^ *\t/.test(line);
    if (item !== null && !tabbed && indent >= item) continue;
    if (BLOCKQUOTE.test(line)) { afterText = false; continue; }
    const marker = tabbed ? null : LIST_ITEM.exec(line);
    const blank = marker !== null && marker[0].length === line.length;
    // Only a bullet with content or "1." may interrupt a paragraph; otherwise the line is more text.
    const interrupts = marker !== null && (!afterText || item !== null || (!blank && (/^[-*+]$/.test(marker[2]) || /^0*1[.)]$/.test(marker[2]))));
    if (marker && interrupts && !THEMATIC_BREAK.test(line)) {
      afterText = false;
      const spaces = marker[3].length;
      // An empty item may end at the next blank line: not a container we can be sure of.
      item = blank ? null : marker[1].length + marker[2].length + (spaces > 4 ? 1 : spaces);
      continue;
    }
    item = null;
    // Inside a possible HTML block no heading starts, but every other opener still counts: the
    // "block" may really be paragraph text, where a comment or a fence can begin (union = safe).
    if (i > start && !inHtmlBlock && ATX.test(line)) {
      if (push(start, i - 1)) return;
      start = i;
    }
    afterText = true;
    const f = FENCE.exec(line);
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      afterText = false;
      fence = { char: f[1][0], len: f[1].length };
      continue;
    }
    const trimmed = line.replace(/^ {0,3}/, '');
    if (trimmed.startsWith('<!--')) {
      if (!trimmed.includes('-->', 4)) inComment = true;
      afterText = false;
      continue;
    }
    const raw = HTML_RAW_OPEN.exec(line);
    if (raw) {
      if (!line.toLowerCase().includes(`</${raw[1].toLowerCase()}>`)) rawTag = raw[1].toLowerCase();
      afterText = false;
      continue;
    }
    const sp = HTML_SPECIAL.find((h) => h.open.test(line));
    if (sp) {
      if (!line.slice(line.indexOf('<') + 2).includes(sp.close)) special = sp.close;
      afterText = false;
      continue;
    }
    if (HTML_BLOCK_OPEN.test(line)) inHtmlBlock = true;
    if (ATX.test(line) || THEMATIC_BREAK.test(line)) afterText = false;
  }
  push(start, lines.length - 1);
}
