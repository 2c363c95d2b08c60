/**
 * A cheap test that rules a knowledge pattern out before its regex runs: a block is asked some thirty
 * patterns (scale, latency, split ratios, base rates…) and most blocks hold what few of them need.
 * Read off the pattern's source, conservatively, for each of its top-level alternatives:
 * - a `\d` at the top level, not made optional by `?`, `*` or `{0`, needs a digit (`\d` is ASCII 0–9
 *   under every flag);
 * - a pattern that opens with `\b` and a word ("\bsplit\s+…") or a group of words
 *   ("\b(?:hundreds|thousands) of") starts its match at the start of a run of word characters that
 *   begins with one of those words' letters. That is read with `textWords` (phrases.ts) on ASCII texts
 *   only: under `iu` the Kelvin sign and the long s are word characters that match `k` and `s`.
 */
import { packKey, textWords } from './phrases';

interface Gate { digit: boolean; keys: string[] | null; packed: number[] }
const gates = new WeakMap<RegExp, Gate>();

function gateOf(re: RegExp): Gate {
  let g = gates.get(re);
  if (!g) {
    const { digit, keys } = readGate(re.source);
    gates.set(re, (g = { digit, keys, packed: (keys ?? []).map(packKey) }));
  }
  return g;
}

/** Whether the pattern needs a digit (exported for its test). */
export function needsDigit(re: RegExp): boolean {
  return gateOf(re).digit;
}
/** The words one of which opens every match, lower case, at most four letters (for its test). */
export function openingKeys(re: RegExp): string[] | null {
  return gateOf(re).keys;
}

/** A pattern with top-level alternatives matches where one of them does: it needs a digit if each
 * needs one, and opens with one of their words if each opens with given words. */
function readGate(src: string): Omit<Gate, 'packed'> {
  const alternatives = topLevelAlternatives(src).map(readAlternative);
  return {
    digit: alternatives.every((a) => a.digit),
    keys: alternatives.every((a) => a.keys) ? alternatives.flatMap((a) => a.keys!) : null,
  };
}

function topLevelAlternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { out.push(src.slice(from, i)); from = i + 1; }
  }
  out.push(src.slice(from));
  return out;
}

function readAlternative(src: string): Omit<Gate, 'packed'> {
  let depth = 0;
  let inClass = false;
  let digit = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      if (!inClass && depth === 0 && src[i + 1] === 'd' && !optionalFrom(src, i + 2)) digit = true;
      i++;
      continue;
    }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return { digit, keys: src.startsWith('\\b') ? openingWords(src, 2) : null };
}

/** The leading letters of the word, or of each alternative of the `(?:…)` group, at `at`. */
function openingWords(src: string, at: number): string[] | null {
  if (/^[A-Za-z]/.test(src.slice(at))) {
    const word = leadingLetters(src, at);
    return word ? [word] : null;
  }
  if (!src.startsWith('(?:', at)) return null;
  const alternatives: number[] = [at + 3];
  let depth = 0;
  let inClass = false;
  for (let i = at + 3; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth-- > 0) continue;
      if (optionalFrom(src, i + 1)) return null;
      const words = alternatives.map((from) => leadingLetters(src, from));
      return words.every(Boolean) ? words : null;
    } else if (c === '|' && depth === 0) alternatives.push(i + 1);
  }
  return null;
}

/** Letters from `at` that every match of what is written there holds (the last one goes when a
 * quantifier follows it: "clicks?" → "click"), lower case, at most four; '' when none. */
function leadingLetters(src: string, at: number): string {
  let end = at;
  while (end < src.length && /[A-Za-z]/.test(src[end])) end++;
  if (optionalFrom(src, end) || src[end] === '+') end--; // ("+" keeps the letter, but it stays simple)
  return src.slice(at, Math.max(at, end)).slice(0, 4).toLowerCase();
}

/** Whether the quantifier at `at` lets the atom before it match nothing (a `{` that is no quantifier counts as one). */
function optionalFrom(src: string, at: number): boolean {
  const q = src[at];
  if (q === '?' || q === '*') return true;
  if (q !== '{') return false;
  const min = /^\{(\d*)/.exec(src.slice(at, at + 12))![1];
  return !min || Number(min) === 0;
}

const DIGIT = /[0-9]/;

/** False only when the pattern cannot match the text. */
export function mayTest(re: RegExp, text: string): boolean {
  const g = gateOf(re);
  if (g.digit && !DIGIT.test(text)) return false;
  if (!g.keys) return true;
  const words = textWords(text);
  if (!words.ascii) return true;
  for (const k of g.packed) if (words.starts.has(k)) return true;
  return false;
}

/** re.test(text), skipped when mayTest rules it out. */
export function testPattern(re: RegExp, text: string): boolean {
  return mayTest(re, text) && re.test(text);
}
