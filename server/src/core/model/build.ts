/**
 * Builds the DesignDoc: parses the text chunk by chunk (cached), then maps headings onto the
 * framework's steps, assigns every prose block to a step, measures each step and finds its topics.
 */
import type { DesignDoc, Framework, FrameworkTopic, HeadingInfo, InlineDirective, SkippedRegion, StepModel, TextBlock, TopicCoverage, Range } from '../types';
import { frontMatterEnd, splitIntoChunks, type Chunk } from '../split';
import { parseChunk, type ParsedChunk } from '../parse';
import { ParseCache } from '../parse-cache';
import { countWords, range } from '../text';
import { findAll, findFirst, mayMatch, searchAll, searchFirst, textWords } from '../phrases';
import { mayTest, testPattern } from '../pattern-gate';
import { lexicon } from '../lexicon';
import { TextMemo } from '../memo';
import { chunkFact, firstInDoc, type Segment } from '../chunk-facts';
import { createHeadingMatcher, type HeadingMatcher } from './headings';
import { mapSections, type SectionMarker } from './sections';
import { decideKind } from './kind';
import { readFrontMatter } from './front-matter';
import { frameworkQuestions, holdsMarker, isPromptLine, isPromptRow, withoutPrompts } from './prompts';
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
    if (b.navigation) block.navigation = true;
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

  // Headings (and bold lines standing in for them) → sections → steps; see sections.ts.
  const questions = frameworkQuestions(framework);
  const wordsOf = (b: TextBlock) => (isWordy(b) ? contentWords(b, questions) : 0);
  const realSteps = (ms: SectionMarker[]) => new Set(ms.flatMap((m) => m.heading.sectionStepIds ?? []));
  let markers: SectionMarker[] = headings.map((heading) => ({ heading, pseudo: false, scores: [], words: 0 }));
  const boldLeads = leads.filter((l) => blocks[l.block].kind === 'paragraph' && l.text.split(/\s+/).length <= 12 && !/[.:;]\s*$/.test(l.text));
  if (headings.length && boldLeads.length) {
    const pseudo = boldLeads.map((l): SectionMarker => ({ heading: { text: l.text, depth: 7, range: blocks[l.block].range, pseudo: true }, pseudo: true, scores: [], words: 0 }));
    markers = [...markers, ...pseudo].sort((a, b) => a.heading.range.start.line - b.heading.range.start.line);
  }
  classify(markers, blocks, lines, framework, matcher, wordsOf);
  if (realSteps(markers).size < 3 && leads.length) {
    // List-only docs: top-level ordered items and bold paragraphs that name a step stand in for headings.
    const have = realSteps(markers);
    const pseudo: SectionMarker[] = [];
    for (const lead of leads) {
      if (markers.some((m) => m.pseudo && m.heading.range.start.line === blocks[lead.block].range.start.line)) continue;
      const words = lead.text.split(/\s+/).length;
      const stepId = words <= 10 ? matcher.match(lead.text) : undefined;
      if (stepId && !have.has(stepId)) pseudo.push({ heading: { text: lead.text, depth: 7, range: blocks[lead.block].range, pseudo: true }, pseudo: true, scores: [], words: 0 });
    }
    if (new Set(pseudo.map((p) => matcher.match(p.heading.text))).size + have.size >= 3) {
      markers = [...markers, ...pseudo].sort((a, b) => a.heading.range.start.line - b.heading.range.start.line);
      classify(markers, blocks, lines, framework, matcher, wordsOf);
    }
  }

  // Per step: whole chunks whose blocks all sit in the same sections' steps (the usual case: a chunk
  // is one heading and its text) are measured once per chunk and cached; other blocks one by one.
  const unitsByStep = new Map<string, (Segment | TextBlock)[]>();
  const addUnit = (stepId: string, unit: Segment | TextBlock) => {
    let list = unitsByStep.get(stepId);
    if (!list) unitsByStep.set(stepId, (list = []));
    list.push(unit);
  };
  for (const seg of segments) {
    if (seg.end === seg.start) continue;
    const stepIds = blocks[seg.start].stepIds;
    let uniform = true;
    for (let i = seg.start + 1; i < seg.end && uniform; i++) uniform = blocks[i].stepIds === stepIds;
    if (uniform) { for (const id of stepIds ?? []) addUnit(id, seg); }
    else for (let i = seg.start; i < seg.end; i++) for (const id of blocks[i].stepIds ?? []) addUnit(id, blocks[i]);
  }
  const markersByStep = new Map<string, SectionMarker[]>();
  for (const m of markers) {
    for (const id of m.heading.sectionStepIds ?? []) {
      const list = markersByStep.get(id);
      if (list) list.push(m);
      else markersByStep.set(id, [m]);
    }
  }
  const doc0 = { blocks, segments } as unknown as DesignDoc;
  // Where each framework topic first shows anywhere in the doc, found in one pass when first asked.
  let wide: Map<FrameworkTopic, number> | undefined;
  const docWide = (t: FrameworkTopic) => (wide ??= firstTopicHits(doc0, framework, questions)).get(t);
  const steps = framework.steps.map((step): StepModel => {
    const own = markersByStep.get(step.id) ?? [];
    const inStep = (m: SectionMarker) => (m.heading.sectionStepIds ?? []).includes(step.id);
    const sections: Range[] = [];
    for (let i = 0; i < markers.length; i++) {
      if (!inStep(markers[i])) continue;
      const start = markers[i].heading.range.start.line;
      let j = i;
      while (j + 1 < markers.length && inStep(markers[j + 1])) j++;
      const end = j + 1 < markers.length ? markers[j + 1].heading.range.start.line - 1 : lines.length - 1;
      sections.push(range(start, 0, Math.max(start, end), (lines[Math.max(start, end)] ?? '').length));
      i = j;
    }
    const units = unitsByStep.get(step.id) ?? [];
    // A topic with `coveredIn` is looked for in its own step, then only in those steps' sections
    // (there without its section-only words: a dashboard under Serving is no alerting).
    const alsoIn = (t: FrameworkTopic) => t.coveredIn?.flatMap((id) => (id === step.id ? [] : unitsByStep.get(id) ?? [])) ?? [];
    let wordCount = 0;
    for (const u of units) {
      if ('chunk' in u) wordCount += chunkFact(u.chunk, questions, () => u.blocks.reduce((n, b) => n + wordsOf(b as TextBlock), 0));
      else wordCount += wordsOf(u);
    }
    // Sections with template prompts and no word of an answer: the step is there, not started.
    // A table header row frames answers ("Metric | Target") without being one.
    let prompts = 0;
    if (own.length && wordCount < (step.minWords ?? 30)) {
      let answered = 0;
      for (const u of units) {
        for (const b of 'chunk' in u ? u.blocks : [u]) {
          if (!isWordy(b)) continue;
          // "We use XGBoost. TODO" is an answer with a marker: only whole prompt lines are prompts.
          if (!(b as TextBlock).header) answered += countWords(answerText(b, questions));
          prompts += promptLines(b, questions);
        }
      }
      if (answered) prompts = 0;
    }
    const topics: TopicCoverage[] = [
      ...step.topics.map((t) => coverage(t, units, alsoIn(t), blocks, doc0, false, questions, docWide)),
      ...(options.extraTopics?.[step.id] ?? []).map((t) => coverage(t, units, alsoIn(t), blocks, doc0, true, questions)),
    ];
    // A step with no section of its own may still be there in passing: when the doc shows one of
    // its topics elsewhere ("trained on last month's transactions" under Approach), a reviewer calls
    // the step thin — there, but not written — rather than missing. Either way it needs a section.
    const coveredElsewhere = own.length === 0 && topics.some((t) => t.covered && t.evidence);
    // Such a step is judged by what the doc says anywhere: "uptime 99.9 %" under Requirements does
    // not make Monitoring present, but once it is there in passing it shows its system metrics.
    if (coveredElsewhere) {
      step.topics.forEach((t, k) => {
        if (!topics[k].covered && t.coveredIn) topics[k] = coverage(anywhereTopic(t), [], [], blocks, doc0, false, questions);
      });
    }
    // A short section whose step's topics the doc covers anyway, most of them in other sections, is
    // not thin: the step is written, just not under its own heading.
    const inOwn = (r: Range) => sections.some((sec) => r.start.line >= sec.start.line && r.start.line <= sec.end.line);
    const writtenElsewhere = topics.length > 0 && topics.every((t) => t.covered) &&
      2 * topics.filter((t) => t.evidence && !inOwn(t.evidence)).length > topics.length;
    const short = wordCount < (step.minWords ?? 30) && !writtenElsewhere;
    const status = own.length === 0 ? (coveredElsewhere ? 'thin' : 'missing') : short ? 'thin' : 'covered';
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
      ...(coveredElsewhere ? { inPassing: true } : {}),
      ...(prompts ? { notStarted: true, promptCount: prompts } : {}),
    };
  });

  const fmData = frontMatter?.data && typeof frontMatter.data === 'object' ? (frontMatter.data as Record<string, unknown>) : undefined;
  const allHeadings = markers.map((m) => m.heading);
  const title = allHeadings.findIndex((h) => h.mappedBy === 'title');
  const titleMatch = title >= 0 ? titleStepMatch(allHeadings[title].text, matcher) : undefined;
  const kindInput = {
    headings: allHeadings,
    title,
    titleStep: titleMatch?.exact && titleMatch.stepIds.length === 1 ? framework.steps.find((s) => s.id === titleMatch.stepId)?.title : undefined,
    blocks,
    steps,
    frontMatter: fmData,
    mlSignals: mlSignals(blocks),
    kinds: lexicon.documentKinds,
    templateCues: lexicon.templateCues,
    lines,
    minSteps: 3,
  };
  const kind = decideKind(kindInput);
  return {
    lineCount: lines.length,
    frontMatter,
    headings: allHeadings,
    blocks,
    steps,
    isDesignDoc: kind.isDesignDoc,
    designDocReason: kind.reason,
    kind: kind.kind,
    kindReason: kind.reason,
    problemType: typeof fmData?.problem === 'string' ? fmData.problem : undefined,
    caseStudy: typeof fmData?.caseStudy === 'string' ? fmData.caseStudy : undefined,
    directives,
    skipped,
    segments,
    title: typeof fmData?.title === 'string' ? fmData.title : title >= 0 ? allHeadings[title].text : headings.find((h) => h.depth === 1)?.text,
  };
}

