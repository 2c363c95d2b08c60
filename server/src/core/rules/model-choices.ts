/** Finds model-family mentions in the model step and decides whether each one is justified nearby. */
import type { DesignDoc, TextBlock } from '../types';
import type { ModelFamily } from '../lexicon';
import type { RuleContext } from './rule';
import { createVocabulary, matchesAny } from '../phrases';
import { proseBlocks, stepIdsWithRole } from './helpers';

export interface ModelMention { block: TextBlock; blockIndex: number; families: ModelFamily[]; justified: boolean }

const memo = new WeakMap<DesignDoc, ModelMention[]>();
const vocabularies = new WeakMap<ModelFamily[], ReturnType<typeof createVocabulary<ModelFamily>>>();
/** One vocabulary per model-family list, shared by the rules that look for model choices. */
export function vocabularyFor(families: ModelFamily[]) {
  let v = vocabularies.get(families);
  if (!v) vocabularies.set(families, (v = createVocabulary(families)));
  return v;
}

export function modelMentions(doc: DesignDoc, ctx: RuleContext): ModelMention[] {
  const cached = memo.get(doc);
  if (cached) return cached;
  const modelSteps = stepIdsWithRole(ctx, 'model');
  const { lexicon } = ctx;
  // A "Why …" / "Alternatives considered" heading inside the model step justifies the choices it discusses.
  const justifiedSteps = new Set(
    doc.headings.filter((h) => h.sectionStepId && modelSteps.has(h.sectionStepId) && matchesAny(h.text, lexicon.justificationHeadings)).map((h) => h.sectionStepId!),
  );
  // Only the model step's blocks are looked at: index them, and their list-item children, once.
  const inModel: number[] = [];
  for (let i = 0; i < doc.blocks.length; i++) {
    const id = doc.blocks[i].stepId;
    if (id !== undefined && modelSteps.has(id)) inModel.push(i);
  }
  const index = new Map(inModel.map((i) => [doc.blocks[i], i]));
  const children = new Map<number, TextBlock[]>();
  for (const i of inModel) {
    const b = doc.blocks[i];
    if (b.parent !== undefined) (children.get(b.parent) ?? children.set(b.parent, []).get(b.parent)!).push(b);
  }

  // A list item's reason may sit in its sub-items, or in a sibling sub-item ("pros: …") of the same parent.
  const subtreeHasReason = (i: number, depth = 0): boolean =>
    reasons(doc.blocks[i]) || (depth < 4 && (children.get(i) ?? []).some((c) => subtreeHasReason(index.get(c)!, depth + 1)));
  const reasons = (b: TextBlock | undefined) => !!b && (b.reasonCell === true || matchesAny(b.text, lexicon.justification));
  // Items under "Typical options:" (at any depth) survey models; they are not a choice needing a reason.
  const surveyed = new Map<number, boolean>();
  const enumerates = (text: string) => matchesAny(text, lexicon.enumerationCues);
  const isSurveyed = (i: number): boolean => {
    const block = doc.blocks[i];
    // A section headed "Candidate models" / "Model options" surveys what it lists.
    const heading = block.sectionIndex >= 0 ? doc.headings[block.sectionIndex] : undefined;
    if (heading && enumerates(heading.text)) return true;
    // Two families offered as alternatives ("random forest, XGBoost or a small ensemble") are options.
    if (offersAlternatives(block.text, ctx)) return true;
    const parent = block.parent;
    if (parent === undefined) return block.kind === 'listItem' && leadInEnumerates(i);
    let v = surveyed.get(i);
    if (v === undefined) {
      v = isSurveyed(parent) || matchesAny(doc.blocks[parent].text.split('\n')[0], lexicon.enumerationCues);
      surveyed.set(i, v);
    }
    return v;
  };
  // A top-level list introduced by "Model options:" — the paragraph just above its first item.
  const leadInEnumerates = (i: number): boolean => {
    let j = i - 1;
    while (j >= 0 && doc.blocks[j].kind === 'listItem' && doc.blocks[j].sectionIndex === doc.blocks[i].sectionIndex) j--;
    const lead = doc.blocks[j];
    return !!lead && lead.kind === 'paragraph' && lead.sectionIndex === doc.blocks[i].sectionIndex && /:\s*$/.test(lead.text) && enumerates(lead.text.split('\n').pop()!);
  };
  const flaggedFamilies = new Map<number, Set<string>>();
  const mentions: ModelMention[] = [];
  for (const block of proseBlocks(doc, modelSteps)) {
    if (block.kind === 'heading' || block.header) continue;
    const families = vocabularyFor(ctx.lexicon.modelFamilies).scan(block.text).map((m) => m.entry);
    if (!families.length) continue;
    const i = index.get(block)!;
    const next = doc.blocks[i + 1];
    const nextStartsWithReason = !!next && next.sectionIndex === block.sectionIndex && next.parent === block.parent &&
      /^\W*(why|because|since|reason|rationale|alternatives?|trade-?offs?|compared)\b/i.test(next.text);
    // A sub-item repeating its parent's model is the same choice: judge it once, at the parent.
    const inherited = block.parent !== undefined ? flaggedFamilies.get(block.parent) : undefined;
    if (inherited && families.every((f) => inherited.has(f.id))) {
      flaggedFamilies.set(i, inherited);
      continue;
    }
    const justified = isSurveyed(i) || justifiedSteps.has(block.stepId!) || nextStartsWithReason || subtreeHasReason(i) ||
      (block.parent !== undefined && subtreeHasReason(block.parent));
    flaggedFamilies.set(i, new Set([...(inherited ?? []), ...families.map((f) => f.id)]));
    mentions.push({ block, blockIndex: i, families, justified });
  }
  // A family justified anywhere in its step is not asked for again where it is merely mentioned.
  const justifiedFamilies = new Set(mentions.filter((m) => m.justified).flatMap((m) => m.families.map((f) => `${m.block.stepId}:${f.id}`)));
  for (const m of mentions) {
    if (!m.justified && m.families.every((f) => justifiedFamilies.has(`${m.block.stepId}:${f.id}`))) m.justified = true;
  }
  // The reason may sit in any paragraph of the choice's own section (before or after it); a reason in
  // another section, let alone another step, does not count.
  const reasoned = new Map<number, boolean>();
  const sectionReasons = (k: number): boolean => {
    let v = reasoned.get(k);
    if (v === undefined) {
      // Paragraphs speak for the section; a list item or table row's reason belongs to that item.
      v = inModel.some((i) => doc.blocks[i].sectionIndex === k && doc.blocks[i].kind === 'paragraph' && matchesAny(doc.blocks[i].text, lexicon.sectionJustification));
      reasoned.set(k, v);
    }
    return v;
  };
  for (const m of mentions) {
    if (!m.justified && m.block.sectionIndex >= 0 && sectionReasons(m.block.sectionIndex)) m.justified = true;
  }
  memo.set(doc, mentions);
  return mentions;
}

/** Whether a text names two or more model families joined as alternatives ("A, B or C"). */
function offersAlternatives(text: string, ctx: RuleContext): boolean {
  const hits = vocabularyFor(ctx.lexicon.modelFamilies).scan(text);
  if (new Set(hits.map((h) => h.entry.id)).size < 2) return false;
  // The joiner follows the first family: "A or B", "A, B, or a small ensemble".
  const first = hits[0];
  return matchesAny(text.slice(first.hit.index + first.hit.text.length), ctx.lexicon.alternativeJoiners);
}
