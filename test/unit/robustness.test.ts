/**
 * Invariant 2: analysis never throws, whatever the text. Inputs that blow up the Markdown parser
 * (measured: stack overflow or > 30 s with the pinned remark stack) must come back as a `too-complex`
 * finding instead. No timing assertions here — bench/ measures speed; these tests assert behaviour.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Analysis } from '../../server/src/core/analyze';
import { analyzeText } from './support/fixtures';
import { plainText } from '../../server/src/core/parse';
import { generateHeadingsDoc } from '../../bench/generate';
import type { Nodes } from 'mdast';

function check(text: string): Analysis {
  let result: Analysis | undefined;
  assert.doesNotThrow(() => { result = analyzeText(text); });
  const { doc, findings, lines } = result!;
  assert.equal(doc.steps.length, 7, 'every step is reported, found or not');
  for (const f of findings) {
    assert.ok(f.message.trim().length > 0, `${f.ruleId}: empty message`);
    assert.ok(f.range.start.line >= 0 && f.range.start.line < Math.max(1, lines.length), `${f.ruleId}: start line ${f.range.start.line} outside the doc`);
    assert.ok(f.range.end.line >= f.range.start.line, `${f.ruleId}: range ends before it starts`);
  }
  return result!;
}

const rules = (a: Analysis, id: string) => a.findings.filter((f) => f.ruleId === id);

/** Deterministic pseudo-random bytes (no flaky inputs). */
function junk(length: number, seed = 42): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += String.fromCharCode((x >>> 16) & 0xff); // latin1: every byte 0–255, NUL and CR included
  }
  return s;
}

describe('ordinary edge cases', () => {
  test('empty string', () => {
    const a = check('');
    assert.equal(a.doc.isDesignDoc, false);
    assert.deepEqual(rules(a, 'too-complex'), []);
  });

  test('only front matter', () => {
    const a = check('---\nmlsd: true\nproblem: ranking\n---\n');
    assert.equal(a.doc.isDesignDoc, true);
    assert.deepEqual(rules(a, 'invalid-front-matter'), []);
    assert.equal(rules(a, 'missing-step').length, 7);
  });

  test('only whitespace and line breaks of every kind', () => {
    check(' \n\r\n\r\t\n\u00a0\u2028\u2029\n');
  });

  test('binary junk under the size budget (random bytes as latin1, NUL included)', () => {
    for (const seed of [1, 2, 3]) check(junk(50_000, seed));
    check('\u0000'.repeat(10_000));
    check('\ufeff# Requirements\n\nA BOM at the start.\n');
  });

  test('a non-string value is treated as text, not a crash', () => {
    check(undefined as unknown as string);
    check(null as unknown as string);
    check(12345 as unknown as string);
  });
});

describe('front matter', () => {
  test('unclosed front matter gives invalid-front-matter', () => {
    const a = check('---\ntitle: Feed ranking\nproblem: ranking\n\n# Feed ranking\n\n## Requirements\n\nText.\n');
    assert.equal(rules(a, 'invalid-front-matter').length, 1);
    assert.match(rules(a, 'invalid-front-matter')[0].message, /never closed/);
  });

  test('broken YAML gives invalid-front-matter', () => {
    const a = check('---\ntitle: [unclosed\nproblem: : :\n\tbad: indent\n---\n\n# Doc\n');
    assert.equal(rules(a, 'invalid-front-matter').length, 1);
    assert.match(rules(a, 'invalid-front-matter')[0].message, /not valid YAML/);
  });

  test('YAML bombs (alias expansion) are refused, not expanded', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]', '---', '# Doc', ''].join('\n');
    const a = check(bomb);
    assert.equal(rules(a, 'invalid-front-matter').length, 1);
  });

  test('front matter that is a scalar or a list', () => {
    assert.equal(rules(check('---\njust a string\n---\n# Doc\n'), 'invalid-front-matter').length, 1);
    assert.equal(rules(check('---\n- a\n- b\n---\n# Doc\n'), 'invalid-front-matter').length, 1);
  });
});