/** Assigns blocks to sections, scores each section's body, and maps the sections onto steps. */
function classify(markers: SectionMarker[], blocks: TextBlock[], lines: string[], framework: Framework, matcher: HeadingMatcher, wordsOf: (b: TextBlock) => number): void {
  const cues = cuesFor(framework);
  for (const m of markers) { m.scores = cueScores(m.heading.text, framework).map((n) => 2 * n); m.words = 0; }
  let mi = -1;
  for (const block of blocks) {
    while (mi + 1 < markers.length && markers[mi + 1].heading.range.start.line <= block.range.start.line) mi++;
    block.sectionIndex = mi;
    if (mi < 0 || block.kind === 'code' || block.kind === 'heading') continue;
    const m = markers[mi];
    if (m.heading.pseudo && m.heading.range.start.line === block.range.start.line) continue;
    const text = searchableText(block);
    const scores = cueScores(text, framework);
    for (let k = 0; k < cues.length; k++) m.scores[k] += scores[k];
    // Numbers speak too: a user count or a latency bound is a requirement, whatever the heading.
    const quantities = requirementQuantities(text);
    // (Only beside a requirement word: a training log full of numbers is not a requirements section.)
    if (quantities) for (const k of requirementSteps(framework)) if (scores[k]) m.scores[k] += 2 * quantities;
    m.words += wordsOf(block);
  }
  mapSections(markers, framework, matcher, lines);
  for (const block of blocks) {
    const h = block.sectionIndex >= 0 ? markers[block.sectionIndex].heading : undefined;
    block.stepId = h?.sectionStepId;
    block.stepIds = h?.sectionStepIds;
  }
}

