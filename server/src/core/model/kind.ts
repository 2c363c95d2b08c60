/**
 * What kind of file a doc is — a design doc, a design-doc template, or something else (model card,
 * dataset card, software proposal, lesson, notes, README, collection of many systems…) — with the
 * reason. Only design docs get design findings; templates get structural ones and the topics they never ask about; anything else none.
 * The cues are data (lexicon.json `documentKinds`, extended by language packs); this file only
 * weighs them.
 */
import * as l10n from '@vscode/l10n';
import { shippedText } from '../l10n';
import type { DocKind, HeadingInfo, StepModel, TextBlock } from '../types';
import type { DocumentKindCues } from '../lexicon';
import { findAll, findFirst } from '../phrases';
import { countWords } from '../text';

export interface KindInput {
  headings: HeadingInfo[];
  /** Index in `headings` of the doc's title, or -1. */
  title: number;
  blocks: TextBlock[];
  steps: StepModel[];
  frontMatter?: Record<string, unknown>;
  /** Distinct machine-learning words in the prose (counted up to 3). */
  mlSignals: number;
  kinds: DocumentKindCues[];
  templateCues: { title: string[]; minPromptShare: number };
  /** The step the title itself names outright, if any ("# 3. Data preparation"). */
  titleStep?: string;
  /** The doc's lines (headings are looked at in their source form: links in them). */
  lines: string[];
  /** Steps a design doc needs. */
  minSteps: number;
}

export interface KindResult { kind: DocKind; reason: string; isDesignDoc: boolean }

const isProse = (b: TextBlock) => b.kind === 'paragraph' || b.kind === 'listItem' || b.kind === 'tableRow' || b.kind === 'blockquote';

/** A prompt waiting for an answer: a question, an empty checkbox, a [placeholder], {{ }} or <…>. */
const PROMPT = /\?\s*$|^\s*\[[ xX]?\]|\[[^\]\n]{1,60}\](?!\()|\{\{|<[A-Za-z][^<>\n]{0,40}>(?!.*<\/)|\bTODO\b|\bTBD\b|_{4,}/;

export function promptShare(blocks: TextBlock[]): number {
  let prose = 0;
  let prompts = 0;
  for (const b of blocks) {
    if (!isProse(b) || b.header) continue;
    const text = b.text.split('\n')[0];
    if (!countWords(text)) continue;
    prose++;
    if (PROMPT.test(text)) prompts++;
  }
  return prose ? prompts / prose : 0;
}

export function score(cues: DocumentKindCues, input: KindInput): { score: number; evidence: string[] } {
  const evidence: string[] = [];
  let total = 0;
  const title = input.title >= 0 ? input.headings[input.title].text : '';
  if (cues.title?.length && title) {
    const hit = findFirst(title, cues.title);
    if (hit) { total += 2; evidence.push(`title says "${hit.text}"`); }
  }
  if (cues.headings?.length) {
    const seen = new Set<string>();
    for (let i = 0; i < input.headings.length; i++) {
      if (i === input.title) continue;
      for (const hit of findAll(input.headings[i].text, cues.headings)) seen.add(hit.text.toLowerCase());
    }
    if (seen.size) { total += seen.size; evidence.push(`headings ${[...seen].slice(0, 3).map((s) => `"${s}"`).join(', ')}`); }
  }
  if (cues.text?.length) {
    const seen = new Set<string>();
    let hits = 0;
    for (const b of input.blocks) {
      if (b.kind === 'heading') continue;
      for (const hit of findAll(b.text, cues.text)) { seen.add(hit.text.toLowerCase()); hits++; }
    }
    if (seen.size) {
      total += Math.min(4, seen.size + Math.floor(hits / 4));
      evidence.push(`text says ${[...seen].slice(0, 2).map((s) => `"${s}"`).join(', ')}`);
    }
  }
  return { score: total, evidence };
}

export function decideKind(input: KindInput): KindResult {
  const fm = input.frontMatter;
  if (fm && typeof fm.mlsd === 'boolean') {
    return fm.mlsd
      ? { kind: 'design-doc', reason: l10n.t('front matter says mlsd: true'), isDesignDoc: true }
      : { kind: 'other', reason: l10n.t('front matter says mlsd: false'), isDesignDoc: false };
  }
  if (fm && typeof fm.problem === 'string') return { kind: 'design-doc', reason: l10n.t('front matter names the problem type'), isDesignDoc: true };

  const words = input.blocks.reduce((n, b) => n + (b.kind === 'heading' || b.kind === 'code' ? 0 : countWords(b.text)), 0);
  if (words < 20 && input.headings.length < 3) return { kind: 'empty', reason: l10n.t('almost no text'), isDesignDoc: false };

  // Steps seen only in passing do not make a file a design doc.
  // Many headings that each link to a source: a collection of write-ups of many systems.
  const linked = input.headings.filter((h) => !h.pseudo && /\]\([^)]+\)/.test(input.lines[h.range.start.line] ?? '')).length;
  if (linked >= 5 && linked * 4 >= input.headings.filter((h) => !h.pseudo).length) {
    return { kind: 'collection', reason: l10n.t('a collection of many systems ({0} headings link to their sources)', linked), isDesignDoc: false };
  }

  const found = input.steps.filter((s) => s.status !== 'missing' && !s.inPassing);
  const covered = input.steps.filter((s) => s.status === 'covered').length;
  for (const cues of input.kinds) {
    const { score: got, evidence } = score(cues, input);
    if (got < cues.min) continue;
    // A design doc may be written in another shape (an RFC for a new model): enough real steps win.
    if (cues.unlessCovered !== undefined && covered >= cues.unlessCovered) continue;
    return { kind: cues.kind, reason: `${shippedText(cues.label)} (${evidence.join('; ')})`, isDesignDoc: false };
  }

  // A chapter about one step ("# 3. Data preparation") is part of a book, not a design doc.
  const title = input.title >= 0 ? input.headings[input.title] : undefined;
  if (input.titleStep && found.length < 5) {
    return { kind: 'lesson', reason: l10n.t('a chapter about one step (the title names {0})', input.titleStep), isDesignDoc: false };
  }

  if (found.length < input.minSteps) {
    return { kind: 'other', reason: l10n.t('only {0} of {1} steps found ({2} needed)', found.length, input.steps.length, input.minSteps), isDesignDoc: false };
  }
  if (input.mlSignals < 3) return { kind: 'other', reason: l10n.t('{0} steps found, but the text barely mentions machine learning', found.length), isDesignDoc: false };

  const share = promptShare(input.blocks);
  const titleText = title?.text ?? '';
  const titleHit = titleText ? findFirst(titleText, input.templateCues.title) : undefined;
  if (titleHit || share >= input.templateCues.minPromptShare) {
    const why = titleHit ? l10n.t('the title says "{0}"', titleHit.text) : l10n.t('{0} % of its lines are prompts', Math.round(share * 100));
    return { kind: 'template', reason: l10n.t('a design-doc template: {0}', why), isDesignDoc: true };
  }
  return { kind: 'design-doc', reason: l10n.t('{0} of {1} steps found', found.length, input.steps.length), isDesignDoc: true };
}
