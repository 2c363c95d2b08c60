/**
 * Heading → step matching. Headings are normalised (numbering such as "Step 3 —", "3.1", "III." and
 * emoji removed, lower-cased, plurals folded) and compared with each step's aliases as sets of words,
 * so word order and punctuation do not matter. An alias token ending in `*` matches any word that
 * starts with it (inflected languages: "данн*" matches данные, данных).
 *
 * A heading may name two steps ("Model development and offline evaluation", "Problem formulation"
 * when the framework lists it under two steps): every step whose best alias is not swallowed by a
 * longer alias of another step is returned, the longest (then earliest) first.
 */
import type { Framework } from '../types';
import { lexicon } from '../lexicon';
import { TextMemo } from '../memo';

const STOPWORDS = new Set(lexicon.headingStopwords);

const NUMBERING = /^\s*(?:(?:step|part|section|stage|chapter|phase|этап|шаг|часть|раздел|단계)\s*)?(?:\d+(?:\.\d+)*|[ivxlc]+(?=[.)])|[a-h](?=[.)]))\s*[.):\-—–]*\s*(?=\S|$)/i;
const NUMBERING_WORD_ONLY = /^\s*(?:step|part|section|stage|chapter|phase|этап|шаг)\s+(?:\d+|[ivx]+)\s*[.:\-—–]*\s*/i;

export function stem(word: string): string {
  if (word.length > 3 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

export function headingTokens(text: string): string[] {
  let t = text.replace(/<!--[^]*?-->/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\]\([^)]*\)/g, ' ');
  t = t.replace(/\(\s*\d+\s*(?:min(?:utes?)?|мин\w*)\s*\)/gi, ' '); // "(5 min)" time boxes
  t = t.replace(/\*\*|__/g, '');
  t = t.replace(NUMBERING_WORD_ONLY, '');
  t = t.replace(/^[^\p{L}\p{N}]+/u, ''); // leading emoji / symbols
  t = t.replace(NUMBERING, '');
  return t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}*]+/gu, ' ')
    .split(' ')
    .filter((w) => w && w !== '*' && !STOPWORDS.has(w))
    .map(stem);
}

interface CompiledAlias { stepId: string; tokens: string[] }

export interface HeadingMatch {
  /** Best step first. */
  stepIds: string[];
  stepId: string;
  /** The matched aliases together cover every word of the heading. */
  exact: boolean;
  /** The share of the heading's distinct words the matched aliases cover (1 when exact). */
  share: number;
}

export interface HeadingMatcher {
  match(text: string): string | undefined;
  matchDetail(text: string): HeadingMatch | undefined;
  isNeutral(text: string): boolean;
}

const tokenHits = (tok: string, word: string) => (tok.endsWith('*') ? word.startsWith(tok.slice(0, -1)) : word === tok);

const matchMemo = new TextMemo<object, HeadingMatch | undefined>();
const neutralMemo = new TextMemo<object, boolean>();

export function createHeadingMatcher(framework: Framework): HeadingMatcher {
  const aliases: CompiledAlias[] = [];
  for (const step of framework.steps) {
    for (const alias of [step.id, step.title, ...step.aliases]) {
      const tokens = headingTokens(alias);
      if (tokens.length) aliases.push({ stepId: step.id, tokens });
    }
  }
  // Which aliases a word can take part in: by whole token, and the few prefix (`*`) tokens. An alias
  // matches only if every token hits a word, so the others need not be tried (a heading costs its
  // words' lookups, not a pass over every alias of the framework).
  const byToken = new Map<string, number[]>();
  const prefixed: { prefix: string; alias: number }[] = [];
  aliases.forEach((alias, k) => {
    for (const tok of new Set(alias.tokens)) {
      if (tok.endsWith('*')) prefixed.push({ prefix: tok.slice(0, -1), alias: k });
      else {
        const list = byToken.get(tok);
        if (list) list.push(k);
        else byToken.set(tok, [k]);
      }
    }
  });
  const candidates = (words: string[]): CompiledAlias[] => {
    const ks = new Set<number>();
    for (const w of words) {
      for (const k of byToken.get(w) ?? []) ks.add(k);
      for (const p of prefixed) if (w.startsWith(p.prefix)) ks.add(p.alias);
    }
    return [...ks].sort((a, b) => a - b).map((k) => aliases[k]); // alias order, as a full pass would try them
  };
  const neutral = (framework.neutralHeadings ?? []).map(headingTokens).filter((t) => t.length);
  // Swept by analysis generation (memo.ts), not cleared at a fixed size: a doc with 50,000 headings
  // asks about each several times, and a cleared cache made every later ask start over.
  const cacheKey = {};

  const matchWords = (words: string[]): HeadingMatch | undefined => {
    if (!words.length || words.length > 14) return undefined;
    // Best alias per step: the one covering most words, then the one starting earliest.
    const best = new Map<string, { covered: Set<number>; first: number }>();
    for (const alias of candidates(words)) {
      const covered = new Set<number>();
      let all = true;
      for (const tok of alias.tokens) {
        const at = words.findIndex((w, i) => !covered.has(i) && tokenHits(tok, w));
        if (at < 0) { all = false; break; }
        covered.add(at);
      }
      if (!all) continue;
      const first = Math.min(...covered);
      const prev = best.get(alias.stepId);
      if (!prev || covered.size > prev.covered.size || (covered.size === prev.covered.size && first < prev.first)) best.set(alias.stepId, { covered, first });
    }
    if (!best.size) return undefined;
    const entries = [...best.entries()];
    // A step whose words all sit inside a longer alias of another step was not named on its own
    // ("model" inside "model evaluation").
    const kept = entries.filter(([id, e]) => !entries.some(([other, o]) => other !== id && o.covered.size > e.covered.size && [...e.covered].every((i) => o.covered.has(i))));
    kept.sort((a, b) => b[1].covered.size - a[1].covered.size || a[1].first - b[1].first);
    const union = new Set(kept.flatMap(([, e]) => [...e.covered]));
    const stepIds = kept.map(([id]) => id);
    const distinct = new Set(words).size;
    return { stepIds, stepId: stepIds[0], exact: distinct <= union.size, share: Math.min(1, union.size / distinct) };
  };

  const matcher: HeadingMatcher = {
    match(text) {
      return matcher.matchDetail(text)?.stepId;
    },
    matchDetail(text) {
      return matchMemo.get(cacheKey, text, () => matchWords(headingTokens(text)));
    },
    isNeutral(text) {
      return neutralMemo.get(cacheKey, text, () => {
        const words = headingTokens(text);
        return neutral.some((n) => n.every((t) => words.some((w) => tokenHits(t, w))) && words.length <= n.length + 2);
      });
    },
  };
  return matcher;
}
