/**
 * Phrase matching for topics, lexicons and glossary terms: case-insensitive, tolerant of plurals,
 * of hyphen/space/slash variants ("real-time" = "real time") and of a trailing `*` meaning "any ending"
 * ("downsampl*" matches downsampling and downsampled). Short acronyms written with two or more capitals
 * of two or three letters ("MAP", "ANN", "mAP") match case-sensitively, so "map" and "Ann" in prose do not count.
 * Compiled once per phrase list.
 */
import { escapeRegExp } from './text';
import { TextMemo } from './memo';

/**
 * `gate`, when set, is a tiny test the text must pass before `insensitive` can match: building a
 * case-insensitive Unicode regex with hundreds of `\p{L}` classes costs V8 hundreds of milliseconds
 * (the cold-start cost), and most texts (English docs) cannot match the Russian or Korean phrases.
 */
interface Compiled {
  ascii: RegExp | null;
  /** For a long list of ASCII phrases that all open at a word boundary: its phrases by the first one
   * to four letters of their first word (see `matchesAtStarts`). */
  asciiStarts: Starts | null;
  /** The non-ASCII phrases' regex for this text: null when the gate rules a hit out; built on first need. */
  insensitive(text: string): RegExp | null;
  sensitive: RegExp | null;
}
const byList = new WeakMap<readonly string[], Compiled>();
const byKey = new Map<string, Compiled>();

/** Two- or three-letter acronyms collide with words and names ("MAP"/map, "ANN"/Ann); longer ones
 * (NDCG, HNSW, SMOTE) are written in any case. */
