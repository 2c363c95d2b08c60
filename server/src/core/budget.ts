/**
 * Analysis budget. The Markdown parser is super-linear on some shapes (thousands of nested
 * blockquotes or list markers on one line, a multi-megabyte paragraph, long runs of emphasis or
 * link markers): a cheap pre-scan sends such chunks to the plain-text fallback instead of letting
 * them stall or overflow the stack. The server and CLI additionally run analysis in a worker with a
 * time limit, as a last line of defence.
 */
import { skipReason } from './skip-reasons';
export interface Budget {
  /** Largest chunk (characters between two top-level headings) parsed as Markdown. */
  maxChunkChars: number;
  /** Longest single line parsed as Markdown. */
  maxLineChars: number;
  /** Deepest container nesting (blockquote markers / list indentation levels) parsed as Markdown. */
  maxNesting: number;
  /**
   * Most emphasis, strikethrough and link-bracket characters (`*`, `_`, `~`, `[`, `]`) in one
   * paragraph. micromark pairs these delimiters in time quadratic in their number per paragraph
   * (measured with the pinned stack: 3,000 in one paragraph 0.1–0.9 s by shape; the 20,000 of
   * `*…*a*…*` 7.6 s, then a stack overflow). Optional so callers' budgets need not name it.
   */
  maxDelimitersPerParagraph?: number;
  /** Most delimiter work in one chunk: the sum over its paragraphs of (delimiters)², as that is what it costs. */
  maxDelimiterWork?: number;
}

export const DEFAULT_BUDGET: Budget = {
  maxChunkChars: 400_000,
  maxLineChars: 20_000,
  maxNesting: 40,
  maxDelimitersPerParagraph: 2_000,
  maxDelimiterWork: 8_000_000, // worst shape measured: about 0.75 s per chunk at this much work
};

export function checkBudget(text: string, budget: Budget): string | undefined {
  if (text.length > budget.maxChunkChars) {
    return skipReason('section is {0} k characters (limit {1} k)', Math.round(text.length / 1000), Math.round(budget.maxChunkChars / 1000));
  }
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const len = lineEnd - lineStart;
    if (len > budget.maxLineChars) return skipReason('a line is {0} characters long (limit {1})', len, budget.maxLineChars);
    const depth = nestingDepth(text, lineStart, lineEnd);
    if (depth > budget.maxNesting) return skipReason('nesting is {0} levels deep (limit {1})', depth, budget.maxNesting);
    lineStart = lineEnd + 1;
  }
  return checkDelimiters(text, budget);
}

/**
 * Delimiters per paragraph, counted in one pass. A paragraph here is a run of lines between blank
 * lines, ATX headings and bullet items (a bullet with text at column 0–3 always starts a new block, so
 * no inline content runs across it); each row of a GFM table is one too. That can only over-count: an
 * ordered list or a quote without blank lines counts as one. Every `*`, `_` and `~` counts, intraword
 * ones too (micromark pairs `a*b` and `a~b`, and even `a_b` costs it quadratic time), except a run at
 * the start of a line followed by white space (a bullet, a thematic break, a `~~~` fence). Brackets
 * count half: a link has two.
 */
