/**
 * Typed access to knowledge/lexicon.json — the vocabulary the rules and the model look for (data,
 * not code) — with every language pack of knowledge/languages/ merged in. English is the base;
 * adding a language is adding a pack (validated by schemas/language.schema.json).
 */
import data from '../knowledge/lexicon.json';
import { languagePacks, type LanguagePack } from '../knowledge/languages';

export type Tier = 'simple' | 'medium' | 'complex';
export interface ModelFamily { id: string; label: string; tier: Tier; phrases: string[] }
export interface MetricEntry { id: string; label: string; phrases: string[] }
export interface TaskMetrics { fitting: string[]; misfit: string[]; suggest: string }
/** A placeholder pattern, with lines it must find (the knowledge tests check them). */
export interface PlaceholderPattern {
  pattern: string; flags: string; label: string; examples?: string[];
  /** The marker says the matter is still open ("Latency: TBD"): its line shows no topic as covered. */
  undecided?: boolean;
}

/** Cues that a file is of a kind other than a design doc (model card, proposal, lesson…). */
export interface DocumentKindCues {
  kind: 'model-card' | 'dataset-card' | 'proposal' | 'lesson' | 'notes' | 'readme' | 'collection';
  /** How the kind is named in messages ("a model card"). */
  label: string;
  /** Phrases in the doc's title (worth 2). */
  title?: string[];
  /** Phrases in other headings (1 per distinct phrase). */
  headings?: string[];
  /** Phrases in the prose (1 per distinct phrase, plus 1 per 4 hits, at most 4). */
  text?: string[];
  /** Score from which the doc is taken for this kind. */
  min: number;
  /** …unless this many steps are fully covered (a design doc written in another shape). */
  unlessCovered?: number;
}

export interface Lexicon {
  justification: string[];
  /** Reason words strong enough to justify every choice of their section ("because", "compared with"). */
  sectionJustification: string[];
  justificationHeadings: string[];
  /** Words that introduce a list of models being surveyed rather than chosen ("Typical options:"). */
  enumerationCues: string[];
  /** Words that join model families offered as alternatives ("A, B or C"): options, not a choice. */
  alternativeJoiners: string[];
  /** Words that place a metric in an online test or pilot ("A/B test", "user survey"): there
   * "accuracy" names a business measure, not the offline metric a task is judged by. */
  onlineEvaluationCues: string[];
  /** Words that keep a metric offline beside an online cue ("offline accuracy; online CTR"). */
  offlineEvaluationCues: string[];
  modelFamilies: ModelFamily[];
  metrics: MetricEntry[];
  taskMetrics: Record<string, TaskMetrics>;
  problemTypes: { id: string; task: string; phrases: string[] }[];
  frontMatterTasks: Record<string, string>;
  imbalanceStatements: { phrases: string[]; patterns: string[] };
  imbalanceStrategies: string[];
  placeholders: PlaceholderPattern[];
  requirementNumbers: { scale: string[]; latency: string[] };
  /** Words that show a doc is about machine learning at all (design-doc detection). */
  mlSignals: string[];
  /** Those of mlSignals that only name machine learning ("upstream ML models"): together one signal. */
  mlMentions: string[];
  /** Words a heading is compared without ("the", "of", "и"). */
  headingStopwords: string[];
  /** Words that name a simple baseline (missing-baseline). */
  baselineWords: string[];
  documentKinds: DocumentKindCues[];
  /** A statement of how the data is split that names no time or group rule (split-leakage-risk). */
  splitStatements: string[];
  /** Patterns for the same: a ratio beside a split word ("70/30 split"), "5-fold". */
  splitStatementPatterns: string[];
  /** Words that show rows are ordered in time (click logs, transactions): a random split leaks the future. */
  timeOrderedData: string[];
  /** Words that show rows come in groups that must stay on one side of a split, with the group's unit. */
  groupedData: { phrases: string[]; unit: string }[];
  /** Words and patterns that show a time- or group-based split (or that the doc keeps the future out). */
  timeOrGroupSplits: string[];
  timeOrGroupSplitPatterns: string[];
  /** Time quantities a doc bounds (latency, freshness), read with units, percentile and scope
   * (inconsistent-numbers): two bounds of one quantity, percentile and scope that differ are flagged. */
  boundedQuantities: {
    quantities: { id: string; label: string; phrases: string[] }[];
    /** Time units as regex sources, with their factor to seconds. */
    units: { factor: number; pattern: string }[];
    upperBounds: string[];
    percentiles: string[];
    /** Words that narrow what is measured (a stage, a unit of work). */
    scopes: string[];
    /** Words that name the whole request (end-to-end, total): no narrower scope. */
    wholeScopes: string[];
    /** Words that make a number today's or a measured one, not a target. */
    notTargets: string[];
    /** Words that give a softer value beside a hard limit ("no more than 10 s, ideally 2-3 s"). */
    idealCues: string[];
  };
  /** Problems whose two errors cost differently (fraud, moderation, medical, safety): no-operating-point. */
  unequalCostDomains: string[];
  /** Words that show an operating point: a threshold, a cost trade-off, precision at a fixed recall. */
  operatingPointWords: string[];
  /** Uses that need calibrated probabilities (auctions, bidding, negative downsampling). */
  calibrationNeeds: string[];
  calibrationWords: string[];
  /** Words that name where labels come from (label-definition). */
  labelWords: string[];
  /** Outcomes known only some time after the event (chargebacks, conversions, churn). */
  delayedOutcomes: string[];
  /** Words and patterns that show a label window or delay handling ("30-day window", "maturation"). */
  labelWindowWords: string[];
  labelWindowPatterns: string[];
  /** Labels taken from what users did with what the system showed (clicks, watch time). */
  clickLabels: string[];
  /** Words that show position bias is corrected or exposure explored. */
  positionBiasWords: string[];
  /** Words that plan an online controlled test (metrics-not-connected). */
  onlineTestWords: string[];
  /** Words and patterns that give a test's success criterion (a significance, a lift of N %, a guardrail). */
  successCriteria: string[];
  successCriteriaPatterns: string[];
  /** Words that say the online test will not happen ("a full A/B test is impossible at this stage"). */
  onlineTestNegations: string[];
  /** A design-doc template: its title says so, or this share of its lines are prompts. */
  templateCues: { title: string[]; minPromptShare: number };
}

