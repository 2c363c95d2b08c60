/**
 * Markdown → plain extraction for one chunk: headings, prose blocks (paragraphs, list items,
 * table rows), code, HTML comments with mlsd directives, front matter. Uses the unified stack
 * (remark-parse + remark-gfm + remark-frontmatter). Never throws: input over the size/nesting
 * budget, or a parser failure, is analysed as plain paragraphs and marked `skipped`.
 * Positions are relative to the chunk (line 0 = its first line).
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, ListItem, Table, Nodes } from 'mdast';
import type { BlockKind, InlineDirective, Range } from './types';
import { range } from './text';
import { parseDirectives } from './directives';
import { checkBudget, type Budget, DEFAULT_BUDGET } from './budget';
import { skipReason } from './skip-reasons';

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
  /** A list item that only links to a heading of the doc (a table of contents): no content of its own. */
  navigation?: boolean;
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

/**
 * remark-gfm's one tree transform re-scans every text node for bare URLs and e-mail addresses and
 * splits it around a link node whose text is exactly the text it replaces. Extraction reads only the
 * text (and never a paragraph's inline children's kinds, except a single `strong`), so the transform
 * changes nothing it reads and cost a tenth of the parse; it is dropped (the tokenizer's own literal
 * links stay). test/unit/parse-transform.test.ts holds the extraction against remark-gfm's full tree.
 */
function withoutTreeTransforms(this: Processor) {
  const data = this.data();
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((ext) =>
    Array.isArray(ext) ? ext.map(({ transforms: _, ...rest }) => rest) : (({ transforms: _, ...rest }) => rest)(ext));
}

/**
 * GFM's literal links ("www.x.com", "https://…", "a@b.org") are tried at every letter and digit of
 * the text, a fifth of the parse; they cannot start without an "@", a "www." or an "http(s)://". A
 * chunk without any of those parses to the same tree without them (a construct that fails leaves
 * nothing behind; the data runs it would have broken are merged again), so it is parsed by a
 * processor whose GFM syntax lacks them. parse-transform.test.ts holds both against remark-gfm.
 */
const LITERAL_LINK_CONSTRUCTS = new Set(['emailAutolink', 'wwwAutolink', 'protocolAutolink']);
const MAY_LINK = /@|www\.|https?:\/\//i;
type SyntaxExtension = { text?: Record<string, unknown> } & Record<string, unknown>;
function withoutLiteralLinkSyntax(this: Processor) {
  const data = this.data();
  const strip = (ext: SyntaxExtension): SyntaxExtension => {
    if (!ext.text) return ext;
    const text: Record<string, unknown> = {};
    for (const [code, list] of Object.entries(ext.text)) {
      const kept = (Array.isArray(list) ? list : [list]).filter((c: { name?: string }) => !LITERAL_LINK_CONSTRUCTS.has(c?.name ?? ''));
      if (kept.length) text[code] = kept;
    }
    return { ...ext, text };
  };
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((ext) =>
    (Array.isArray(ext) ? ext.map((e) => strip(e as SyntaxExtension)) : strip(ext as SyntaxExtension)) as typeof ext);
}

/** Front matter can only open a document, so only the chunk at line 0 is parsed with the extension. */
const processors = {
  atStart: unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(withoutTreeTransforms),
  inside: unified().use(remarkParse).use(remarkGfm).use(withoutTreeTransforms),
  atStartNoLinks: unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(withoutTreeTransforms).use(withoutLiteralLinkSyntax),
  insideNoLinks: unified().use(remarkParse).use(remarkGfm).use(withoutTreeTransforms).use(withoutLiteralLinkSyntax),
};
function processorFor(text: string, documentStart: boolean) {
  if (MAY_LINK.test(text)) return documentStart ? processors.atStart : processors.inside;
  return documentStart ? processors.atStartNoLinks : processors.insideNoLinks;
}

const REASON_COLUMN = /\b(why|reason|rationale|justification|because|trade-?offs?|pros|what decides)\b/i;

export function parseChunk(text: string, budget: Budget = DEFAULT_BUDGET, documentStart = true): ParsedChunk {
  const over = checkBudget(text, budget);
  if (over) return plainChunk(text, over);
  return simpleHeadingChunk(text) ?? parseMarkdown(text, documentStart);
}

/** The parser path of parseChunk, without the budget check or the shortcut (tests compare the two). */
export function parseMarkdown(text: string, documentStart: boolean): ParsedChunk {
  // Parsing and extraction both walk input-shaped structures: anything they throw (a stack overflow
  // in micromark on pathological nesting, or a bug) costs this chunk its structure, not the whole doc.
  try {
    return extractTree(processorFor(text, documentStart).parse(text), text);
  } catch (err) {
    return plainChunk(text, failureReason(err));
  }
}

