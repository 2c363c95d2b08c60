/**
 * Edits for the warm-equals-cold property tests and the fuzz suite. Besides random character edits,
 * they write and remove whole lines that open or close something the splitter must track across
 * chunks: front matter (`---`), fences, HTML blocks and comments. The incremental splitter once
 * missed a `---` typed far below an unclosed `---` on line 1 (issue 11): random characters almost
 * never produce such a line, so the generators here produce them on purpose.
 */
import fc from 'fast-check';

/** Lines that open or close a construct which spans lines (and some that look like they do). */
export const STRUCTURAL_LINES = [
  '---', '--- ', '***', '```', '````', '```python', '~~~', '  ```', '<div>', '</div>', '<div class="x">', '<!--', '-->', '<!-- note -->',
  '<!-- mlsd-disable-next-line missing-topic -->', '<pre>', '</pre>', '<script>', '<?xml', '?>', '<![CDATA[', ']]>',
  '', '# Title', '## Requirements', '## 4. Model development', 'mlsd: true', 'problem: ranking', '> quote', '- item', '| a | why |',
];

/** Fragments inserted at a random character offset (mid-line or across lines). */
export const FRAGMENTS = [
  '#', '\n', '\n## Serving\n', '```\n', 'x', '- ', '<!--', '-->\n', ' because ', '---\n', '\n---\n', '\n---', '~~~\n', '\n```\n',
  '<div>\n', '\n</div>\n', '\n<!--\n', '\n-->\n', '<pre>\n', '\n</pre>\n', '\n\n', '***', '**', '_', '[', '](x)', '`',
];

export type Edit =
  /** Replace `del` characters at `at` (both taken modulo the text) with `insert`. */
  | { kind: 'chars'; at: number; del: number; insert: string }
  /** Insert a line before, delete, or replace line `line` (taken modulo the line count). */
  | { kind: 'line'; line: number; op: 'insert' | 'delete' | 'replace'; text: string };

export function applyEdit(text: string, edit: Edit): string {
  if (edit.kind === 'chars') {
    const at = edit.at % (text.length + 1);
    return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.del));
  }
  const lines = text.split('\n');
  const i = edit.line % lines.length;
  if (edit.op === 'insert') lines.splice(i, 0, edit.text);
  else if (edit.op === 'replace') lines[i] = edit.text;
  else if (lines.length > 1) lines.splice(i, 1);
  else lines[0] = '';
  return lines.join('\n');
}

/** Ways a doc may open: they decide whether a `---` typed lower down closes front matter. */
export const OPENINGS: ((doc: string) => string)[] = [
  (doc) => doc,
  (doc) => doc.replace(/^---\n([\s\S]*?)\n---\n/, '---\n$1\n\n'), // front matter left unclosed
  (doc) => doc.replace(/^---\n[\s\S]*?\n---\n/, '---\n'), // a thematic break on line 1
  (doc) => doc.replace(/^---\n[\s\S]*?\n---\n/, ''), // no front matter
  (doc) => `---\nmlsd: true\n# note\nproblem: ranking\n${doc.replace(/^---\n[\s\S]*?\n---\n/, '')}`, // the case from issue 11
];

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('chars' as const),
    at: fc.nat(),
    del: fc.nat({ max: 40 }),
    insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })),
  }),
  fc.record({
    kind: fc.constant('line' as const),
    line: fc.nat(),
    op: fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const),
    text: fc.constantFrom(...STRUCTURAL_LINES),
  }),
);

/** The same edits drawn from a seeded random source, for the mutation fuzzer (no fast-check shrinking). */
export function randomEdit(rand: () => number, textLength: number): Edit {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  if (rand() < 0.5) {
    return { kind: 'line', line: Math.floor(rand() * 1e6), op: pick(['insert', 'delete', 'replace'] as const), text: pick(STRUCTURAL_LINES) };
  }
  const insert = rand() < 0.7 ? pick(FRAGMENTS) : randomString(rand, Math.floor(rand() * 9));
  return { kind: 'chars', at: Math.floor(rand() * (textLength + 1)), del: rand() < 0.5 ? 0 : Math.floor(rand() * 41), insert };
}

/** Short strings biased to Markdown punctuation, with the odd control or astral character. */
export function randomString(rand: () => number, length: number): string {
  const alphabet = 'ab #*_`~[]()<>!-|:\\\n\t\r\u0000é😀';
  const chars = [...alphabet];
  let s = '';
  for (let i = 0; i < length; i++) s += chars[Math.floor(rand() * chars.length)];
  return s;
}