const cueLists = new WeakMap<Framework, string[][]>();
/** Per step: its cues, plus the lexicon's model families for the model step and metrics for evaluation. */
function cuesFor(framework: Framework): string[][] {
  let lists = cueLists.get(framework);
  if (!lists) {
    lists = framework.steps.map((s) => [
      ...(s.cues ?? []),
      ...(s.roles?.includes('model') ? lexicon.modelFamilies.flatMap((f) => f.phrases) : []),
      ...(s.roles?.includes('evaluation') ? lexicon.metrics.flatMap((m) => m.phrases) : []),
    ]);
    cueLists.set(framework, lists);
  }
  return lists;
}

const quantityMemo = new TextMemo<object, number>();
const QUANTITY_KEY = {};
let quantityRes: RegExp[][] | undefined;
/** How many kinds of requirement number (scale, latency) a text gives: 0, 1 or 2. */
function requirementQuantities(text: string): number {
  if (!/\d/.test(text)) return 0;
  return quantityMemo.get(QUANTITY_KEY, text, () => {
    quantityRes ??= [lexicon.requirementNumbers.scale, lexicon.requirementNumbers.latency].map((ps) => ps.map((p) => new RegExp(p, 'iu')));
    return quantityRes.filter((res) => res.some((re) => re.test(text))).length;
  });
}
const requirementIndexes = new WeakMap<Framework, number[]>();
function requirementSteps(framework: Framework): number[] {
  let ids = requirementIndexes.get(framework);
  if (!ids) requirementIndexes.set(framework, (ids = framework.steps.flatMap((s, k) => (s.roles?.includes('requirements') ? [k] : []))));
  return ids;
}

