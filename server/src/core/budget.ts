/**
 * Analysis budget. The Markdown parser is super-linear on some shapes (thousands of nested
 * blockquotes or list markers on one line, a multi-megabyte paragraph): a cheap pre-scan sends
 * such chunks to the plain-text fallback instead of letting them stall or overflow the stack.
 * The server and CLI additionally run analysis in a worker with a time limit, as a last line of defence.
 */
export interface Budget {
  /** Largest chunk (characters between two top-level headings) parsed as Markdown. */
  maxChunkChars: number;
  /** Longest single line parsed as Markdown. */
  maxLineChars: number;
  /** Deepest container nesting (blockquote markers / list indentation levels) parsed as Markdown. */
  maxNesting: number;
}

export const DEFAULT_BUDGET: Budget = { maxChunkChars: 400_000, maxLineChars: 20_000, maxNesting: 40 };

export function checkBudget(text: string, budget: Budget): string | undefined {
  if (text.length > budget.maxChunkChars) {
    return `section is ${Math.round(text.length / 1000)} k characters (limit ${Math.round(budget.maxChunkChars / 1000)} k)`;
  }
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const len = lineEnd - lineStart;
    if (len > budget.maxLineChars) return `a line is ${len} characters long (limit ${budget.maxLineChars})`;
    const depth = nestingDepth(text, lineStart, lineEnd);
    if (depth > budget.maxNesting) return `nesting is ${depth} levels deep (limit ${budget.maxNesting})`;
    lineStart = lineEnd + 1;
  }
  return undefined;
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