describe('pathological inputs for the Markdown parser → too-complex', () => {
  const cases: Record<string, () => string> = {
    '10,000 > on one line': () => `${'>'.repeat(10_000)} deep quote\n`,
    'a 100 KB line of "- - - …" (50,000 list markers)': () => `${'- '.repeat(50_000)}\n`,
    '50,000 list items in a 200-deep staircase': () => {
      const out: string[] = [];
      for (let i = 0; i < 50_000; i++) out.push(`${'  '.repeat(i % 200)}- item ${i}`);
      return out.join('\n');
    },
    'a 5 MB single paragraph': () => 'ranking model data features serving '.repeat(Math.ceil(5_000_000 / 36)),
    '1 MB of binary junk (random bytes as latin1, NUL included)': () => junk(1_000_000),
    'deeply nested lists (100 levels)': () => Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
    'alternating quote and list markers': () => `${'> - '.repeat(5_000)}x\n`,
    'an unclosed code fence followed by 100,000 lines': () => '```\n' + '# Data\n'.repeat(100_000),
    // Issue 11: micromark pairs emphasis delimiters in quadratic time, then the text walk overflowed.
    'a 20 KB emphasis line (9,995 * + a + 9,995 *)': () => `${'*'.repeat(9995)}a${'*'.repeat(9995)}\n`,
    'emphasis openers and closers that never pair (*a_ × 5,000)': () => '*a_ '.repeat(5_000),
    'intraword emphasis in one paragraph (a*b × 6,000, over lines)': () => Array.from({ length: 60 }, () => ' a*b'.repeat(100)).join('\n'),
    'unmatched link closers (]( × 20,000)': () => Array.from({ length: 4 }, () => ']('.repeat(5_000)).join('\n'),
    'nested emphasis 3,000 deep': () => `${'*a **a '.repeat(1_000)}b${' a** a*'.repeat(1_000)}`,
    'a table header that does not match its delimiter row (so one paragraph, not rows)': () => `| a | b |\n|---|\n${'| *a_ *a_ *a_ *a_ |\n'.repeat(800)}`,
    'a quote after a table, continued lazily': () => `| a | b |\n|---|---|\n| x | y |\n> q\n${'*a_ *a_ *a_ *a_\n'.repeat(800)}`,
    'many paragraphs each just under the per-paragraph limit': () => Array.from({ length: 20 }, () => '*a_ '.repeat(1_900)).join('\n\n'),
  };
  for (const [name, make] of Object.entries(cases)) {
    test(name, () => {
      const text = make();
      const a = check(text);
      const tc = rules(a, 'too-complex');
      assert.ok(tc.length >= 1, `expected a too-complex finding; got ${a.findings.map((f) => f.ruleId).join(', ')}`);
      for (const f of tc) assert.match(f.message, /^Too complex to analyse: .+\.$/);
    });
  }

  test('the rest of the doc is still analysed around a too-complex section', () => {
    const text = [
      '---', 'mlsd: true', '---', '', '# Doc', '', '## Requirements', '', 'We rank products for 10 million users within 100 ms.', '',
      '## Quoted thread', '', `${'>'.repeat(5_000)} deep`, '', '## Model', '', 'We will use XGBoost.', '',
    ].join('\n');
    const a = check(text);
    assert.equal(rules(a, 'too-complex').length, 1);
    assert.equal(rules(a, 'too-complex')[0].range.start.line, 10, 'points at the section that was skipped');
    assert.notEqual(a.doc.steps.find((s) => s.id === 'requirements')!.status, 'missing');
    assert.equal(rules(a, 'unjustified-model-choice').length, 1, 'rules still run on the sections after it');
  });

  test('a pathological emphasis line costs only its own section (issue 11)', () => {
    const text = [
      '---', 'mlsd: true', '---', '', '# Doc', '', '## Requirements', '', 'We rank products for 10 million users within 100 ms.', '',
      '## Notes', '', `${'*'.repeat(9995)}a${'*'.repeat(9995)}`, '', '## Model', '', 'We will use XGBoost.', '',
    ].join('\n');
    const a = check(text);
    assert.equal(rules(a, 'too-complex').length, 1);
    assert.equal(rules(a, 'too-complex')[0].range.start.line, 10, 'points at the section that was skipped');
    assert.match(rules(a, 'too-complex')[0].message, /emphasis or link markers/);
    assert.notEqual(a.doc.steps.find((s) => s.id === 'requirements')!.status, 'missing');
    assert.ok(a.doc.headings.some((h) => h.text === 'Model'), 'the sections after it are still read');
  });

  test('50,000 headings are all read', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `## Section ${i}`).join('\n');
    const a = check(text);
    assert.equal(a.doc.headings.length, 50_000);
    assert.deepEqual(rules(a, 'too-complex'), []);
  });

  test('a junk paragraph does not multiply findings without bound', () => {
    const a = check('lorem ipsum '.repeat(400_000));
    assert.ok(a.findings.length < 1_000, `${a.findings.length} findings`);
  });
});