interface CueIndex { all: string[]; lists: string[][]; owners: Map<string, number[]> }
const cueIndexes = new WeakMap<Framework, CueIndex>();
const scoreMemo = new TextMemo<CueIndex, number[]>();
/**
 * Distinct cue words per step in a text, in one regex pass over every step's cues (seven passes
 * cost more than the rest of the model); each distinct hit is attributed to the steps it belongs to.
 */
function cueScores(text: string, framework: Framework): number[] {
  let index = cueIndexes.get(framework);
  if (!index) {
    const lists = cuesFor(framework);
    cueIndexes.set(framework, (index = { all: [...new Set(lists.flat())], lists, owners: new Map() }));
  }
  const ix = index;
  return scoreMemo.get(ix, text, () => {
    const scores = ix.lists.map(() => 0);
    const seen = new Set<string>();
    for (const hit of searchAll(text, ix.all)) { // (scoreMemo keeps the answer: no second memo)
      const key = hit.text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      let owners = ix.owners.get(key);
      if (!owners) {
        owners = ix.lists.flatMap((list, k) => (findFirst(hit.text, list)?.text.length === hit.text.length ? [k] : []));
        if (ix.owners.size > 20000) ix.owners.clear();
        ix.owners.set(key, owners);
      }
      for (const k of owners) scores[k]++;
    }
    return scores;
  });
}


/**
 * The step a title names, whole or as its subtitle: "Data preparation" and "Search ranking: problem
 * definition & requirements" are chapters of a book about one step, where a design doc's title names
 * its system ("Search ranking for a travel site").
 */
