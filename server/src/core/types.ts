/**
 * Plain-data types shared by the whole core. Everything here is structured-cloneable
 * (no classes, no functions) so a DesignDoc and its findings can cross a worker boundary.
 * Positions are 0-based (line, character in UTF-16 code units), as in LSP.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants (LSP `isPreferred`). */
  preferred?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Machine-readable facts about the finding: step id, topic id, model family… */
  data?: FindingData;
  fixes?: Fix[];
  /** Other places of the same doc the finding is about (the other value of an inconsistent number). */
  related?: RelatedPlace[];
}

/** A second place a finding points at, with what is there (LSP `relatedInformation`). */
export interface RelatedPlace { range: Range; message: string }

/** Machine-readable facts about a finding; `topics` lists every topic a merged finding names. */
export type FindingData = Record<string, string | number | boolean | string[]>;

/* ---------- framework (knowledge as data) ---------- */

export interface FrameworkTopic {
  id: string;
  label: string;
  /** Phrases (case-insensitive, plural-tolerant) whose presence shows the topic is covered. */
  phrases: string[];
  /** Phrases that show the topic only inside its own step's sections: words with an everyday sense
   * elsewhere ("weekly active users" under requirements is no retraining cadence). */
  sectionPhrases?: string[];
  /** Patterns that, like `sectionPhrases`, count only inside the topic's own step's sections. */
  sectionPatterns?: string[];
  severity: SeveritySetting;
  why: string;
  /** Regular expressions (case-insensitive, unicode) for quantities that show the topic: "200 ms", "10k QPS". */
  patterns?: string[];
  /** A rule that reports this gap more precisely (missing-baseline): when it fires, missing-topic leaves the topic out. */
  reportedBy?: string;
  /** `why` phrased for one task (lexicon problem types), so a classifier is not given recommender advice. */
  whyByTask?: Record<string, string>;
  /** Only for these tasks (lexicon problem types: classification, ranking…); absent means always. */
  appliesTo?: string[];
  /** Only when the doc mentions one of these phrases anywhere: fairness matters for a system that
   * ranks content for people or decides about them, not for one that parses invoices. */
  appliesWhenMentioned?: string[];
  /** Where else evidence counts, besides the topic's own step; absent means anywhere in the doc.
   * Latency under requirements is a budget, not production monitoring of latency. */
  coveredIn?: string[];
}

export interface FrameworkStep {
  id: string;
  title: string;
  /** Heading words real docs use for this step. */
  aliases: string[];
  /** Words a section's body uses when it is about this step (read when the heading names no step). */
  cues?: string[];
  /** What the rules may ask of this step ("requirements", "framing", "data", "model", "evaluation"…),
   * so the engine never needs to know a step by its id. */
  roles?: string[];
  /** Guiding questions shown in templates, hover and inserted skeletons. */
  questions: string[];
  /** Suggested minutes in a 45-minute interview. */
  timeBudgetMinutes?: number;
  /** Fewer words than this in the step's sections → "thin". */
  minWords?: number;
  /** Its sub-headings stay in it whatever they name: under Monitoring, "Quality", "Data quality"
   * and "Service health" are what is monitored, not a return to evaluation or data. */
  keepsSubsections?: boolean;
  topics: FrameworkTopic[];
}

export interface Framework {
  id: string;
  title: string;
  version?: string;
  /** Headings that end the current step rather than inherit it (Appendix, References…). */
  neutralHeadings?: string[];
  steps: FrameworkStep[];
}

/* ---------- the document model ---------- */

export type StepStatus = 'covered' | 'thin' | 'missing';

/** How a heading's step was decided (shown in hover, the tree and `lint --verbose`). */
export type MappedBy = 'title' | 'neutral' | 'alias' | 'content' | 'inherited' | 'comment' | 'none';

