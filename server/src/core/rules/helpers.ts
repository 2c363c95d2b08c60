/** Small lookups several rules share. */
import type { DesignDoc, Range, StepModel, TextBlock } from '../types';
import type { RuleContext } from './rule';
import { range } from '../text';
import { mayTest } from '../pattern-gate';
import type { PhraseHit } from '../phrases';

/** Where a finding about the whole doc goes: the title heading, else the first line. */
export function docAnchor(doc: DesignDoc, lines: string[]): Range {
  const title = doc.headings.find((h) => h.depth === 1) ?? doc.headings[0];
  if (title) return title.range;
  const first = doc.frontMatter ? doc.frontMatter.range.end.line + 1 : 0;
  const line = Math.min(first, Math.max(0, lines.length - 1));
  return range(line, 0, line, (lines[line] ?? '').length);
}

/** Where a finding about a step goes: its first heading. */
export function stepAnchor(step: StepModel): Range | undefined {
  return step.headings[0]?.range;
}

export function stepIdsWithRole(ctx: RuleContext, role: string): Set<string> {
  return new Set(ctx.framework.steps.filter((s) => s.roles?.includes(role)).map((s) => s.id));
}

const byStepMemo = new WeakMap<DesignDoc, Map<string, TextBlock[]>>();

/** Prose blocks (not code, not HTML) of the given steps, or of the whole doc; grouped once per doc. */
export function proseBlocks(doc: DesignDoc, stepIds?: Set<string>): TextBlock[] {
  if (!stepIds) return doc.blocks.filter((b) => b.kind !== 'code' && b.kind !== 'html');
  let byStep = byStepMemo.get(doc);
  if (!byStep) {
    byStep = new Map();
    for (const b of doc.blocks) {
      if (b.stepId === undefined || b.kind === 'code' || b.kind === 'html') continue;
      let list = byStep.get(b.stepId);
      if (!list) byStep.set(b.stepId, (list = []));
      list.push(b);
    }
    byStepMemo.set(doc, byStep);
  }
  if (stepIds.size === 1) return byStep.get([...stepIds][0]) ?? [];
  return doc.blocks.filter((b) => b.kind !== 'code' && b.kind !== 'html' && b.stepId !== undefined && stepIds.has(b.stepId));
}

/** Exact range of the first match of `re` inside a block's source lines, else the block's first line. */
export function locateInBlock(block: TextBlock, lines: string[], test: (line: string) => { index: number; length: number } | undefined): Range {
  for (let l = block.range.start.line; l <= block.range.end.line && l < lines.length; l++) {
    const hit = test(lines[l]);
    if (hit) return range(l, hit.index, l, hit.index + hit.length);
  }
  const l = block.range.start.line;
  return range(l, block.range.start.character, l, (lines[l] ?? '').length);
}

export function stepTitle(ctx: RuleContext, stepId: string): string {
  return ctx.framework.steps.find((s) => s.id === stepId)?.title ?? stepId;
}

/** "Sampling strategy" → "sampling strategy", but "ML objective" stays. */
export function lowerFirst(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** The first place in a block's source lines where `needle` shows (case-insensitive), else the block's first line. */
export function locateText(block: TextBlock, lines: string[], needle: string): Range {
  const lower = needle.toLowerCase();
  return locateInBlock(block, lines, (line) => {
    const i = line.toLowerCase().indexOf(lower);
    return i >= 0 ? { index: i, length: needle.length } : undefined;
  });
}

const compiledPatterns = new WeakMap<readonly string[], RegExp[]>();
/** The first match in `text` of a lexicon pattern list (case-insensitive, unicode), skipping the
 * patterns the cheap gate rules out; compiled once per list. */
export function firstPatternHit(text: string, patterns: readonly string[]): PhraseHit | undefined {
  let res = compiledPatterns.get(patterns);
  if (!res) compiledPatterns.set(patterns, (res = patterns.map((p) => new RegExp(p, 'iu'))));
  for (const re of res) {
    if (!mayTest(re, text)) continue;
    const m = re.exec(text);
    if (m) return { index: m.index, text: m[0] };
  }
  return undefined;
}