function titleStepMatch(text: string, matcher: HeadingMatcher): ReturnType<HeadingMatcher['matchDetail']> {
  const whole = matcher.matchDetail(text);
  if (whole?.exact) return whole;
  const subtitle = /[:—–|]\s*([^:—–|]+)$/.exec(text)?.[1];
  return subtitle ? matcher.matchDetail(subtitle) : whole;
}

const htmlText = new TextMemo<object, string>();
const HTML_KEY = {};
/** What a block says: raw HTML lists and tables are read without their tags. */
function searchableText(b: { kind: string; text: string }): string {
  return b.kind === 'html' ? htmlText.get(HTML_KEY, b.text, () => b.text.replace(/<!--[^]*?-->/g, ' ').replace(/<[^>]*>/g, ' ')) : b.text;
}

const evidenceMemo = new TextMemo<object, string>();
let undecidedRes: RegExp[] | undefined;
/** What a block shows about topics: its answer, less table-of-contents entries and lines still
 * marked undecided ("Latency: TBD" names latency without giving it). */
function evidenceText(b: { kind: string; text: string; navigation?: boolean }, questions: Set<string>): string {
  if (b.navigation) return '';
  const text = answerText(b, questions);
  undecidedRes ??= lexicon.placeholders.filter((p) => p.undecided).map((p) => new RegExp(p.pattern, p.flags + 'u'));
  const res = undecidedRes;
  if (!res.some((re) => testPattern(re, text))) return text;
  return evidenceMemo.get(questions, text, () => text.split('\n').filter((l) => !res.some((re) => testPattern(re, l))).join('\n'));
}

const answerMemo = new TextMemo<object, string>();
/** What a block answers: its searchable text without template prompts. */
function answerText(b: { kind: string; text: string }, questions: Set<string>): string {
  if (b.kind === 'tableRow') return answerMemo.get(questions, b.text, () => (isPromptRow(b.text, questions) ? '' : b.text));
  return answerMemo.get(questions, b.text, () => withoutPrompts(searchableText(b), questions));
}

/** Distinct ML words in the doc's prose, counted up to 3. Words that only name machine learning
 * (lexicon.mlMentions: "ML", "model") count as one together, so a doc about something else that
 * says its decisions come from "ML models upstream" is not taken for an ML design. */
function mlSignals(blocks: TextBlock[]): number {
  const seen = new Set<string>();
  for (const b of blocks) {
    if (b.kind === 'code' || b.kind === 'html') continue;
    for (const hit of findAll(b.text, lexicon.mlSignals)) {
      const mention = findFirst(hit.text, lexicon.mlMentions)?.text.length === hit.text.length;
      seen.add(mention ? 'ml' : hit.text.toLowerCase().replace(/s$/, ''));
      if (seen.size >= 3) return 3;
    }
  }
  return seen.size;
}

const wordMemo = new TextMemo<object, number>();
const promptMemo = new TextMemo<object, number>();
/** Words of real content: a line still holding a template prompt (see prompts.ts) counts for nothing.
 * Memoised per framework, since the framework's guiding questions are prompts too. */
function contentWords(b: { kind: string; text: string }, questions: Set<string>): number {
  return wordMemo.get(questions, b.text, () => countWords(searchableText(b).split('\n').filter((l) => !holdsMarker(l, questions)).join('\n')));
}
/** Lines of a block that are template prompts. */
function promptLines(b: { kind: string; text: string }, questions: Set<string>): number {
  if (b.kind === 'tableRow') return promptMemo.get(questions, b.text, () => (isPromptRow(b.text, questions) ? 1 : 0));
  return promptMemo.get(questions, b.text, () => searchableText(b).split('\n').filter((l) => isPromptLine(l, questions)).length);
}

const isWordy = (b: { kind: string }) => b.kind !== 'heading';

const anywhereTopics = new WeakMap<FrameworkTopic, FrameworkTopic>();
/** The topic looked for anywhere in the doc (its `coveredIn` dropped), one object per topic so
 * per-chunk facts keyed by it stay cached. */
