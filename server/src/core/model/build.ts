/**
 * Builds the DesignDoc: parses the text chunk by chunk (cached), then maps headings onto the
 * framework's steps, assigns every prose block to a step, measures each step and finds its topics.
 */
import type { DesignDoc, Framework, FrameworkTopic, HeadingInfo, InlineDirective, SkippedRegion, StepModel, TextBlock, TopicCoverage, Range } from '../types';
import { frontMatterEnd, splitIntoChunks, type Chunk } from '../split';
import { parseChunk, type ParsedChunk } from '../parse';
import { ParseCache } from '../parse-cache';
import { countWords, range } from '../text';
import { findAll, findFirst } from '../phrases';
import { lexicon } from '../lexicon';
import { TextMemo } from '../memo';
import { chunkFact, type Segment } from '../chunk-facts';
import { createHeadingMatcher, type HeadingMatcher } from './headings';
import { readFrontMatter } from './front-matter';
import type { Budget } from '../budget';

export interface BuildOptions {
  framework: Framework;
  /** Topics added by configuration, per step id. */
  extraTopics?: Record<string, FrameworkTopic[]>;
  cache?: ParseCache;
  budget?: Budget;
}

const matchers = new WeakMap<Framework, HeadingMatcher>();
function matcherFor(framework: Framework): HeadingMatcher {
  let m = matchers.get(framework);
  if (!m) matchers.set(framework, (m = createHeadingMatcher(framework)));
  return m;
}

function shift(r: Range, by: number): Range {
  return { start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } };
}

interface Marker { heading: HeadingInfo; pseudo: boolean }

/**
 * The chunk's blocks at document line `by`. A one-character edit moves no chunk, so the block objects
 * of the last analysis are reused instead of rebuilt (they belong to the cache: a DesignDoc's blocks
 * are valid until the next analysis with the same cache; they never leave the worker).
 */
const placements = new WeakMap<ParsedChunk, { by: number; blocks: TextBlock[] }>();
function placeChunk(parsed: ParsedChunk, by: number): { blocks: TextBlock[] } {
  const last = placements.get(parsed);
  if (last && last.by === by) return last;
  const placed = parsed.blocks.map((b): TextBlock => {
    // Every block gets the same fields in the same order (one hidden class: fast loops over 10⁴ blocks).
    const block: TextBlock = { kind: b.kind, text: b.text, range: shift(b.range, by), sectionIndex: -1, stepId: undefined, parent: undefined };
    if (b.reasonCell) block.reasonCell = true;
    if (b.header) block.header = true;
    return block;
  });
  const result = { by, blocks: placed };
  placements.set(parsed, result);
  return result;
}

