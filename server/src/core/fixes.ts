/** Text edits behind the quick fixes. Pure: (doc, lines, framework) → edits. */
import * as l10n from '@vscode/l10n';
import type { DesignDoc, Fix, Framework, TextBlock, TextEdit } from './types';
import { range } from './text';

const NUMBERED = /^\s*(?:step\s*)?\d+[.):]?\s/i;

/** A missing step's heading and guiding questions, placed after the step that precedes it in the framework. */
export function insertStepEdit(doc: DesignDoc, lines: string[], framework: Framework, stepId: string): TextEdit | undefined {
  const index = framework.steps.findIndex((s) => s.id === stepId);
  const step = framework.steps[index];
  if (!step) return undefined;
  const present = doc.steps.filter((s) => s.status !== 'missing' && s.range);
  const order = (id: string) => framework.steps.findIndex((s) => s.id === id);
  const before = present.filter((s) => order(s.id) < index).sort((a, b) => order(b.id) - order(a.id))[0];
  const after = present.filter((s) => order(s.id) > index).sort((a, b) => order(a.id) - order(b.id))[0];
  const neighbour = before ?? after;
  const neighbourHeading = neighbour?.headings[0];
  const depth = neighbourHeading && neighbourHeading.depth <= 6 ? neighbourHeading.depth : 2;
  const numbered = neighbourHeading ? NUMBERED.test(lines[neighbourHeading.range.start.line]?.replace(/^#+\s*/, '') ?? '') : false;
  const title = `${numbered ? `${index + 1}. ` : ''}${step.title}`;
  const body = [`${'#'.repeat(depth)} ${title}`, '', ...step.questions.map((q) => `- TODO: ${q}`)].join('\n');

  let line: number;
  if (before?.range) line = lastSectionEnd(before) + 1;
  else if (after?.headings[0]) line = after.headings[0].range.start.line;
  else line = lines.length;

  if (line >= lines.length) {
    const last = lines.length - 1;
    const end = range(last, lines[last]?.length ?? 0, last, lines[last]?.length ?? 0);
    const sep = (lines[last] ?? '').trim() === '' ? '\n' : '\n\n';
    return { range: end, newText: `${sep}${body}\n` };
  }
  // Keep the section above tidy: trailing blank lines stay where they are, the step goes after them.
  const sepBefore = line > 0 && (lines[line - 1] ?? '').trim() !== '' ? '\n' : '';
  return { range: range(line, 0, line, 0), newText: `${sepBefore}${body}\n\n` };
}

function lastSectionEnd(step: DesignDoc['steps'][number]): number {
  return step.sections[step.sections.length - 1]?.end.line ?? step.range!.end.line;
}

/** "Why this model / Alternatives considered" right after the block that names the model. */
export function justificationStubEdit(block: TextBlock, lines: string[]): TextEdit | undefined {
  const endLine = block.range.end.line;
  const at = range(endLine + 1, 0, endLine + 1, 0);
  const why = 'TODO: what it buys over the baseline, and at what cost';
  const alt = 'TODO: which other models were compared, and why not them';
  if (block.kind === 'listItem') {
    const first = lines[block.range.start.line] ?? '';
    const m = /^(\s*)([-*+]|\d+[.)])(\s+)/.exec(first);
    const indent = ' '.repeat(m ? m[0].length : 2);
    return { range: at, newText: `${indent}- **Why this model:** ${why}\n${indent}- **Alternatives considered:** ${alt}\n` };
  }
  if (block.kind === 'paragraph') {
    return { range: at, newText: `\n**Why this model:** ${why}.\n**Alternatives considered:** ${alt}.\n` };
  }
  return undefined;
}

/** A bold-labelled TODO line right after a block (a sub-item under a list item, a paragraph after a
 * paragraph; none inside a table); the reviewer's question becomes a line to fill in, in the doc's own words. */
export function noteAfterBlockEdit(block: TextBlock, lines: string[], label: string, todo: string): TextEdit | undefined {
  const endLine = block.range.end.line;
  const at = range(endLine + 1, 0, endLine + 1, 0);
  if (block.kind === 'listItem') {
    const first = lines[block.range.start.line] ?? '';
    const m = /^(\s*)([-*+]|\d+[.)])(\s+)/.exec(first);
    const indent = ' '.repeat(m ? m[0].length : 2);
    return { range: at, newText: `${indent}- **${label}:** TODO: ${todo}\n` };
  }
  if (block.kind === 'paragraph') {
    return { range: at, newText: `\n**${label}:** TODO: ${todo}\n` };
  }
  return undefined;
}

/** `<!-- mlsd-disable-next-line id -->` above the line; inside the last cell for a table row. */
export function disableFix(ruleId: string, line: number, lines: string[]): Fix {
  const text = lines[line] ?? '';
  const trimmed = text.trimEnd();
  if (/^\s*\|/.test(text) && trimmed.endsWith('|') && trimmed.length > 1) {
    const col = trimmed.length - 1;
    return { title: l10n.t('Disable {0} for this line', ruleId), edits: [{ range: range(line, col, line, col), newText: ` <!-- mlsd-disable-line ${ruleId} -->` }] };
  }
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  return {
    title: l10n.t('Disable {0} for this line', ruleId),
    edits: [{ range: range(line, 0, line, 0), newText: `${indent}<!-- mlsd-disable-next-line ${ruleId} -->\n` }],
  };
}
