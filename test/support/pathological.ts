/**
 * Inputs that have broken Markdown tooling (see issue 3, "Robustness"), generated on the fly so no
 * multi-megabyte fixture is checked in. Shared by the LSP and CLI tests. Deterministic.
 */

export interface Pathological {
  /** Short name, also used as the file name stem. */
  name: string;
  /** What the text is. */
  text: string | Buffer;
  /**
   * 'too-complex': the doc is beyond the parser budget; a too-complex finding must be reported.
   * 'front-matter': an invalid-front-matter error must be reported.
   * 'any': any report (possibly empty) is fine, as long as it arrives.
   */
  expect: 'too-complex' | 'front-matter' | 'any';
}

const MB = 1024 * 1024;

/** ~5 MB of ordinary design-doc sections: headings, prose, lists, a table. */
export function bigNormalDoc(targetBytes = 5 * MB): string {
  const steps = ['Requirements', 'Framing', 'Data preparation', 'Model development', 'Evaluation', 'Serving', 'Monitoring'];
  const parts: string[] = ['# A very long design doc\n'];
  let size = parts[0].length;
  for (let i = 0; size < targetBytes; i++) {
    const section = [
      `## ${steps[i % steps.length]} (part ${i})`,
      '',
      `Section ${i} talks about the data sources, the labels and the latency budget of 80 ms at p99 for`,
      'about 2,000 requests per second. Drift is watched daily and the model is retrained weekly.',
      '',
      `- item one of section ${i}, with *emphasis* and a [link](https://example.com/${i})`,
      '- item two, with `inline code` and **bold text**',
      '  - a nested item under item two',
      '',
      '| metric | value |',
      '|---|---|',
      `| recall@10 | 0.${i % 100} |`,
      '',
    ].join('\n');
    parts.push(section);
    size += section.length + 1;
  }
  return parts.join('\n');
}

/** Pseudo-random bytes (a fixed LCG, so every run sees the same junk), including NULs and invalid UTF-8. */
export function binaryJunk(bytes = 256 * 1024): Buffer {
  const buf = Buffer.alloc(bytes);
  let x = 0x2545f491;
  for (let i = 0; i < bytes; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    buf[i] = x >>> 24;
  }
  return buf;
}

/** 10,000 `>` on one line: one blockquote inside another, 10,000 deep. */
export function deepQuotes(n = 10_000): string {
  return `${'>'.repeat(n)} quoted text\n`;
}

/** A 100 KB line of `- - - - …` (50,000 list markers on one line). */
export function dashLine(n = 50_000): string {
  return `${'- '.repeat(n)}\n`;
}

/** 50,000 list items in a staircase 200 levels deep, then down again, over and over. */
export function staircase(items = 50_000, depth = 200): string {
  const lines: string[] = [];
  for (let i = 0; i < items; i++) {
    const level = i % depth;
    lines.push(`${'  '.repeat(level)}- item ${i}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One paragraph of ~5 MB: words and inline markup, no blank line anywhere. */
export function hugeParagraph(targetBytes = 5 * MB): string {
  const sentence = 'The ranking model reads *user* and **item** features, see [notes](https://example.com) and `code`, then ~scores~ www.example.com items. ';
  return `${sentence.repeat(Math.ceil(targetBytes / sentence.length))}\n`;
}

export const brokenFrontMatter = [
  '---',
  'mlsd: true',
  'title: [an unclosed flow sequence',
  'problem: : : ranking',
  '---',
  '',
  '# Broken front matter',
  '',
  '## Requirements',
  '',
  'Some requirements with 10,000 users and 50 ms latency.',
  '',
].join('\n');

export const unclosedFrontMatter = [
  '---',
  'mlsd: true',
  'title: Front matter that never closes',
  '',
  '# A doc whose front matter fence is never closed',
  '',
  '## Requirements',
  '',
  'Users, scale and the latency budget would go here.',
  '',
].join('\n');

/** The list of the issue, in one place. */
export function pathologicalInputs(): Pathological[] {
  return [
    { name: 'empty', text: '', expect: 'any' },
    { name: 'big-normal-5mb', text: bigNormalDoc(), expect: 'any' },
    { name: 'binary-junk', text: binaryJunk(), expect: 'any' },
    { name: 'deep-quotes', text: deepQuotes(), expect: 'too-complex' },
    { name: 'dash-line-100kb', text: dashLine(), expect: 'too-complex' },
    { name: 'staircase-50k', text: staircase(), expect: 'too-complex' },
    { name: 'paragraph-5mb', text: hugeParagraph(), expect: 'too-complex' },
    { name: 'broken-front-matter', text: brokenFrontMatter, expect: 'front-matter' },
    { name: 'unclosed-front-matter', text: unclosedFrontMatter, expect: 'any' },
  ];
}

/** Text as an editor would hold it (binary decoded as UTF-8 with replacement characters). */
export function asText(p: Pathological): string {
  return typeof p.text === 'string' ? p.text : p.text.toString('utf8');
}