type StringListKey = { [K in keyof Lexicon]: Lexicon[K] extends string[] ? K : never }[keyof Lexicon];

/** The base lexicon with each pack's words appended (lists are extended, never replaced). */
export function mergeLexicon(base: Lexicon, packs: readonly LanguagePack[]): Lexicon {
  const out: Lexicon = {
    ...base,
    documentKinds: base.documentKinds.map((k) => ({ ...k })),
    templateCues: { ...base.templateCues, title: [...base.templateCues.title] },
    imbalanceStatements: { ...base.imbalanceStatements, phrases: [...base.imbalanceStatements.phrases] },
    problemTypes: base.problemTypes.map((p) => ({ ...p, phrases: [...p.phrases] })),
    boundedQuantities: { ...base.boundedQuantities, quantities: base.boundedQuantities.quantities.map((q) => ({ ...q, phrases: [...q.phrases] })) },
  };
  for (const pack of packs) {
    const lex = pack.lexicon ?? {};
    for (const [key, words] of Object.entries(lex.lists ?? {})) {
      const k = key as StringListKey;
      if (Array.isArray(out[k])) out[k] = [...out[k], ...words];
    }
    for (const [kind, cues] of Object.entries(lex.documentKinds ?? {})) {
      const target = out.documentKinds.find((k) => k.kind === kind);
      if (!target) continue;
      if (cues.title) target.title = [...(target.title ?? []), ...cues.title];
      if (cues.headings) target.headings = [...(target.headings ?? []), ...cues.headings];
      if (cues.text) target.text = [...(target.text ?? []), ...cues.text];
    }
    if (lex.templateTitle) out.templateCues.title.push(...lex.templateTitle);
    if (lex.imbalanceStatements) out.imbalanceStatements.phrases.push(...lex.imbalanceStatements);
    for (const [id, phrases] of Object.entries(lex.problemTypes ?? {})) out.problemTypes.find((p) => p.id === id)?.phrases.push(...phrases);
    const bq = lex.boundedQuantities;
    if (bq) {
      const b = out.boundedQuantities;
      for (const [id, phrases] of Object.entries(bq.quantities ?? {})) b.quantities.find((q) => q.id === id)?.phrases.push(...phrases);
      b.units = [...b.units, ...(bq.units ?? [])];
      for (const k of ['upperBounds', 'percentiles', 'scopes', 'wholeScopes', 'notTargets', 'idealCues'] as const) b[k] = [...b[k], ...(bq[k] ?? [])];
    }
  }
  return out;
}

export const lexicon: Lexicon = mergeLexicon(data as unknown as Lexicon, languagePacks);
