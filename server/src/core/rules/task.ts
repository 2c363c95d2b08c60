/** What kind of ML task the doc describes, and whether it says its positives are rare. Shared by rules. */
import type { DesignDoc, TextBlock } from '../types';
import type { RuleContext } from './rule';
import { findAll, findFirst } from '../phrases';
import { proseBlocks, stepIdsWithRole } from './helpers';
import { firstInDoc } from '../chunk-facts';
import { mayTest } from '../pattern-gate';

export function detectTask(doc: DesignDoc, ctx: RuleContext): string | undefined {
  // An explicit problem type decides; one with no metric expectations (generation, other) means "don't guess".
  if (doc.problemType) return ctx.lexicon.frontMatterTasks[doc.problemType];
  // The framing step says what the task is (elsewhere "regression" may be a software bug); when the
  // doc frames the problem in passing, the title and the requirements say it.
  const memo = taskMemo.get(doc);
  if (memo !== undefined) return memo ?? undefined;
  const pick = (blocks: readonly { text: string }[]) => {
    let best: { task: string; hits: number } | undefined;
    for (const type of ctx.lexicon.problemTypes) {
      const hits = blocks.reduce((n, b) => n + findAll(b.text, type.phrases).length, 0);
      if (hits && (!best || hits > best.hits)) best = { task: type.task, hits };
    }
    return best?.task;
  };
  const task = pick(proseBlocks(doc, stepIdsWithRole(ctx, 'framing'))) ??
    pick([{ text: doc.title ?? '' }, ...proseBlocks(doc, stepIdsWithRole(ctx, 'requirements'))]);
  taskMemo.set(doc, task ?? null);
  return task;
}
const taskMemo = new WeakMap<DesignDoc, string | null>();

const statementRes = new WeakMap<object, RegExp[]>();

/** The first block that states a skewed label distribution, with the matched words. */
export function imbalanceStatement(doc: DesignDoc, ctx: RuleContext): { block: TextBlock; index: number; text: string } | undefined {
  const { imbalanceStatements } = ctx.lexicon;
  let res = statementRes.get(imbalanceStatements);
  if (!res) statementRes.set(imbalanceStatements, (res = imbalanceStatements.patterns.map((p) => new RegExp(p, 'iu'))));
  const patterns = res;
  const found = firstInDoc(doc, imbalanceStatements, (b) => {
    if (b.kind === 'heading' || b.kind === 'code' || b.kind === 'html') return null;
    const phrase = findFirst(b.text, imbalanceStatements.phrases);
    if (phrase) return phrase;
    for (const re of patterns) {
      const m = mayTest(re, b.text) ? re.exec(b.text) : null;
      if (m) return { index: m.index, text: m[0] };
    }
    return null;
  });
  return found && { block: doc.blocks[found.index], index: found.hit.index, text: found.hit.text };
}

/** Whether any prose block of the doc mentions one of the phrases (cached per chunk). */
export function docMentions(doc: DesignDoc, phrases: readonly string[]): boolean {
  return firstInDoc(doc, phrases, (b) => (b.kind !== 'code' && b.kind !== 'html' && findFirst(b.text, phrases)) || null) !== undefined;
}