function isAcronym(phrase: string): boolean {
  return /^[A-Za-z]{2,3}$/.test(phrase) && (phrase.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

const ASCII = /^[\x20-\x7e]*$/;

/** A phrase's words, without a trailing `*`. */
function phraseWords(phrase: string): string[] {
  const body = phrase.endsWith('*') ? phrase.slice(0, -1) : phrase;
  return body.trim().split(/[\s\-/]+/).filter(Boolean);
}

type PhraseEnd = 'none' | 'prefix' | 'plural' | 'boundary';
interface PhraseShape { start: boolean; body: string; end: PhraseEnd }

/** A phrase as regex parts: its body, whether it needs a word boundary before it, and how it ends
 * (any ending after `*`, an optional plural after a letter, a boundary after a digit, nothing after
 * a symbol: "recall@", "input:"). */
function phraseShape(phrase: string, word: string): PhraseShape {
  const prefix = phrase.endsWith('*');
  const body = prefix ? phrase.slice(0, -1) : phrase;
  const words = phraseWords(phrase);
  // A word ending in `*` matches any ending ("персональн* данн*" = персональных данных).
  const src = words.map((w) => (w.endsWith('*') ? `${escapeRegExp(w.slice(0, -1))}${word}*` : escapeRegExp(w))).join('[\\s\\-/]*');
  const end: PhraseEnd = prefix ? 'prefix' : /\p{L}$/u.test(body) ? 'plural' : /\p{N}$/u.test(body) ? 'boundary' : 'none';
  return { start: /^[\p{L}\p{N}]/u.test(body), body: src, end };
}

/**
 * One alternation for the list, longest phrase first ("negative sampling" before "negative"). The
 * word-boundary tests are written once per run of phrases of one shape, not once per phrase: in a
 * case-insensitive Unicode regex each `[\p{L}\p{N}]` costs V8 its case closure at compile time, and
 * a language pack's few hundred phrases took seconds to compile on first use. Only neighbours in the
 * longest-first order share a group, so the alternatives are tried in exactly the same order.
 */
function build(phrases: readonly string[], flags: string): RegExp | null {
  if (!phrases.length) return null;
  const ascii = !flags.includes('u');
  const word = ascii ? '[A-Za-z0-9]' : '[\\p{L}\\p{N}]';
  const startOf = ascii ? '\\b' : `(?<!${word})`;
  const tails: Record<PhraseEnd, string> = { none: '', prefix: `${word}*(?!${word})`, plural: `(?:s|es|'s)?(?!${word})`, boundary: `(?!${word})` };
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  const groups: { start: boolean; end: PhraseEnd; bodies: string[] }[] = [];
  for (const p of sorted) {
    const shape = phraseShape(p, word);
    const last = groups[groups.length - 1];
    if (last && last.start === shape.start && last.end === shape.end) last.bodies.push(shape.body);
    else groups.push({ start: shape.start, end: shape.end, bodies: [shape.body] });
  }
  const source = groups.map((g) => `${g.start ? startOf : ''}(?:${g.bodies.join('|')})${tails[g.end]}`).join('|');
  return new RegExp(source, flags);
}

/**
 * A regex matching any character that one of the phrases cannot match without (its first non-ASCII
 * letter, compared as the phrase regex compares: case-insensitively, Unicode-aware); null when some
 * phrase has no such letter, and then the phrase regex always runs. Exact: every literal of a
 * phrase's words appears unconditionally in its regex, so a text with none of these letters has no hit.
 */
function gateFor(phrases: readonly string[]): RegExp | null {
  const required = new Set<string>();
  for (const p of phrases) {
    const letter = [...phraseWords(p).join('').replace(/\*/g, '')].find((ch) => ch > '\x7f');
    if (!letter) return null;
    required.add(letter);
  }
  return required.size ? new RegExp(`[${[...required].join('')}]`, 'iu') : null;
}

function compiled(phrases: readonly string[]): Compiled {
  let c = byList.get(phrases);
  if (c) return c;
  const key = phrases.join('\u0000');
  c = byKey.get(key);
  if (!c) {
    const words = phrases.filter((p) => !isAcronym(p));
    const unicode = words.filter((p) => !ASCII.test(p));
    const gate = gateFor(unicode);
    let insensitive: RegExp | null | undefined;
    const ascii = build(words.filter((p) => ASCII.test(p)), 'gi');
    c = {
      ascii,
      asciiStarts: ascii ? startsOf(words.filter((p) => ASCII.test(p))) : null,
      insensitive: (text) => (gate && !gate.test(text) ? null : (insensitive ??= build(unicode, 'giu'))),
      sensitive: build(phrases.filter(isAcronym), 'gu'),
    };
    if (byKey.size > 2000) byKey.clear();
    byKey.set(key, c);
  }
  byList.set(phrases, c);
  return c;
}

export interface PhraseHit { index: number; text: string }

/**
 * A phrase regex of `build` with hundreds of alternatives tries them all at every word of a text.
 * When every phrase opens at a word boundary (`\b`, ASCII word characters), a match can only start
 * where a run of word characters starts with a phrase's opening letters (ASCII letters only, without
 * the `u` flag), and only that phrase can match there. So only those places are tried, in order, each
 * with a sticky regex of just the phrases its word allows: the first match and the matches after it
 * are the ones the global regex finds. Short lists scan faster as they are.
 */
const STARTS_FROM = 24;
interface Starts {
  /** Per packed key, the indexes (in list order) of the phrases whose first word opens with it. */
  byKey: Map<number, number[]>;
  phrases: readonly string[];
  /** Sticky regexes of the phrases a word's opening keys allow, built on first need, by `opening`. */
  sticky: Map<number, RegExp>;
}
function startsOf(phrases: readonly string[]): Starts | null {
  if (phrases.length < STARTS_FROM) return null;
  const byKey = new Map<number, number[]>();
  for (let i = 0; i < phrases.length; i++) {
    const p = phrases[i];
    const lead = /^[A-Za-z0-9]/.test(p) ? /^[A-Za-z0-9_]+/.exec(phraseWords(p)[0] ?? '')?.[0] : undefined;
    if (!lead) return null;
    const key = packKey(lead);
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  return { byKey, phrases, sticky: new Map() };
}

/** A word's first one to four characters, lower case, as one number (see opening). */
export function packKey(word: string): number {
  let packed = 0;
  for (const ch of word.slice(0, 4).toLowerCase()) packed = packed * 128 + ch.charCodeAt(0);
  return packed;
}

const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * Which keys the run of word characters at `i` opens with: its first one to four characters, lower
 * case, packed in base 128 (lengths cannot collide: every code is at least 48), and a bit per length
 * that is a key; 0 when none is. The phrases those keys hold are the only ones that can match here.
 */
function opening(text: string, i: number, byKey: Map<number, number[]>): number {
  let packed = 0;
  let mask = 0;
  for (let j = i; j < i + 4 && j < text.length; j++) {
    let c = text.charCodeAt(j);
    if (!isWordCode(c)) break;
    if (c >= 65 && c <= 90) c |= 0x20;
    packed = packed * 128 + c;
    if (byKey.has(packed)) mask |= 1 << (j - i);
  }
  return mask ? packed * 16 + mask : 0;
}

/** The sticky regex of the phrases an opening allows: `build` over them in list order, so at any
 * place it tries them in the order the whole list's regex does (longest first, ties in list order). */
function stickyFor(starts: Starts, text: string, i: number, id: number): RegExp {
  let re = starts.sticky.get(id);
  if (!re) {
    const indexes: number[] = [];
    let packed = 0;
    for (let j = i, bit = 1; bit < 16 && j < text.length; j++, bit <<= 1) {
      let c = text.charCodeAt(j);
      if (!isWordCode(c)) break;
      if (c >= 65 && c <= 90) c |= 0x20;
      packed = packed * 128 + c;
      if ((id & 15 & bit) !== 0) indexes.push(...starts.byKey.get(packed)!);
    }
    re = new RegExp(build(indexes.sort((a, b) => a - b).map((k) => starts.phrases[k]), 'gi')!.source, 'iy');
    starts.sticky.set(id, re);
  }
  return re;
}

/** The matches at the starts of word runs, left to right and not overlapping (as a global regex's
 * exec loop gives them); the first only when `all` is false. */
function matchesAtStarts(starts: Starts, text: string, all: boolean): PhraseHit[] {
  const hits: PhraseHit[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (i < from || !isWordCode(text.charCodeAt(i)) || (i > 0 && isWordCode(text.charCodeAt(i - 1)))) continue;
    const id = opening(text, i, starts.byKey);
    if (!id) continue;
    const re = stickyFor(starts, text, i, id);
    re.lastIndex = i;
    const m = re.exec(text);
    re.lastIndex = 0;
    if (!m) continue;
    hits.push({ index: i, text: m[0] });
    if (!all) break;
    from = i + Math.max(1, m[0].length);
  }
  return hits;
}

function firstIn(re: RegExp | null, text: string): PhraseHit | undefined {
  if (!re) return undefined;
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? { index: m.index, text: m[0] } : undefined;
}

const firstMemo = new TextMemo<readonly string[], PhraseHit | undefined>();

/** First hit of any phrase in the text (memoised per phrase list and text). */
export function findFirst(text: string, phrases: readonly string[]): PhraseHit | undefined {
  return firstMemo.get(phrases, text, () => searchFirst(text, phrases));
}

/** findFirst without the memo, for callers that keep their own answers (per chunk or per text).
 * `byStarts` false: the global regexes alone (for the test that holds the two ways equal). */
export function searchFirst(text: string, phrases: readonly string[], byStarts = true): PhraseHit | undefined {
  const c = compiled(phrases);
  const starts = byStarts ? c.asciiStarts : null;
  let best: PhraseHit | undefined = starts ? matchesAtStarts(starts, text, false)[0] : firstIn(c.ascii, text);
  for (const re of [c.insensitive(text), c.sensitive]) {
    const hit = firstIn(re, text);
    if (hit && (!best || hit.index < best.index)) best = hit;
  }
  return best;
}

export function matchesAny(text: string, phrases: readonly string[]): boolean {
  return findFirst(text, phrases) !== undefined;
}

const allMemo = new TextMemo<readonly string[], PhraseHit[]>();

/** Every hit of any phrase in the text, in order (memoised per phrase list and text). */
export function findAll(text: string, phrases: readonly string[]): PhraseHit[] {
  return allMemo.get(phrases, text, () => searchAll(text, phrases));
}

/** findAll without the memo (see searchFirst). */
export function searchAll(text: string, phrases: readonly string[], byStarts = true): PhraseHit[] {
  const c = compiled(phrases);
  const starts = byStarts ? c.asciiStarts : null;
  const hits: PhraseHit[] = starts ? matchesAtStarts(starts, text, true) : [];
  for (const re of [starts ? null : c.ascii, c.insensitive(text), c.sensitive]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      hits.push({ index: m.index, text: m[0] });
      if (m[0].length === 0) re.lastIndex++;
    }
    re.lastIndex = 0;
  }
  return hits.sort((x, y) => x.index - y.index);
}

/**
 * Which entries of a vocabulary (model families, metrics…) a text mentions, in one pass: a single
 * regex over all phrases finds the hits, and only the hits are attributed back to their entries.
 */
export function createVocabulary<T extends { id: string; phrases: string[] }>(entries: readonly T[]) {
  const all = entries.flatMap((e) => e.phrases);
  const owner = new Map<string, T>();
  const resolve = (hit: string): T | undefined => {
    const key = hit.toLowerCase();
    let e = owner.get(key);
    if (!e) {
      e = entries.find((x) => findFirst(hit, x.phrases)?.text.length === hit.length);
      if (e) owner.set(key, e);
    }
    return e;
  };
  return {
    /** Entries mentioned in the text, in order of first mention, each with its first hit. */
    scan(text: string): { entry: T; hit: PhraseHit }[] {
      const found = new Map<string, { entry: T; hit: PhraseHit }>();
      for (const hit of findAll(text, all)) {
        const e = resolve(hit.text);
        if (e && !found.has(e.id)) found.set(e.id, { entry: e, hit });
      }
      return [...found.values()];
    },
  };
}

/**
 * The words of one text as `mayMatch` reads them: the first one to four characters (lower case,
 * packed by `packKey`) of each run of ASCII word characters, and whether the text is all ASCII. Made
 * once per text, it answers `mayMatch` for many phrase lists at the cost of a few set lookups each.
 */
export interface TextWords { text: string; starts: Set<number>; ascii: boolean }
const ALL_ASCII = /^[^\u0080-\uffff]*$/;
let lastWords: TextWords = { text: '', starts: new Set(), ascii: true };
const wordsMemo = new TextMemo<object, TextWords>();
const WORDS_KEY = {};
/** (Memoised: the model's passes and the rules ask about the same texts; the last one is at hand,
 * since callers ask many lists or patterns about one text in a row.) */
export function textWords(text: string): TextWords {
  if (text === lastWords.text) return lastWords;
  return (lastWords = wordsMemo.get(WORDS_KEY, text, () => readWords(text)));
}

function readWords(text: string): TextWords {
  const starts = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    if (!isWordCode(text.charCodeAt(i)) || (i > 0 && isWordCode(text.charCodeAt(i - 1)))) continue;
    let packed = 0;
    for (let j = i; j < i + 4 && j < text.length; j++) {
      let c = text.charCodeAt(j);
      if (!isWordCode(c)) break;
      if (c >= 65 && c <= 90) c |= 0x20;
      packed = packed * 128 + c;
      starts.add(packed);
    }
  }
  return { text, starts, ascii: ALL_ASCII.test(text) };
}

/**
 * What a text must hold for one of the phrases to match it, read off the regexes `build` writes: an
 * ASCII phrase that starts with a letter or digit matches at a word boundary (`\b`: ASCII word
 * characters), so some run of word characters in the text starts with the phrase's leading word
 * characters, in any case (only ASCII letters match them without the `u` flag); an acronym appears
 * as written; a phrase with a letter beyond ASCII needs a character beyond ASCII (under `iu` only the
 * Kelvin sign and the long s fold to ASCII letters, so phrases holding those are not gated). `keys`
 * null: some phrase is not gated, and the list may match any text.
 */
interface PhraseGate { keys: Set<number> | null; acronyms: string[]; nonAscii: boolean }
const gates = new WeakMap<readonly string[], PhraseGate>();
function gateOf(phrases: readonly string[]): PhraseGate {
  let g = gates.get(phrases);
  if (g) return g;
  const keys = new Set<number>();
  g = { keys, acronyms: [], nonAscii: false };
  for (const p of phrases) {
    if (isAcronym(p)) { g.acronyms.push(p); continue; }
    const body = p.endsWith('*') ? p.slice(0, -1) : p;
    if (!ASCII.test(p)) {
      const letters = phraseWords(p).join('').replace(/\*/g, '');
      if (![...letters].some((ch) => ch > '\x7f') || /[\u212a\u017f]/.test(letters)) { g.keys = null; break; }
      g.nonAscii = true;
      continue;
    }
    const lead = /^[A-Za-z0-9_]+/.exec(phraseWords(p)[0] ?? '')?.[0];
    if (!/^[A-Za-z0-9]/.test(body) || !lead) { g.keys = null; break; }
    keys.add(packKey(lead));
  }
  gates.set(phrases, g);
  return g;
}

/** False only when `findFirst(words.text, phrases)` finds nothing (a necessary condition, exact in
 * that direction; test/unit/phrases-gate.test.ts holds it against the regexes). */
export function mayMatch(words: TextWords, phrases: readonly string[]): boolean {
  const g = gateOf(phrases);
  if (!g.keys) return true;
  if (g.nonAscii && !words.ascii) return true;
  for (const k of g.keys) if (words.starts.has(k)) return true;
  for (const a of g.acronyms) if (words.text.includes(a)) return true;
  return false;
}