/** What the model reads of a parsed chunk's tree (exported for the test that compares parser setups). */
export function extractTree(tree: Root, text: string): ParsedChunk {
  const out = extract(tree);
  if (endsOpen(tree, text)) out.endsOpen = true;
  return out;
}

function failureReason(err: unknown): string {
  const message = String((err as Error)?.message ?? err);
  if (err instanceof RangeError && /call stack/i.test(message)) return skipReason('nesting too deep for the Markdown parser');
  return skipReason('Markdown parser failed: {0}', message.split('\n')[0].slice(0, 200));
}

/**
 * A chunk that is one ATX heading of plain words, maybe followed by paragraphs of plain words, is what
 * a doc with tens of thousands of sections is made of; each would otherwise cost a full parser run
 * (0.1–0.5 ms: most of the time of such a doc). The characters allowed are ones no inline construct
 * starts with, and a paragraph line may not start with one that opens a block (a bullet, an ordered
 * item, a setext underline) nor carry leading or trailing white space (indented code, hard breaks), so
 * each block's text is its lines' text (tested against the parser in incremental.test.ts).
 */
const SIMPLE_HEADING = /^(#{1,6}) +([\p{L}\p{N}.,:;?'"()/-](?:[\p{L}\p{N} .,:;?'"()/-]*[\p{L}\p{N}.,:;?'"()/-])?)$/u;
const PLAIN_LINE = /^[\p{L}\p{N}.,:;?'"()/](?:[\p{L}\p{N} .,:;?'"()/-]*[\p{L}\p{N}.,:;?'"()/-])?$/u;
const ORDERED_ITEM = /^[0-9]+[.)]/;
export function simpleHeadingChunk(text: string): ParsedChunk | undefined {
  const nl = text.indexOf('\n');
  const first = nl < 0 ? text : text.slice(0, nl);
  if (first.length > 200) return undefined;
  const m = SIMPLE_HEADING.exec(first);
  if (!m) return undefined;
  const r = range(0, 0, 0, first.length);
  const out: ParsedChunk = {
    headings: [{ text: m[2], depth: m[1].length, range: r }],
    blocks: [{ kind: 'heading', text: m[2], range: range(0, 0, 0, first.length), parent: -1 }],
    directives: [],
  };
  if (nl < 0) return out;
  // Paragraphs: runs of plain lines between empty lines.
  let line = 1;
  let start = -1;
  let from = nl + 1;
  const para: string[] = [];
  let lastLength = 0;
  const flush = () => {
    if (start < 0) return;
    out.blocks.push({ kind: 'paragraph', text: para.join('\n'), range: range(start, 0, line - 1, lastLength), parent: -1 });
    para.length = 0;
    start = -1;
  };
  while (from <= text.length) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    if (end === from) flush();
    else {
      const l = text.slice(from, end);
      if (!PLAIN_LINE.test(l) || ORDERED_ITEM.test(l)) return undefined;
      if (start < 0) start = line;
      para.push(l);
      lastLength = l.length;
    }
    from = end + 1;
    line++;
  }
  flush();
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

/** What is left to do, in document order, when walking the tree with an explicit stack. */
type Task =
  | { t: 'node'; node: RootContent; parent: number; topLevel: boolean }
  | { t: 'item'; item: ListItem; parent: number; leadCandidate: boolean }
  | { t: 'directives'; node: Nodes };

/**
 * The tree walk, iterative: nesting depth is input-controlled, so recursion could overflow the stack.
 * Tasks are pushed in reverse, so they run in the same order a recursive walk would visit them.
 */
function extract(tree: Root): ParsedChunk {
  const out: ParsedChunk = { headings: [], blocks: [], directives: [] };
  const stack: Task[] = [];
  const pushAll = (tasks: Task[]) => { for (let i = tasks.length - 1; i >= 0; i--) stack.push(tasks[i]); };
  pushAll(tree.children.map((node) => ({ t: 'node', node, parent: -1, topLevel: true })));
  while (stack.length) {
    const task = stack.pop()!;
    if (task.t === 'directives') collectInlineDirectives(task.node, out);
    else if (task.t === 'item') pushAll(visitItem(task.item, task.parent, task.leadCandidate, out));
    else pushAll(visitNode(task.node, task.parent, task.topLevel, out));
  }
  return out;
}