export interface HeadingInfo {
  text: string;
  depth: number;
  range: Range;
  /** Step this heading maps to by alias; undefined when it matched nothing. */
  stepId?: string;
  /** Step the heading's section belongs to (its own match, content, or inherited from above). */
  sectionStepId?: string;
  /** Every step the section covers, `sectionStepId` first (a section may cover two). */
  sectionStepIds?: string[];
  mappedBy?: MappedBy;
  /** One line on why: "heading names Monitoring", "text is about Data (7 data words)". */
  why?: string;
  /** A bold line or list lead standing in for a heading. */
  pseudo?: boolean;
}

/** What kind of file a doc is: only design docs get design findings, templates structural ones and missing topics. */
export type DocKind = 'design-doc' | 'template' | 'model-card' | 'dataset-card' | 'proposal' | 'lesson' | 'notes' | 'readme' | 'collection' | 'empty' | 'other';

export type BlockKind = 'paragraph' | 'listItem' | 'tableRow' | 'heading' | 'code' | 'html' | 'blockquote' | 'other';

/** A unit of prose the rules reason about: a paragraph, one list item, one table row. */
export interface TextBlock {
  kind: BlockKind;
  text: string;
  range: Range;
  /** Step whose section contains this block. */
  stepId?: string;
  /** Every step of the block's section (shared array; `stepId` first). */
  stepIds?: readonly string[];
  /** Index of the section (heading) the block sits under; -1 before the first heading. */
  sectionIndex: number;
  /** Index in `DesignDoc.blocks` of the enclosing list item (for nested items). */
  parent?: number;
  /** Table row whose "why / reason / trade-off" column is filled in. */
  reasonCell?: boolean;
  /** Table header row. */
  header?: boolean;
  /** A table-of-contents entry (a list item that only links to a heading): no content of its own. */
  navigation?: boolean;
}

export interface TopicCoverage {
  id: string;
  label: string;
  covered: boolean;
  severity: SeveritySetting;
  why: string;
  /** Where the covering phrase was found. */
  evidence?: Range;
  /** Topic added by config rather than by the framework. */
  extra?: boolean;
}

export interface StepModel {
  id: string;
  title: string;
  status: StepStatus;
  /** Headings mapped to this step, in document order. */
  headings: HeadingInfo[];
  /** From the first heading of the step to the end of its last section; undefined when missing. */
  range?: Range;
  /** Each contiguous section of the step. */
  sections: Range[];
  wordCount: number;
  topics: TopicCoverage[];
  /** Order of the first heading among found steps (for step-order). */
  firstLine?: number;
  /** No section of its own, but its topics are covered in other sections (status thin). */
  inPassing?: boolean;
  /** Its sections hold template prompts and no word of an answer yet (status thin). */
  notStarted?: boolean;
  /** How many prompt lines wait for an answer, when not started. */
  promptCount?: number;
}

export interface FrontMatter {
  raw: string;
  range: Range;
  data?: unknown;
  /** YAML syntax error, if any. */
  error?: { message: string; range: Range };
}

export interface InlineDirective {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  rules: string[];
  line: number;
}

/** A stretch of the doc the parser could not safely analyse (size / nesting budget). */
export interface SkippedRegion { range: Range; reason: string }

export interface DesignDoc {
  lineCount: number;
  frontMatter?: FrontMatter;
  headings: HeadingInfo[];
  blocks: TextBlock[];
  steps: StepModel[];
  isDesignDoc: boolean;
  designDocReason: string;
  kind: DocKind;
  /** Why the kind was chosen, in a few words. */
  kindReason: string;
  /** `problem` from front matter, or inferred from the text. */
  problemType?: string;
  caseStudy?: string;
  directives: InlineDirective[];
  skipped: SkippedRegion[];
  title?: string;
  /** Which runs of `blocks` came from which parsed chunk (for per-chunk caching; not sent anywhere). */
  segments?: { chunk: object; blocks: readonly { kind: BlockKind; text: string }[]; start: number; end: number }[];
}
