/**
 * The `case_study` tool: a case study by id, or the one closest to a doc (the doc's front matter
 * `caseStudy`, else the match the editor's panel uses: run-analysis.ts → suggestCaseStudy), whole
 * or only its section for one step. Step sections come from reading the case study with the core,
 * the way the panel finds its step anchors (knowledge/render.ts).
 */
import { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { caseStudyIds, findCaseStudy, type CaseStudy } from '../knowledge/case-studies';
import { defaultFramework } from '../knowledge/framework';
import type { DocAnalyzer } from './analysis';
import { guarded, ok, ToolInputError } from './result';
import { caseStudyUri } from './rule-pages';
import { stepSections as sectionsOf } from '../review/case-study-sections';

const stepIds = () => defaultFramework.steps.map((s) => s.id);

export const caseStudyInput = {
  id: z.string().optional().describe(`A case study id: ${caseStudyIds().join(', ')}.`),
  text: z.string().optional().describe('A design doc\'s Markdown: the closest case study is picked for it.'),
  path: z.string().optional().describe('A design doc inside the roots: the closest case study is picked for it.'),
  step: z.string().optional().describe(`Only this step's section: ${stepIds().join(', ')}.`),
};

export const caseStudyOutput = {
  id: z.string(),
  title: z.string(),
  problem: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  summary: z.string(),
  uri: z.string(),
  matchedBy: z.enum(['id', 'front matter', 'content']),
  /** Steps the case study has a section for. */
  steps: z.array(z.string()),
  step: z.object({ id: z.string(), title: z.string() }).optional(),
  markdown: z.string(),
};

/** Each case study's step sections, read once (in the analysis worker, which is already warm). */
const sectionsCache = new Map<string, Map<string, string>>();

async function stepSections(cs: CaseStudy, analyzer: DocAnalyzer): Promise<Map<string, string>> {
  let found = sectionsCache.get(cs.id);
  if (!found) {
    const { doc } = await analyzer.analyseBundled(cs.markdown);
    found = sectionsOf(cs.markdown, doc);
    sectionsCache.set(cs.id, found);
  }
  return found;
}

interface CaseStudyArgs { id?: string; text?: string; path?: string; step?: string }

async function pick(args: CaseStudyArgs, analyzer: DocAnalyzer): Promise<{ cs: CaseStudy; matchedBy: 'id' | 'front matter' | 'content' }> {
  const given = [args.id, args.text, args.path].filter((v) => v !== undefined).length;
  if (given !== 1) throw new ToolInputError('give exactly one of `id` (a case study id), `text` (a doc to match) or `path` (a doc inside the roots)');
  if (args.id !== undefined) {
    const cs = findCaseStudy(args.id.trim());
    if (!cs) throw new ToolInputError(`unknown case study '${args.id}' (known: ${caseStudyIds().join(', ')})`);
    return { cs, matchedBy: 'id' };
  }
  const { summary } = await analyzer.analyse({ text: args.text, path: args.path });
  const id = summary.doc.caseStudy ?? summary.suggestedCaseStudy;
  const cs = id ? findCaseStudy(id) : undefined;
  if (!cs) {
    const why = summary.doc.caseStudy ? `its front matter names '${summary.doc.caseStudy}', which is not a case study` : summary.doc.isDesignDoc ? 'no case study is close to this doc' : `this is not a design doc (${summary.doc.kindReason})`;
    throw new ToolInputError(`${why}; pick one by id: ${caseStudyIds().join(', ')}`);
  }
  return { cs, matchedBy: summary.doc.caseStudy ? 'front matter' : 'content' };
}

export function caseStudyTool(analyzer: DocAnalyzer) {
  return (args: CaseStudyArgs): Promise<CallToolResult> => guarded(async () => {
    const { cs, matchedBy } = await pick(args, analyzer);
    const sections = await stepSections(cs, analyzer);
    const base = {
      id: cs.id, title: cs.title, problem: cs.problem, category: cs.category, tags: cs.tags, summary: cs.summary,
      uri: caseStudyUri(cs.id), matchedBy, steps: [...sections.keys()],
    };
    if (args.step === undefined) return ok({ ...base, markdown: cs.markdown }, cs.markdown);
    const wanted = args.step.trim().toLowerCase();
    const step = defaultFramework.steps.find((s) => s.id === wanted || s.title.toLowerCase() === wanted);
    if (!step) throw new ToolInputError(`unknown step '${args.step}' (steps: ${stepIds().join(', ')})`);
    const markdown = sections.get(step.id);
    if (!markdown) throw new ToolInputError(`case study '${cs.id}' has no section for '${step.title}' (it covers: ${base.steps.join(', ')})`);
    return ok({ ...base, step: { id: step.id, title: step.title }, markdown }, `${cs.title} — ${step.title}\n\n${markdown}`);
  });
}
