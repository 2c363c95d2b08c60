/**
 * Two shortcuts of phrases.ts, held against the plain regexes: `mayMatch` lets a search of many
 * phrase lists over one text skip the lists whose phrases cannot match it, and a long list is
 * searched only where a word opens with one of its phrases' letters. Every phrase list of the
 * framework and the lexicon, on texts made of those phrases in other cases, glued to word
 * characters, underscores, accented letters and separators, and on fixture prose.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { findFirst, mayMatch, searchAll, searchFirst, textWords } from '../../server/src/core/phrases';
import { defaultFramework } from '../../server/src/knowledge/framework';
import { lexicon } from '../../server/src/core/lexicon';

const lists: string[][] = [
  ...defaultFramework.steps.flatMap((s) => s.topics.flatMap((t) => [t.phrases, ...(t.sectionPhrases ? [[...t.phrases, ...t.sectionPhrases]] : [])])),
  ...defaultFramework.steps.map((s) => s.cues ?? []),
  lexicon.modelFamilies.flatMap((f) => f.phrases), lexicon.metrics.flatMap((m) => m.phrases), lexicon.mlSignals,
  // Shapes the knowledge files may not hold today: symbols first, a `*` inside, digits, acronyms, Unicode.
  // (One list each: a phrase the gate cannot read leaves its whole list ungated.)
  ...shapes().map((p) => [p]),
  // A long list with the shapes the word-start search must decline (a symbol first) or handle.
  [...lexicon.metrics.flatMap((m) => m.phrases), '@mention'], [...lexicon.mlSignals, ...lexicon.mlSignals.map((p) => `${p}* x`), 'p95', '_x'],
].filter((l) => l.length);
function shapes(): string[] {
  return ['recall@k', '@mention', '_private', 'p95', '99th percentile', 'foo* bar', 'MAP', 'mAP', 'ANN', 'café', 'ſtrange', 'kelvin', 'персональн* данн*', 'K-means', '\tx'];
}

const everyPhrase = [...new Set(lists.flat())];
const phrase = fc.oneof(fc.constantFrom(...shapes()), fc.constantFrom(...everyPhrase));
const glue = fc.constantFrom('', ' ', '-', '/', '_', 'x', '9', 'é', 'д', '.', '(', '\n', 'K', '\u212a', 'ſ', '**');
const word = fc.tuple(phrase, fc.constantFrom<'keep' | 'upper' | 'lower' | 'title'>('keep', 'upper', 'lower', 'title'), fc.constantFrom('', 's', 'es', "'s", 'ing', '-', ' '))
  .map(([p, c, tail]) => {
    const w = p.replace(/\*/g, 'ed');
    const cased = c === 'upper' ? w.toUpperCase() : c === 'lower' ? w.toLowerCase() : c === 'title' ? w[0].toUpperCase() + w.slice(1) : w;
    return cased + tail;
  });
const text = fc.array(fc.tuple(glue, word, glue).map((parts) => parts.join('')), { minLength: 1, maxLength: 6 }).map((ws) => ws.join(''));

function check(t: string): void {
  const words = textWords(t);
  for (const list of lists) {
    assert.deepEqual(searchFirst(t, list), searchFirst(t, list, false), `first hit in ${JSON.stringify(t)}`);
    assert.deepEqual(searchAll(t, list), searchAll(t, list, false), `all hits in ${JSON.stringify(t)}`);
    if (findFirst(t, list) !== undefined) assert.ok(mayMatch(words, list), `skipped a list that matches ${JSON.stringify(t)}: ${JSON.stringify(list.slice(0, 6))}…`);
  }
}

test('a list that matches a text is never skipped (generated texts)', () => {
  fc.assert(fc.property(text, (t) => check(t)), { numRuns: 3000 });
});

test('a list that matches a text is never skipped (fixture prose), and most lists are skipped', () => {
  const dir = path.resolve(__dirname, 'fixtures');
  const files = (function walk(d: string): string[] {
    return readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : n.endsWith('.md') ? [path.join(d, n)] : []));
  })(dir);
  let skipped = 0;
  let asked = 0;
  for (const file of files) {
    for (const para of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
      check(para);
      check(para.toUpperCase());
      check(para.replace(/s/g, 'ſ').replace(/k/g, '\u212a'));
      const words = textWords(para);
      for (const list of lists) { asked++; if (!mayMatch(words, list)) skipped++; }
    }
  }
  // The gate is worth having only if it rules lists out.
  assert.ok(skipped > asked / 4, `${skipped} of ${asked} skipped`);
});