function checkDelimiters(text: string, budget: Budget): string | undefined {
  const perParagraph = budget.maxDelimitersPerParagraph ?? DEFAULT_BUDGET.maxDelimitersPerParagraph!;
  const maxWork = budget.maxDelimiterWork ?? DEFAULT_BUDGET.maxDelimiterWork!;
  let work = 0;
  let total = 0;
  let runs = 0; // emphasis and strikethrough characters in this paragraph
  let brackets = 0;
  const endParagraph = (): string | undefined => {
    if (runs + brackets === 0) return undefined;
    const count = runs + (brackets >> 1);
    runs = 0;
    brackets = 0;
    if (count > perParagraph) return skipReason('a paragraph has {0} emphasis or link markers (limit {1})', count, perParagraph);
    work += count * count;
    total += count;
    if (work > maxWork) return skipReason('its paragraphs have {0} emphasis or link markers between them, too many to pair up quickly', total);
    return undefined;
  };
  let lineStart = 0;
  let lineEnd = lineEndAt(text, 0);
  let afterHeading = false;
  let inTable = false;
  while (lineStart <= text.length) {
    const nextStart = lineEnd + 1;
    const nextEnd = nextStart <= text.length ? lineEndAt(text, nextStart) : -1;
    const kind = lineKind(text, lineStart, lineEnd);
    if (inTable && (kind !== 'text' || !continuesTable(text, lineStart, lineEnd))) inTable = false;
    if (!inTable && kind === 'text' && nextEnd >= 0 && startsTable(text, lineStart, lineEnd, nextStart, nextEnd)) inTable = true;
    // A row of a table is inline content of its own, like a heading.
    if (kind !== 'text' || afterHeading || inTable) {
      const over = endParagraph();
      if (over) return over;
    }
    afterHeading = kind === 'heading';
    let atStart = true; // only indentation and quote markers so far on this line
    for (let i = lineStart; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 91 /* [ */ || c === 93 /* ] */) {
        brackets++;
      } else if (c === 42 /* * */ || c === 95 /* _ */ || c === 126 /* ~ */) {
        let end = i + 1;
        while (end < lineEnd && text.charCodeAt(end) === c) end++;
        if (!(atStart && (end === lineEnd || isSpace(text.charCodeAt(end))))) runs += end - i;
        i = end - 1;
      }
      atStart = atStart && (isSpace(c) || c === 62 /* > */);
    }
    lineStart = nextStart;
    lineEnd = nextEnd;
  }
  return endParagraph();
}

function lineEndAt(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** Whether a line ends the paragraph before it: blank, an ATX heading, or a bullet item with text. */
function lineKind(text: string, from: number, to: number): 'blank' | 'heading' | 'bullet' | 'text' {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (i === to) return 'blank';
  if (i - from > 3) return 'text';
  const c = text.charCodeAt(i);
  if (c === 35 /* # */) {
    let j = i;
    while (j < to && text.charCodeAt(j) === 35) j++;
    return j - i <= 6 && (j === to || isSpace(text.charCodeAt(j))) ? 'heading' : 'text';
  }
  if ((c === 45 || c === 42 || c === 43) /* - * + */ && i + 1 < to && isSpace(text.charCodeAt(i + 1))) {
    let j = i + 1;
    while (j < to && isSpace(text.charCodeAt(j))) j++;
    return j < to ? 'bullet' : 'text';
  }
  return 'text';
}

const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** A header row followed by a delimiter row with as many cells: a GFM table starts here. */
function startsTable(text: string, from: number, to: number, nextFrom: number, nextTo: number): boolean {
  const pipe = text.indexOf('|', nextFrom);
  if (pipe < 0 || pipe >= nextTo) return false;
  const next = text.slice(nextFrom, nextTo);
  if (!DELIMITER_ROW.test(next)) return false;
  return cellCount(text.slice(from, to)) === cellCount(next);
}

/**
 * Cells in a table row: unescaped pipes split them (inside code spans too, as in GFM), an edge pipe
 * does not. Getting this wrong only matters one way: a header that is not really one would let us
 * count its paragraph row by row. So a header must match the delimiter row exactly.
 */
function cellCount(row: string): number {
  const s = row.trim();
  let pipes = 0;
  let escapes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \\ */) { escapes++; continue; }
    if (c === 124 /* | */ && escapes % 2 === 0 && i > 0 && i < s.length - 1) pipes++;
    escapes = 0;
  }
  return pipes + 1;
}

/**
 * Whether a line inside a table is another row. Only a blank line or another block's start ends a
 * table, and that block (a quote, say) may continue lazily; so any line that might start one ends
 * table mode here, and is counted with what follows it.
 */
function continuesTable(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && text.charCodeAt(i) === 32) i++;
  if (i - from > 3 || i === to) return false;
  const c = text.charCodeAt(i);
  return c === 124 /* | */ || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** Container markers at the start of a line: `>`, list bullets, and indentation (2 columns a level). */
function nestingDepth(text: string, from: number, to: number): number {
  let depth = 0;
  let indent = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) indent++;
    else if (c === 9) indent += 4;
    else if (c === 62 /* > */) depth++;
    else if ((c === 45 || c === 42 || c === 43) /* - * + */ && (text.charCodeAt(i + 1) === 32 || i + 1 === to)) depth++;
    else break;
  }
  return depth + Math.floor(indent / 2);
}