/** `chunks`, when given, must be splitIntoChunks(lines) (the incremental splitter provides them). */
export function buildDesignDoc(lines: string[], options: BuildOptions, givenChunks?: Chunk[]): DesignDoc {
  const { framework } = options;
  const cache = options.cache ?? new ParseCache();
  const parseFirst = (key: string): ParsedChunk => parseChunk(key.slice(1), options.budget, true);
  const parseRest = (t: string): ParsedChunk => parseChunk(t, options.budget, false);
  const matcher = matcherFor(framework);

  const headings: HeadingInfo[] = [];
  const blocks: TextBlock[] = [];
  const directives: InlineDirective[] = [];
  const skipped: SkippedRegion[] = [];
  const leads: { block: number; text: string }[] = [];
  let frontMatter: DesignDoc['frontMatter'];

  const segments: Segment[] = [];
  const chunks = givenChunks ?? splitIntoChunks(lines);
  for (let c = 0; c < chunks.length; c++) {
    let chunk = chunks[c];
    const first = chunk.startLine === 0;
    // The cache key says where the chunk sits: only the first one may hold front matter.
    const parseOne = (ch: Chunk) => (first ? cache.get(`\u0001${ch.text}`, parseFirst) : cache.get(ch.text, parseRest));
    let parsed = parseOne(chunk);
    // The line scan is a heuristic; the parser has the last word. A chunk that ends inside an open
    // fence or HTML block would have swallowed the next heading, so the two are parsed together.
    while (parsed.endsOpen && !chunk.frontMatter && c + 1 < chunks.length) {
      const next = chunks[++c];
      chunk = { text: `${chunk.text}\n${next.text}`, startLine: chunk.startLine, lineCount: chunk.lineCount + next.lineCount, frontMatter: false };
      parsed = parseOne(chunk);
    }
    const by = chunk.startLine;
    const base = blocks.length;
    // Headings are fresh objects every time: they go out in the doc summary, which is compared with
    // the previous one (reused, mutated objects would always compare equal).
    for (const h of parsed.headings) headings.push({ text: h.text, depth: h.depth, range: shift(h.range, by) });
    const placed = placeChunk(parsed, by).blocks;
    for (let i = 0; i < placed.length; i++) {
      const block = placed[i];
      const rel = parsed.blocks[i];
      if (rel.lead) leads.push({ block: blocks.length, text: rel.lead });
      // Step and section are assigned below on every analysis; the parent index follows the chunk's place.
      block.sectionIndex = -1;
      block.stepId = undefined;
      if (rel.parent >= 0) block.parent = base + rel.parent;
      blocks.push(block);
    }
    segments.push({ chunk: parsed, blocks: parsed.blocks, start: base, end: blocks.length });
    for (const d of parsed.directives) directives.push({ ...d, line: d.line + by });
    if (parsed.skipped) skipped.push({ range: range(by, 0, by + chunk.lineCount - 1, (lines[by + chunk.lineCount - 1] ?? '').length), reason: parsed.skipped });
    if (parsed.frontMatter && chunk.frontMatter) frontMatter = readFrontMatter(parsed.frontMatter.raw, shift(parsed.frontMatter.range, by));
  }
  cache.endAnalysis();
  if (!frontMatter && /^---[ \t]*$/.test(lines[0] ?? '') && /^[\w-]+:/.test(lines[1] ?? '') && frontMatterEnd(lines) < 0) {
    const r = range(0, 0, 0, 3);
    frontMatter = { raw: '', range: r, error: { message: 'front matter opened with --- on line 1 is never closed with ---', range: r } };
  }

  // Headings → steps. Unmatched headings inherit the step above unless they are shallower than
  // the heading that opened it (a new part of the doc) or neutral (Appendix, References…).
  let markers: Marker[] = headings.map((heading) => ({ heading, pseudo: false }));
  assignSteps(markers, matcher);
  const headingSteps = new Set(markers.map((m) => m.heading.stepId).filter(Boolean));
  if (headingSteps.size < 3 && leads.length) {
    // List-only docs: bold paragraphs and top-level ordered items stand in for headings.
    const pseudo: Marker[] = [];
    for (const lead of leads) {
      const words = lead.text.split(/\s+/).length;
      const stepId = words <= 10 ? matcher.match(lead.text) : undefined;
      if (stepId && !headingSteps.has(stepId)) {
        pseudo.push({ heading: { text: lead.text, depth: 7, range: blocks[lead.block].range }, pseudo: true });
      }
    }
    if (new Set(pseudo.map((p) => matcher.match(p.heading.text))).size + headingSteps.size >= 3) {
      markers = [...markers, ...pseudo].sort((a, b) => a.heading.range.start.line - b.heading.range.start.line);
      assignSteps(markers, matcher);
    }
  }

  // Blocks → sections (markers are sorted by line, and so are blocks).
  let mi = -1;
  for (const block of blocks) {
    while (mi + 1 < markers.length && markers[mi + 1].heading.range.start.line <= block.range.start.line) mi++;
    block.sectionIndex = mi;
    block.stepId = mi >= 0 ? markers[mi].heading.sectionStepId : undefined;
  }

  // Per step: whole chunks whose blocks all sit in the step (the usual case: a chunk is one heading
  // and its text) are measured once per chunk and cached; other blocks are measured one by one.
  const unitsByStep = new Map<string, (Segment | TextBlock)[]>();
  const addUnit = (stepId: string, unit: Segment | TextBlock) => {
    let list = unitsByStep.get(stepId);
    if (!list) unitsByStep.set(stepId, (list = []));
    list.push(unit);
  };
  for (const seg of segments) {
    if (seg.end === seg.start) continue;
    const stepId = blocks[seg.start].stepId;
    let uniform = true;
    for (let i = seg.start + 1; i < seg.end && uniform; i++) uniform = blocks[i].stepId === stepId;
    if (uniform) { if (stepId !== undefined) addUnit(stepId, seg); }
    else for (let i = seg.start; i < seg.end; i++) if (blocks[i].stepId !== undefined) addUnit(blocks[i].stepId!, blocks[i]);
  }
  const markersByStep = new Map<string, Marker[]>();
  for (const m of markers) {
    const id = m.heading.sectionStepId;
    if (id === undefined) continue;
    const list = markersByStep.get(id);
    if (list) list.push(m);
    else markersByStep.set(id, [m]);
  }
  const steps = framework.steps.map((step): StepModel => {
    const own = markersByStep.get(step.id) ?? [];
    const sections: Range[] = [];
    for (let i = 0; i < markers.length; i++) {
      if (markers[i].heading.sectionStepId !== step.id) continue;
      const start = markers[i].heading.range.start.line;
      let j = i;
      while (j + 1 < markers.length && markers[j + 1].heading.sectionStepId === step.id) j++;
      const end = j + 1 < markers.length ? markers[j + 1].heading.range.start.line - 1 : lines.length - 1;
      sections.push(range(start, 0, Math.max(start, end), (lines[Math.max(start, end)] ?? '').length));
      i = j;
    }
    const units = unitsByStep.get(step.id) ?? [];
    let wordCount = 0;
    for (const u of units) {
      if ('chunk' in u) wordCount += chunkFact(u.chunk, WORDS_KEY, () => u.blocks.reduce((n, b) => n + (isWordy(b) ? contentWords(b.text) : 0), 0));
      else if (isWordy(u)) wordCount += contentWords(u.text);
    }
    const topics: TopicCoverage[] = [
      ...step.topics.map((t) => coverage(t, units, blocks, false)),
      ...(options.extraTopics?.[step.id] ?? []).map((t) => coverage(t, units, blocks, true)),
    ];
    const status = own.length === 0 ? 'missing' : wordCount < (step.minWords ?? 30) ? 'thin' : 'covered';
    return {
      id: step.id,
      title: step.title,
      status,
      headings: own.map((m) => m.heading),
      range: sections.length ? range(sections[0].start.line, 0, sections[sections.length - 1].end.line, sections[sections.length - 1].end.character) : undefined,
      sections,
      wordCount,
      topics,
      firstLine: own[0]?.heading.range.start.line,
    };
  });

  const fmData = frontMatter?.data && typeof frontMatter.data === 'object' ? (frontMatter.data as Record<string, unknown>) : undefined;
  const found = steps.filter((s) => s.status !== 'missing').length;
  let isDesignDoc = false;
  let designDocReason = `${found} of ${steps.length} steps found (3 needed)`;
  if (fmData && ('mlsd' in fmData || 'problem' in fmData)) {
    isDesignDoc = fmData.mlsd !== false;
    designDocReason = isDesignDoc ? 'front matter marks it as a design doc' : 'front matter has mlsd: false';
  } else if (found >= 3) {
    // Headings like "Features", "Testing", "Deployment" also open a plain README: ask for ML words too.
    const signals = mlSignals(blocks);
    isDesignDoc = signals >= 3;
    designDocReason = isDesignDoc ? `${found} of ${steps.length} steps found` : `${found} steps found, but the text barely mentions machine learning`;
  }
  const h1 = headings.find((h) => h.depth === 1);
  return {
    lineCount: lines.length,
    frontMatter,
    headings: markers.map((m) => m.heading),
    blocks,
    steps,
    isDesignDoc,
    designDocReason,
    problemType: typeof fmData?.problem === 'string' ? fmData.problem : undefined,
    caseStudy: typeof fmData?.caseStudy === 'string' ? fmData.caseStudy : undefined,
    directives,
    skipped,
    segments,
    title: typeof fmData?.title === 'string' ? fmData.title : h1?.text,
  };
}