/** One block node: its own output now, its children as tasks. */
function visitNode(node: RootContent, parent: number, topLevel: boolean, out: ParsedChunk): Task[] {
  switch (node.type) {
    case 'yaml':
      out.frontMatter = { raw: node.value, range: pos(node) };
      return [];
    case 'heading': {
      const text = plainText(node, false).trim();
      out.headings.push({ text, depth: node.depth, range: pos(node) });
      out.blocks.push({ kind: 'heading', text, range: pos(node), parent });
      collectInlineDirectives(node, out);
      return [];
    }
    case 'paragraph': {
      const text = plainText(node);
      const block: ChunkBlock = { kind: 'paragraph', text, range: pos(node), parent };
      if (topLevel && node.children.length === 1 && node.children[0].type === 'strong') block.lead = text.trim();
      out.blocks.push(block);
      collectInlineDirectives(node, out);
      return [];
    }
    case 'list':
      return node.children.map((item) => ({ t: 'item', item, parent, leadCandidate: topLevel && node.ordered === true }));
    case 'table':
      visitTable(node, parent, out);
      return [];
    case 'blockquote':
      return node.children.map((child) => ({ t: 'node', node: child, parent, topLevel: false }));
    case 'code':
      out.blocks.push({ kind: 'code', text: node.value, range: pos(node), parent });
      return [];
    case 'html':
      out.blocks.push({ kind: 'html', text: node.value, range: pos(node), parent });
      out.directives.push(...parseDirectives(node.value, pos(node).start.line));
      return [];
    default:
      return [];
  }
}

/** The item's own content is one link to an anchor of the doc ("[1.5 User scenario](#15-user-scenario)"). */
function isAnchorLinkOnly(own: ListItem['children']): boolean {
  if (own.length !== 1 || own[0].type !== 'paragraph') return false;
  const parts = own[0].children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return parts.length === 1 && parts[0].type === 'link' && parts[0].url.startsWith('#');
}

/** A list item is one block (its own text, without nested lists); nested lists and blocks follow it. */
function visitItem(item: ListItem, parent: number, leadCandidate: boolean, out: ParsedChunk): Task[] {
  const own = item.children.filter((c) => c.type !== 'list');
  const text = own.map((c) => plainText(c)).join('\n');
  const r = pos(item);
  const last = own[own.length - 1];
  if (last?.position) r.end = pos(last).end;
  const index = out.blocks.length;
  const block: ChunkBlock = { kind: 'listItem', text, range: r, parent };
  if (isAnchorLinkOnly(own)) block.navigation = true;
  if (leadCandidate && own[0]?.type === 'paragraph') block.lead = plainText(own[0]).split('\n')[0].trim();
  out.blocks.push(block);
  const tasks: Task[] = [];
  for (const child of item.children) {
    if (child.type === 'list') for (const sub of child.children) tasks.push({ t: 'item', item: sub, parent: index, leadCandidate: false });
    else if (child.type === 'paragraph') tasks.push({ t: 'directives', node: child });
    else tasks.push({ t: 'node', node: child, parent: index, topLevel: false });
  }
  return tasks;
}

function visitTable(table: Table, parent: number, out: ParsedChunk): void {
  const [head, ...rows] = table.children;
  if (!head) return;
  const headerCells = head.children.map((c) => plainText(c));
  const reasonCols = headerCells.map((h, i) => (REASON_COLUMN.test(h) ? i : -1)).filter((i) => i >= 0);
  out.blocks.push({ kind: 'tableRow', text: headerCells.join(' | '), range: pos(head), parent, header: true });
  for (const cell of head.children) collectInlineDirectives(cell, out);
  for (const row of rows) {
    for (const cell of row.children) collectInlineDirectives(cell, out);
    const cells = row.children.map((c) => plainText(c));
    const reasonCell = reasonCols.some((i) => (cells[i] ?? '').trim().length > 2);
    out.blocks.push({ kind: 'tableRow', text: cells.join(' | '), range: pos(row), parent, reasonCell });
  }
}

/**
 * The text of a node, as mdast-util-to-string gives it (a literal's value, an image's alt, else the
 * children's text joined; raw HTML only with `includeHtml`), but with an explicit stack: emphasis can
 * nest thousands deep within the budget, and the recursive original overflows the stack on it.
 */
export function plainText(node: Nodes, includeHtml = true): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if ('value' in n) {
      if (n.type !== 'html' || includeHtml) parts.push(n.value);
    } else if ('alt' in n && n.alt) {
      parts.push(n.alt);
    } else if ('children' in n) {
      const children = n.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return parts.join('');
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