test('text is collected from a tree 200,000 levels deep without recursion', () => {
  let node: Nodes = { type: 'text', value: 'deep' };
  for (let i = 0; i < 200_000; i++) node = { type: i % 2 ? 'emphasis' : 'strong', children: [node, { type: 'html', value: '<b>' }] } as Nodes;
  const text = plainText({ type: 'paragraph', children: [{ type: 'text', value: 'a ' }, node as never, { type: 'image', url: 'x', alt: ' alt' }] }, false);
  assert.equal(text, 'a deep alt');
});

describe('moderate inputs are analysed as Markdown, not skipped', () => {
  test('formatting a real doc may use: bold in every item of a long list, snake_case, links, tables', () => {
    const list = Array.from({ length: 3_000 }, (_, i) => `- **item ${i}** with user_id_${i} and [a link](https://example.com/${i})`).join('\n');
    const table = ['| feature | why |', '| --- | --- |', ...Array.from({ length: 300 }, (_, i) => `| **f_${i}** | because *it* helps |`)].join('\n');
    const a = check(`# Doc\n\n## Data\n\n${list}\n\n${table}\n\n~~~\ncode\n~~~\n\n* * *\n`);
    assert.deepEqual(rules(a, 'too-complex'), []);
  });

  test('30-level nested list', () => {
    const a = check(Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'));
    assert.deepEqual(rules(a, 'too-complex'), []);
  });

  test('many small sections', () => {
    const text = Array.from({ length: 500 }, (_, i) => `## Section ${i}\n\nSome text about section ${i}.\n`).join('\n');
    const a = check(text);
    assert.deepEqual(rules(a, 'too-complex'), []);
    assert.equal(a.doc.headings.length, 500);
  });

  test('unicode: emoji, combining marks, right-to-left text, surrogate halves', () => {
    const a = check('# Ünïcødé\n\n## 🚀 Deployment\n\nمرحبا بالعالم 👩🏽‍💻 e\u0301 \ud800 lone surrogate \udc00\n\n## Модель\n\nXGBoost.\n');
    assert.notEqual(a.doc.steps.find((s) => s.id === 'serving')!.status, 'missing');
  });
});

test('property: any mix of Markdown-ish tokens analyses without throwing', () => {
  const token = fc.constantFrom(
    '#', '# ', '## Data\n', '### Model\n', '\n', '\n\n', '\r\n', '> ', '- ', '* ', '1. ', '  ', '\t', '```', '~~~', '---\n', '|', '| a | b |\n|---|---|\n',
    '<!--', '-->', '<!-- mlsd-disable -->', '<!-- mlsd-enable -->', '<!-- mlsd-disable-next-line unjustified-model-choice -->', '<div>',
    'TODO', 'XGBoost', 'two-tower', 'because', 'accuracy', '0.01% fraud', ':', '**', '[', ']', '(', ')', '\u0000', 'é', '😀', 'text ',
  );
  fc.assert(
    fc.property(fc.array(token, { maxLength: 120 }), (parts) => {
      check(parts.join(''));
    }),
    { numRuns: 300, seed: 7 },
  );
});

test('a doc of 14,000 sections is analysed completely: every heading mapped, no part skipped (issue 11)', () => {
  // 50,000 such sections took 20–30 s in the core before the fix, and the worker's time limit made them `too-complex`;
  // bench/ reports how the time grows with the sections (here only what comes out is asserted).
  const n = 14_000; // 2,000 per step; bench/ runs 50,000 (this shape takes ~0.2 ms a section, so 50,000 would slow the suite)
  const { doc, findings } = check(generateHeadingsDoc(n, 'steps'));
  assert.equal(doc.headings.length, n + 1);
  assert.deepEqual(doc.skipped, []);
  assert.deepEqual(rules({ doc, findings, lines: [] }, 'too-complex'), []);
  for (const step of doc.steps) {
    assert.equal(step.status, 'covered', `${step.id} is ${step.status}`);
    assert.ok(Math.abs(step.headings.length - n / 7) < 1, `${step.id} has ${step.headings.length} sections`);
  }
  const ids = ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'];
  doc.headings.slice(1).forEach((h, i) => assert.equal(h.sectionStepId, ids[i % 7], h.text));
});
