/** The glossary behind hover, completion and `mlsd explain <term>`. */
import entries from './glossary.json';
import { findAll } from '../core/phrases';

export interface GlossaryEntry { term: string; aliases?: string[]; category: string; definition: string; whenToUse: string; pitfall: string }

export const glossary: GlossaryEntry[] = entries;

const byName = new Map<string, GlossaryEntry>();
for (const e of glossary) for (const n of [e.term, ...(e.aliases ?? [])]) byName.set(normalise(n), e);

function normalise(s: string): string {
  return s.toLowerCase().replace(/[\s\-_/]+/g, ' ').replace(/(?:'s|es|s)$/, '').trim();
}

export function lookupTerm(name: string): GlossaryEntry | undefined {
  return byName.get(normalise(name)) ?? byName.get(name.toLowerCase().trim());
}

const allNames = glossary.flatMap((e) => [e.term, ...(e.aliases ?? [])]);

/** The glossary term written at `character` in `line`, if any (longest match wins). */
export function termAt(line: string, character: number): { entry: GlossaryEntry; start: number; end: number } | undefined {
  let best: { entry: GlossaryEntry; start: number; end: number } | undefined;
  for (const hit of findAll(line, allNames)) {
    const end = hit.index + hit.text.length;
    if (hit.index <= character && character <= end) {
      const entry = lookupTerm(hit.text);
      if (entry && (!best || end - hit.index > best.end - best.start)) best = { entry, start: hit.index, end };
    }
  }
  return best;
}

export function formatEntry(e: GlossaryEntry, markdown: boolean): string {
  const b = (s: string) => (markdown ? `**${s}**` : s);
  const aka = e.aliases?.length ? ` (${e.aliases.join(', ')})` : '';
  return [`${b(e.term)}${aka} — ${e.category}`, '', e.definition, '', `${b('When to use:')} ${e.whenToUse}`, '', `${b('Pitfall:')} ${e.pitfall}`].join('\n');
}
