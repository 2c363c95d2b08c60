import * as l10n from '@vscode/l10n';
import { shippedText } from '../l10n';
import type { Rule, RuleFinding } from './rule';
import type { PlaceholderPattern } from '../lexicon';
import { range } from '../text';
import { TextMemo } from '../memo';
import { chunkFact } from '../chunk-facts';
import type { DesignDoc, TextBlock } from '../types';

/** A cheap first test: every placeholder pattern in the lexicon contains one of these (the
 * knowledge tests run each pattern's examples through it). */
export const MAYBE_PLACEHOLDER = /TODO|TBD|TBC|FIXME|XXX|\?\?\?|\(\?|\{\{|\$\{|\[|<|lorem|to be (?:determ|decid|defin|confirm|clarif)|\b[XN]\b/i;
const lineMemo = new TextMemo<object, { index: number; text: string; label: string }[]>();

const compiled = new WeakMap<PlaceholderPattern[], { re: RegExp; label: string }[]>();

/** Prose blocks that may hold a placeholder; the cheap test is cached per chunk, so a keystroke
 * re-tests only the chunk it changed. */
function candidateBlocks(doc: DesignDoc): TextBlock[] {
  const maybe = (b: { kind: string; text: string }) => b.kind !== 'code' && b.kind !== 'html' && MAYBE_PLACEHOLDER.test(b.text);
  if (!doc.segments) return doc.blocks.filter(maybe);
  const out: TextBlock[] = [];
  for (const seg of doc.segments) {
    const rel = chunkFact(seg.chunk, MAYBE_PLACEHOLDER, () => seg.blocks.flatMap((b, i) => (maybe(b) ? [i] : [])));
    for (const i of rel) out.push(doc.blocks[seg.start + i]);
  }
  return out;
}

export const unfilledPlaceholder: Rule = {
  meta: {
    id: 'unfilled-placeholder',
    description: 'Template prompts, TODO, TBD, ??? or [More information needed] left in the doc.',
    defaultSeverity: 'warning',
    tags: ['hygiene'],
    fixable: false,
  },
  check(doc, ctx) {
    let patterns = compiled.get(ctx.lexicon.placeholders);
    if (!patterns) {
      patterns = ctx.lexicon.placeholders.map((p) => ({ re: new RegExp(p.pattern, `g${p.flags}u`), label: p.label }));
      compiled.set(ctx.lexicon.placeholders, patterns);
    }
    // Look at the source lines of prose blocks only: code and HTML comments may say TODO legitimately.
    const seen = new Set<number>();
    const out: RuleFinding[] = [];
    // A step that holds nothing but prompts gets one "not started" finding from empty-step instead.
    const notStarted = new Set(doc.steps.filter((s) => s.notStarted).map((s) => s.id));
    for (const block of candidateBlocks(doc)) {
      if (block.stepId && notStarted.has(block.stepId)) continue;
      for (let l = block.range.start.line; l <= block.range.end.line; l++) {
        if (seen.has(l)) continue;
        seen.add(l);
        const source = ctx.lines[l] ?? '';
        const hits = lineMemo.get(patterns, source, () => {
          const text = source.replace(/<!--.*?-->/g, (c) => ' '.repeat(c.length)).replace(/`[^`]*`/g, (c) => ' '.repeat(c.length));
          const found: { index: number; text: string; label: string }[] = [];
          for (const { re, label } of patterns) {
            re.lastIndex = 0;
            for (let m = re.exec(text); m; m = re.exec(text)) found.push({ index: m.index, text: m[0], label });
          }
          return found;
        });
        for (const h of hits) {
          out.push({
            message: l10n.t('Unfilled placeholder: {0} ("{1}"). Fill it in or remove it before review.', shippedText(h.label), h.text.slice(0, 60)),
            range: range(l, h.index, l, h.index + h.text.length),
            data: { step: block.stepId ?? '', text: h.text.slice(0, 60) },
          });
        }
      }
    }
    out.push(...unansweredItems(doc, ctx.lines, notStarted));
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
};

/**
 * List items left blank: an empty bullet, or a label ("Sources:", "User's age group:") whose next
 * line is already the next item, so nothing was written after it. A label that is the list's last
 * item may introduce the paragraph or table below it, one with nested content is answered, and a
 * long item ending in a colon leads into its siblings.
 */
function unansweredItems(doc: DesignDoc, lines: string[], notStarted: Set<string>): RuleFinding[] {
  const out: RuleFinding[] = [];
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== 'listItem' || (b.stepId && notStarted.has(b.stepId))) continue;
    const next = blocks[i + 1];
    if (next?.parent === i) continue;
    const text = b.text.trim();
    // A short label only ("Sources:"): a long item ending in a colon introduces the items after it.
    const label = /^[^\n:：[\]]{1,40}[:：]$/.test(text) && text.split(/\s+/).length <= 4 &&
      next?.kind === 'listItem' && next.parent === b.parent && next.sectionIndex === b.sectionIndex &&
      // …and not a link: a table of contents names its sections ("[3.0. Product design:](#30)").
      !/\]\(|\]\[/.test(lines[b.range.start.line] ?? '');
    if (text && !label) continue;
    const start = b.range.start;
    out.push({
      message: text
        ? l10n.t("Unfilled placeholder: '{0}' has nothing after it. Fill it in or remove it before review.", text.slice(0, 60))
        : l10n.t('Unfilled placeholder: an empty list item. Fill it in or remove it before review.'),
      range: range(start.line, start.character, b.range.end.line, b.range.end.character),
      data: { step: b.stepId ?? '', text: text.slice(0, 60) },
    });
  }
  return out;
}