function anywhereTopic(topic: FrameworkTopic): FrameworkTopic {
  let t = anywhereTopics.get(topic);
  if (!t) {
    const { coveredIn: _ignored, ...rest } = topic;
    anywhereTopics.set(topic, (t = rest));
  }
  return t;
}
const anywhereKeys = new WeakMap<FrameworkTopic, object>();
const awayKeys = new WeakMap<FrameworkTopic, object>();
/** The chunk-fact key for a topic searched without its section-only words. */
function awayKey(topic: FrameworkTopic): object {
  let key = awayKeys.get(topic);
  if (!key) awayKeys.set(topic, (key = {}));
  return key;
}
/** A block that ends in a question mark: it asks rather than answers. */
const ASKS = /[^(\s]\?[\s)*_]*$/;
const topicMemo = new TextMemo<FrameworkTopic, boolean>();
const awayMemo = new TextMemo<FrameworkTopic, boolean>();
interface TopicMatcher { phrases: string[]; patterns: RegExp[] }
const topicMatchers = { inSection: new WeakMap<FrameworkTopic, TopicMatcher>(), away: new WeakMap<FrameworkTopic, TopicMatcher>() };
function topicMatcher(topic: FrameworkTopic, inSection: boolean): TopicMatcher {
  const cache = inSection ? topicMatchers.inSection : topicMatchers.away;
  let m = cache.get(topic);
  if (!m) {
    const patterns = [...(topic.patterns ?? []), ...(inSection ? topic.sectionPatterns ?? [] : [])];
    m = { phrases: inSection && topic.sectionPhrases?.length ? [...topic.phrases, ...topic.sectionPhrases] : topic.phrases, patterns: patterns.map((p) => new RegExp(p, 'iu')) };
    cache.set(topic, m);
  }
  return m;
}
/** Whether a text shows the topic: one of its phrases, or a quantity its patterns describe. Inside
 * the topic's own sections its `sectionPhrases` and `sectionPatterns` count too; away from them
 * they mean something else ("weekly active users", "2,000 new recipes each week"). */
function showsTopic(text: string, topic: FrameworkTopic, inSection: boolean): boolean {
  const m = topicMatcher(topic, inSection);
  // Most texts lack every word the topic's phrases and patterns open with: no search, no memo entry.
  const phrasesMay = mayMatch(textWords(text), m.phrases);
  if (!phrasesMay && !m.patterns.some((re) => mayTest(re, text))) return false;
  return (inSection ? topicMemo : awayMemo).get(topic, text, () =>
    (phrasesMay && searchFirst(text, m.phrases) !== undefined) || m.patterns.some((re) => testPattern(re, text)));
}

/**
 * A topic is covered when the doc covers it anywhere — its own step's sections first (the evidence
 * a reader expects), then any section, table, list, HTML block or code block of the doc.
 */
function coverage(
  topic: FrameworkTopic, units: (Segment | TextBlock)[], alsoIn: (Segment | TextBlock)[], blocks: TextBlock[], doc: DesignDoc, extra: boolean,
  questions: Set<string>, docWide?: (t: FrameworkTopic) => number | undefined,
): TopicCoverage {
  const result: TopicCoverage = { id: topic.id, label: topic.label, covered: false, severity: topic.severity, why: topic.why };
  if (extra) result.extra = true;
  // Away from its own step, a question ("Are there user segments to consider?") asks about the
  // topic; it does not show the doc covers it.
  const hitIn = (inSection: boolean) => (b: { kind: string; text: string }) =>
    (inSection ? b.kind !== 'heading' : showsAway(b)) && showsTopic(evidenceText(b, questions), topic, inSection);
  const search = (list: (Segment | TextBlock)[], inSection: boolean): Range | undefined => {
    const hit = hitIn(inSection);
    const key = inSection ? topic : awayKey(topic);
    for (const u of list) {
      if ('chunk' in u) {
        const rel = chunkFact(u.chunk, key, () => u.blocks.findIndex(hit));
        if (rel >= 0) return blocks[u.start + rel].range;
      } else if (hit(u)) return u.range;
    }
    return undefined;
  };
  const evidence = search(units, true) ?? search(alsoIn, false);
  if (evidence) {
    result.covered = true;
    result.evidence = evidence;
    return result;
  }
  if (topic.coveredIn) return result;
  if (docWide) {
    const at = docWide(topic);
    if (at !== undefined) {
      result.covered = true;
      result.evidence = blocks[at].range;
    }
    return result;
  }
  let key = anywhereKeys.get(topic);
  if (!key) anywhereKeys.set(topic, (key = {}));
  const away = hitIn(false);
  const anywhere = firstInDoc(doc, key, (b) => away(b) || null);
  if (anywhere) {
    result.covered = true;
    result.evidence = blocks[anywhere.index].range;
  }
  return result;
}