function assignSteps(markers: Marker[], matcher: HeadingMatcher): void {
  let current: { stepId: string; depth: number } | undefined;
  for (const { heading } of markers) {
    const match = matcher.matchDetail(heading.text);
    // A sub-heading inside a step ("### Feature store" under Serving) stays in that step unless
    // its words name another step outright ("### Training data" under Model moves to Data).
    const nested = current !== undefined && heading.depth > current.depth;
    heading.stepId = match && (!nested || match.exact) ? match.stepId : undefined;
    if (heading.stepId) {
      current = { stepId: heading.stepId, depth: heading.depth };
    } else if (!current || matcher.isNeutral(heading.text) || heading.depth < current.depth) {
      current = undefined;
    }
    heading.sectionStepId = current?.stepId;
  }
}

/** Distinct ML words in the doc's prose, counted up to 3. */
function mlSignals(blocks: TextBlock[]): number {
  const seen = new Set<string>();
  for (const b of blocks) {
    if (b.kind === 'code' || b.kind === 'html') continue;
    for (const hit of findAll(b.text, lexicon.mlSignals)) {
      seen.add(hit.text.toLowerCase().replace(/s$/, ''));
      if (seen.size >= 3) return 3;
    }
  }
  return seen.size;
}

const wordMemo = new TextMemo<object, number>();
/** Chunk-fact key for a chunk's word count. */
const WORDS_KEY = {};
/** Words of real content: a line still holding a template prompt (TODO:, {{…}}) counts for nothing. */
function contentWords(text: string): number {
  return wordMemo.get(WORDS_KEY, text, () => countWords(text.split('\n').filter((l) => !/\bTODO\b|\bTBD\b|\{\{|\$\{\d/.test(l)).join('\n')));
}

const isWordy = (b: { kind: string }) => b.kind !== 'heading' && b.kind !== 'html';
const isSearchable = (b: { kind: string }) => b.kind !== 'code' && b.kind !== 'html';

function coverage(topic: FrameworkTopic, units: (Segment | TextBlock)[], blocks: TextBlock[], extra: boolean): TopicCoverage {
  const result: TopicCoverage = { id: topic.id, label: topic.label, covered: false, severity: topic.severity, why: topic.why };
  if (extra) result.extra = true;
  for (const u of units) {
    let evidence: Range | undefined;
    if ('chunk' in u) {
      const rel = chunkFact(u.chunk, topic.phrases, () => u.blocks.findIndex((b) => isSearchable(b) && findFirst(b.text, topic.phrases) !== undefined));
      if (rel >= 0) evidence = blocks[u.start + rel].range;
    } else if (isSearchable(u) && findFirst(u.text, topic.phrases)) evidence = u.range;
    if (evidence) {
      result.covered = true;
      result.evidence = evidence;
      break;
    }
  }
  return result;
}
