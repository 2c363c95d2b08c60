/**
 * pattern-gate.ts lets a block skip the knowledge patterns it cannot match: those that need a digit
 * when it has none, those that open with words it lacks. A wrong gate would miss matches, so: crafted
 * sources of each shape, and every pattern of the knowledge against fixture prose and texts built
 * from the patterns' own words (without digits, in other cases, glued to other letters).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { needsDigit, openingKeys, testPattern } from '../../server/src/core/pattern-gate';
import { defaultFramework } from '../../server/src/knowledge/framework';
import { lexicon } from '../../server/src/core/lexicon';

test('the sources that need a digit, and the ones that may match without', () => {
  const yes = ['\\b\\d+ ms', '\\d', 'x\\d{2}', '\\b1\\s*(?:in|:)\\s*\\d[\\d,]{2,}', '(?:a|b)\\d', '\\d+?', '[|]\\d', '\\(\\d', '\\d+ ms|\\d+ s', '\\bper\\s+\\d|\\d+ per', '(?:a|b)\\d|[|]\\d'];
  const no = ['a|\\d', '(?:\\d)', '\\d?x', '\\d*', '\\d{0,2}', '[\\d]', '\\\\d', '\\D', '(?:<|p9[059])\\s*x', '\\d|x', 'x(?:y)|\\d', '\\p{L}+'];
  for (const s of yes) assert.equal(needsDigit(new RegExp(s, 'iu')), true, s);
  for (const s of no) assert.equal(needsDigit(new RegExp(s, 'u')), false, s);
  assert.equal(needsDigit(/\d{,2}/), false); // (a literal "{,2}" without the u flag, read as a quantifier: only cautious)
});

test('the words a match opens with', () => {
  const cases: [string, string[] | null][] = [
    ['\\bsplit\\s+x', ['spli']], ['\\bmodels?\\s', ['mode']], ['\\bI/O\\b', ['i']], ['\\bab?c', ['a']], ['\\ba+', null],
    ['\\b(?:hundreds|tens) of', ['hund', 'tens']], ['\\b(?:clicks?|CTR|fraud\\w*)', ['clic', 'ctr', 'frau']],
    ['\\b(?:a|\\d)', null], ['\\b(?:x|y)?z', null], ['\\b(?:ab|(?:c|d)e)', null], ['split', null], ['\\bx|\\by', ['x', 'y']], ['\\bx|y', null], ['\\bper\\s+\\d|\\d per', null],
    ['\\b(?:po(?:s|t)|ne[gx])', ['po', 'ne']], ['\\b\\d+', null],
  ];
  for (const [src, keys] of cases) assert.deepEqual(openingKeys(new RegExp(src, 'iu')), keys, src);
});

const patterns = [
  ...defaultFramework.steps.flatMap((s) => s.topics.flatMap((t) => [...(t.patterns ?? []), ...(t.sectionPatterns ?? [])])),
  ...lexicon.requirementNumbers.scale, ...lexicon.requirementNumbers.latency, ...lexicon.imbalanceStatements.patterns,
].map((p) => new RegExp(p, 'iu'));

test('most knowledge patterns are gated (else the gate is worth nothing)', () => {
  assert.ok(patterns.filter(needsDigit).length > patterns.length / 3);
  assert.ok(patterns.filter((re) => openingKeys(re)).length >= 5);
});

test('the gate never changes a knowledge pattern\'s answer', () => {
  const dir = path.resolve(__dirname, 'fixtures');
  const files = (function walk(d: string): string[] {
    return readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : n.endsWith('.md') ? [path.join(d, n)] : []));
  })(dir);
  const texts = files.flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/));
  const folding = (t: string) => t.replace(/s/g, 'ſ').replace(/k/g, '\u212a');
  for (const t of [...texts, ...texts.map((t) => t.replace(/[0-9]/g, '')), ...texts.map(folding), ...texts.map((t) => t.toUpperCase())]) {
    for (const re of patterns) assert.equal(testPattern(re, t), re.test(t), `${re.source} on ${JSON.stringify(t.slice(0, 80))}`);
  }
  // Digit-free texts made of the patterns' own words, separators and Unicode digits (not \d).
  const words = [...new Set(patterns.flatMap((re) => re.source.replace(/\\./g, ' ').match(/[\p{L}%<≤]+/gu) ?? []))];
  // Upper case, or the letters that fold to ASCII under `iu`: "ſplit" matches \bsplit.
  const cased = fc.tuple(fc.constantFrom(...words), fc.constantFrom('keep', 'upper', 'folding')).map(([w, c]) =>
    (c === 'upper' ? w.toUpperCase() : c === 'folding' ? w.replace(/s/g, 'ſ').replace(/k/g, '\u212a') : w));
  const glue = fc.constantFrom(' ', ',', '.', '/', ':', '٣', '१', '½', '\n', '_', 'x', 'é', 'ſ', '\u212a', '(', '-', '1');
  const text = fc.array(fc.oneof(cased, glue), { maxLength: 14 }).map((xs) => xs.join(''));
  fc.assert(fc.property(text, (t) => { for (const re of patterns) assert.equal(testPattern(re, t), re.test(t), `${re.source} on ${JSON.stringify(t)}`); }), { numRuns: 2000 });
});