/** A block that may show a topic away from its step: not a heading, and not a question
 * ("Are there user segments to consider?" asks about the topic; it does not cover it). */
const showsAway = (b: { kind: string; text: string }) => b.kind !== 'heading' && !ASKS.test(b.text);

interface AwayTopics { topics: FrameworkTopic[]; phrases: string[]; patterns: RegExp[]; key: object }
const awayTopicSets = new WeakMap<Framework, AwayTopics>();
/** The framework's topics that count anywhere in the doc (no `coveredIn`), and all their words. */
function awayTopicsOf(framework: Framework): AwayTopics {
  let set = awayTopicSets.get(framework);
  if (!set) {
    const topics = framework.steps.flatMap((s) => s.topics).filter((t) => !t.coveredIn);
    set = {
      topics,
      phrases: [...new Set(topics.flatMap((t) => t.phrases))],
      patterns: topics.flatMap((t) => topicMatcher(t, false).patterns),
      key: {},
    };
    awayTopicSets.set(framework, set);
  }
  return set;
}

/**
 * For every topic that counts anywhere, the first block of the doc that shows it. One pass over the
 * doc for all topics, cached per chunk, instead of one pass per topic: a block none of the topics'
 * words or patterns touch (most of a long doc) is ruled out by a single search.
 */
function firstTopicHits(doc: DesignDoc, framework: Framework, questions: Set<string>): Map<FrameworkTopic, number> {
  const away = awayTopicsOf(framework);
  const found = new Map<FrameworkTopic, number>();
  const inRun = (run: readonly { kind: string; text: string }[]): [number, number][] => {
    const first: [number, number][] = [];
    const seen = new Set<number>();
    for (let i = 0; i < run.length && seen.size < away.topics.length; i++) {
      const b = run[i];
      if (!showsAway(b)) continue;
      const text = evidenceText(b, questions);
      // showsTopic(text, topic, false) for each topic, with the phrase search skipped where the
      // text lacks the words any of the topic's phrases starts with (most topics, for most blocks).
      const words = textWords(text);
      for (let k = 0; k < away.topics.length; k++) {
        if (seen.has(k)) continue;
        const m = topicMatcher(away.topics[k], false);
        if ((mayMatch(words, m.phrases) && searchFirst(text, m.phrases) !== undefined) || m.patterns.some((re) => testPattern(re, text))) { seen.add(k); first.push([k, i]); }
      }
    }
    return first;
  };
  const record = (hits: [number, number][], start: number) => {
    for (const [k, i] of hits) if (!found.has(away.topics[k])) found.set(away.topics[k], start + i);
  };
  if (!doc.segments) record(inRun(doc.blocks), 0);
  else {
    // One key per framework: its questions (prompts are not answers) come from the framework too.
    for (const seg of doc.segments) {
      record(chunkFact(seg.chunk, away.key, () => inRun(seg.blocks)), seg.start);
      if (found.size === away.topics.length) break;
    }
  }
  return found;
}
