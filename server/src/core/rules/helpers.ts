/** Small lookups several rules share. */
import type { DesignDoc, Range, StepModel, TextBlock } from '../types';
import type { RuleContext } from './rule';
import { range } from '../text';

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
