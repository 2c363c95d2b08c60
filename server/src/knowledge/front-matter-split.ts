/** Splits a bundled knowledge Markdown file into its YAML front matter and body. */
import { parse } from 'yaml';

export function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const m = /^---\r?\n([^]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { data: {}, body: text, bodyLine: 0 };
  const data = parse(m[1]) as Record<string, unknown>;
  return { data: data ?? {}, body: text.slice(m[0].length), bodyLine: m[0].split('\n').length - 1 };
}
