/**
 * Markdown → plain extraction for one chunk: headings, prose blocks (paragraphs, list items,
 * table rows), code, HTML comments with mlsd directives, front matter. Uses the unified stack
 * (remark-parse + remark-gfm + remark-frontmatter). Never throws: input over the size/nesting
 * budget, or a parser failure, is analysed as plain paragraphs and marked `skipped`.
 * Positions are relative to the chunk (line 0 = its first line).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, ListItem, Table, Nodes } from 'mdast';
import type { BlockKind, InlineDirective, Range } from './types';
import { range } from './text';
import { parseDirectives } from './directives';
import { checkBudget, type Budget, DEFAULT_BUDGET } from './budget';

export interface ChunkHeading { text: string; depth: number; range: Range }

export interface ChunkBlock {
  kind: BlockKind;
  text: string;
  range: Range;
  /** Index (in this chunk's blocks) of the enclosing list item, or -1. */
  parent: number;
  /** Top-level item of an ordered list, or a paragraph that is all bold: may stand in for a heading. */
  lead?: string;
  /** Table row whose "why / reason / rationale" column is filled in. */
  reasonCell?: boolean;
  /** Table header row. */
  header?: boolean;
}

export interface ParsedChunk {
  headings: ChunkHeading[];
  blocks: ChunkBlock[];
  directives: InlineDirective[];
  frontMatter?: { raw: string; range: Range };
  /** Why the chunk was not parsed as Markdown (budget or parser failure). */
  skipped?: string;
  /** The chunk ends inside an unclosed fence or HTML block, which would swallow a following heading. */
  endsOpen?: boolean;
}

/** Front matter can only open a document, so only the chunk at line 0 is parsed with the extension. */
const atStart = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const inside = unified().use(remarkParse).use(remarkGfm);

const REASON_COLUMN = /\b(why|reason|rationale|justification|because|trade-?offs?|pros|what decides)\b/i;

export function parseChunk(text: string, budget: Budget = DEFAULT_BUDGET, documentStart = true): ParsedChunk {
  const over = checkBudget(text, budget);
  if (over) return plainChunk(text, over);
  let tree: Root;
  try {
    tree = (documentStart ? atStart : inside).parse(text) as Root;
  } catch (err) {
    // micromark recurses per nesting level; pathological nesting can still overflow the stack.
    const reason = err instanceof RangeError ? 'nesting too deep for the Markdown parser' : `Markdown parser failed: ${String(err)}`;
    return plainChunk(text, reason);
  }
  const out = extract(tree);
  if (endsOpen(tree, text)) out.endsOpen = true;
  return out;
}

function endsOpen(tree: Root, text: string): boolean {
  const last = tree.children[tree.children.length - 1];
  if (!last?.position) return false;
  const lines = text.split('\n');
  let lastLine = lines.length - 1;
  while (lastLine > 0 && lines[lastLine].trim() === '') lastLine--;
  if (last.position.end.line - 1 < lastLine) return false;
  if (last.type === 'html') return true;
  if (last.type !== 'code') return false;
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(lines[last.position.start.line - 1] ?? '');
  if (!open) return false; // indented code ends at any unindented line
  const close = new RegExp(`^ {0,3}${open[1][0] === '`' ? '`' : '~'}{${open[1].length},}[ \\t]*$`);
  return last.position.end.line === last.position.start.line || !close.test(lines[last.position.end.line - 1] ?? '');
}

function pos(node: Nodes): Range {
  const p = node.position;
  if (!p) return range(0, 0, 0, 0);
  return range(p.start.line - 1, p.start.column - 1, p.end.line - 1, p.end.column - 1);
}

