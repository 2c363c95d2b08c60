/**
 * Heading → step matching. Headings are normalised (numbering such as "Step 3 —", "3.1", "III." and
 * emoji removed, lower-cased, plurals folded) and compared with each step's aliases as sets of words,
 * so word order and punctuation do not matter. The alias that covers most words wins; ties go to
 * the alias whose first word comes earliest in the heading.
 */
import type { Framework } from '../types';

const STOPWORDS = new Set(['the', 'a', 'an', 'and', 'of', 'for', 'to', 'in', 'on', 'with', 'our', 'its', 'by', 'at', 'vs', 'versus', 'or', 'и', 'в', 'на', 'для']);

const NUMBERING = /^\s*(?:(?:step|part|section|stage|chapter|phase|этап|шаг|часть|раздел)\s*)?(?:\d+(?:\.\d+)*|[ivxlc]+(?=[.)])|[a-h](?=[.)]))\s*[.):\-—–]*\s*(?=\S|$)/i;
const NUMBERING_WORD_ONLY = /^\s*(?:step|part|section|stage|chapter|phase|этап|шаг)\s+(?:\d+|[ivx]+)\s*[.:\-—–]*\s*/i;

export function stem(word: string): string {
  if (word.length > 3 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

export function headingTokens(text: string): string[] {
  let t = text.replace(/<!--[^]*?-->/g, ' ').replace(/<[^>]+>/g, ' ');
  t = t.replace(/\([^)]*\bmin(?:utes?)?\)/gi, ' '); // "(5 min)" time boxes
  t = t.replace(NUMBERING_WORD_ONLY, '');
  t = t.replace(/^[^\p{L}\p{N}]+/u, ''); // leading emoji / symbols
  t = t.replace(NUMBERING, '');
  return t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w && !STOPWORDS.has(w))
    .map(stem);
}

interface CompiledAlias { stepId: string; tokens: string[] }

export interface HeadingMatch { stepId: string; /** The alias covers every word of the heading. */ exact: boolean }

export interface HeadingMatcher {
  match(text: string): string | undefined;
  matchDetail(text: string): HeadingMatch | undefined;
  isNeutral(text: string): boolean;
}

export function createHeadingMatcher(framework: Framework): HeadingMatcher {
  const aliases: CompiledAlias[] = [];
  for (const step of framework.steps) {
    for (const alias of [step.id, step.title, ...step.aliases]) {
      const tokens = headingTokens(alias);
      if (tokens.length) aliases.push({ stepId: step.id, tokens });
    }
  }
  const neutral = (framework.neutralHeadings ?? []).map(headingTokens).filter((t) => t.length);
  const cache = new Map<string, HeadingMatch | undefined>();
  const neutralCache = new Map<string, boolean>();
  const matcher: HeadingMatcher = {
    match(text) {
      return matcher.matchDetail(text)?.stepId;
    },
    matchDetail(text) {
      if (cache.has(text)) return cache.get(text);
      const words = headingTokens(text);
      let best: { stepId: string; score: number; first: number } | undefined;
      if (words.length && words.length <= 14) {
        for (const alias of aliases) {
          let first = Infinity;
          let all = true;
          for (const tok of alias.tokens) {
            const at = words.indexOf(tok);
            if (at < 0) { all = false; break; }
            first = Math.min(first, at);
          }
          if (!all) continue;
          const score = alias.tokens.length;
          if (!best || score > best.score || (score === best.score && first < best.first)) best = { stepId: alias.stepId, score, first };
        }
      }
      const result = best && { stepId: best.stepId, exact: new Set(words).size <= best.score };
      if (cache.size > 5000) cache.clear();
      cache.set(text, result);
      return result;
    },
    isNeutral(text) {
      let v = neutralCache.get(text);
      if (v === undefined) {
        const words = headingTokens(text);
        v = neutral.some((n) => n.every((t) => words.includes(t)) && words.length <= n.length + 2);
        if (neutralCache.size > 5000) neutralCache.clear();
        neutralCache.set(text, v);
      }
      return v;
    },
  };
  return matcher;
}