function extract(tree: Root): ParsedChunk {
  const out: ParsedChunk = { headings: [], blocks: [], directives: [] };
  const visit = (node: RootContent, parent: number, topLevel: boolean): void => {
    switch (node.type) {
      case 'yaml':
        out.frontMatter = { raw: node.value, range: pos(node) };
        return;
      case 'heading': {
        const text = toString(node, { includeHtml: false }).trim();
        out.headings.push({ text, depth: node.depth, range: pos(node) });
        out.blocks.push({ kind: 'heading', text, range: pos(node), parent });
        collectInlineDirectives(node, out);
        return;
      }
      case 'paragraph': {
        const text = toString(node);
        const block: ChunkBlock = { kind: 'paragraph', text, range: pos(node), parent };
        if (topLevel && node.children.length === 1 && node.children[0].type === 'strong') block.lead = text.trim();
        out.blocks.push(block);
        collectInlineDirectives(node, out);
        return;
      }
      case 'list':
        for (const item of node.children) visitItem(item, parent, topLevel && node.ordered === true);
        return;
      case 'table':
        visitTable(node, parent);
        return;
      case 'blockquote':
        for (const child of node.children) visit(child, parent, false);
        return;
      case 'code':
        out.blocks.push({ kind: 'code', text: node.value, range: pos(node), parent });
        return;
      case 'html': {
        out.blocks.push({ kind: 'html', text: node.value, range: pos(node), parent });
        out.directives.push(...parseDirectives(node.value, pos(node).start.line));
        return;
      }
      default:
        return;
    }
  };
  const visitItem = (item: ListItem, parent: number, leadCandidate: boolean): void => {
    const own = item.children.filter((c) => c.type !== 'list');
    const text = own.map((c) => toString(c)).join('\n');
    const r = pos(item);
    const last = own[own.length - 1];
    if (last?.position) r.end = pos(last).end;
    const index = out.blocks.length;
    const block: ChunkBlock = { kind: 'listItem', text, range: r, parent };
    if (leadCandidate && own[0]?.type === 'paragraph') block.lead = toString(own[0]).split('\n')[0].trim();
    out.blocks.push(block);
    for (const child of item.children) {
      if (child.type === 'list') for (const sub of child.children) visitItem(sub, index, false);
      else if (child.type === 'paragraph') collectInlineDirectives(child, out);
      else if (child.type !== 'heading') visit(child, index, false);
      else visit(child, index, false);
    }
  };
  const visitTable = (table: Table, parent: number): void => {
    const [head, ...rows] = table.children;
    if (!head) return;
    const headerCells = head.children.map((c) => toString(c));
    const reasonCols = headerCells.map((h, i) => (REASON_COLUMN.test(h) ? i : -1)).filter((i) => i >= 0);
    out.blocks.push({ kind: 'tableRow', text: headerCells.join(' | '), range: pos(head), parent, header: true });
    for (const cell of head.children) collectInlineDirectives(cell, out);
    for (const row of rows) {
      for (const cell of row.children) collectInlineDirectives(cell, out);
      const cells = row.children.map((c) => toString(c));
      const reasonCell = reasonCols.some((i) => (cells[i] ?? '').trim().length > 2);
      out.blocks.push({ kind: 'tableRow', text: cells.join(' | '), range: pos(row), parent, reasonCell });
    }
  };
  for (const node of tree.children) visit(node, -1, true);
  return out;
}

/** `<!-- mlsd-disable-line … -->` written inline inside a paragraph or heading. */
function collectInlineDirectives(node: Nodes, out: ParsedChunk): void {
  if (!('children' in node)) return;
  for (const child of node.children as Nodes[]) {
    if (child.type === 'html') out.directives.push(...parseDirectives(child.value, pos(child).start.line));
  }
}

/** Fallback when a chunk cannot be parsed safely: blank-line separated paragraphs, no structure. */
function plainChunk(text: string, reason: string): ParsedChunk {
  const out: ParsedChunk = { headings: [], blocks: [], directives: [], skipped: reason };
  const lines = text.split('\n');
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    const body = lines.slice(start, end + 1).join('\n');
    // Cap what the rules see of an oversized paragraph: they look for phrases, not whole books.
    out.blocks.push({ kind: 'other', text: body.length > 20000 ? body.slice(0, 20000) : body, range: range(start, 0, end, lines[end].length), parent: -1 });
    start = -1;
  };
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') flush(i - 1);
    else if (start < 0) start = i;
  }
  flush(lines.length - 1);
  const first = lines[0] ?? '';
  const h = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(first);
  if (h) out.headings.push({ text: h[2].slice(0, 200), depth: h[1].length, range: range(0, 0, 0, first.length) });
  return out;
}
