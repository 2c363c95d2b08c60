/**
 * `mlsd/review` and `mlsd/caseStudyText`: what the VS Code language-model tools hand a model. The
 * review is built from the document's newest analysis in the server — the editor's own settings,
 * `.mlsd.json` and framework — shaped like the MCP `lint` tool's answer (review/review.ts).
 */
import type { ConfigProblem } from '../../core/config';
import type { AnalysisSummary } from '../../host/summary';
import { defaultFramework } from '../../knowledge/framework';
import type { CaseStudyTextParams, CaseStudyTextResult, ReviewResult } from '../../protocol';
import { stepSections } from '../../review/case-study-sections';
import { renderReview, toReview } from '../../review/review';
import type { KnowledgeService } from '../platform';

/** What the server knows about an open document after its newest analysis. */
export interface ReviewedState {
  summary?: AnalysisSummary;
  lintable: boolean;
  fellBack?: boolean;
  effective?: { frameworkText?: string; problems: Map<string, ConfigProblem[]>; enable: boolean };
}

/** The name of the other tool, as the review's closing line points to it. */
const CASE_STUDY_HINT = 'the mlsd case-study tool';

export function reviewResult(file: string, s: ReviewedState): ReviewResult {
  if (!s.summary || s.effective?.enable === false) {
    return { text: `mlsd is turned off for ${file} (setting mlsd.enable), so it has no review of it.` };
  }
  const configProblems = [...(s.effective?.problems ?? new Map<string, ConfigProblem[]>())]
    .flatMap(([where, problems]) => problems.map((p) => `${where}: ${p.message}`));
  // Only what the editor shows: a file mlsd does not lint (not a design doc) has no findings.
  const summary = s.lintable ? s.summary : { ...s.summary, findings: [] };
  const review = toReview({ file, summary, frameworkText: s.effective?.frameworkText, configProblems, fellBack: s.fellBack === true });
  return { text: renderReview(review, CASE_STUDY_HINT), review };
}

/** Each case study's step sections, read once. */
const sectionsCache = new Map<string, Map<string, string>>();

/**
 * `analyse` runs the core on a case study's Markdown with the built-in framework; `openDoc` is the
 * open document's newest analysis when the params name one (`uri`), to pick its closest case study.
 */
export async function caseStudyText(
  p: CaseStudyTextParams | null | undefined,
  k: KnowledgeService,
  analyse: (markdown: string) => Promise<AnalysisSummary | undefined>,
  openDoc: (uri: string) => Promise<AnalysisSummary | undefined>,
): Promise<CaseStudyTextResult> {
  const known = () => k.caseStudyIds().join(', ');
  let id = typeof p?.id === 'string' && p.id.trim() ? p.id.trim() : undefined;
  let matchedBy: 'id' | 'front matter' | 'content' = 'id';
  if (!id) {
    const summary = typeof p?.uri === 'string' ? await openDoc(p.uri) : undefined;
    if (!summary) return { found: false, problem: `give a case study id (${known()}) or an open design doc` };
    id = summary.doc.caseStudy ?? summary.suggestedCaseStudy;
    matchedBy = summary.doc.caseStudy ? 'front matter' : 'content';
    if (!id) {
      const why = summary.doc.isDesignDoc ? 'no case study is close to this doc' : `this is not a design doc (${summary.doc.kindReason})`;
      return { found: false, problem: `${why}; pick one by id: ${known()}` };
    }
  }
  const cs = k.caseStudySource(id);
  if (!cs) return { found: false, problem: `'${id}' is not a case study (known: ${known()})` };
  let sections = sectionsCache.get(cs.id);
  if (!sections) {
    const summary = await analyse(cs.markdown);
    sections = summary ? stepSections(cs.markdown, summary.doc) : new Map<string, string>();
    sectionsCache.set(cs.id, sections);
  }
  const base = { found: true as const, id: cs.id, title: cs.title, problem: cs.problem, summary: cs.summary, matchedBy, steps: [...sections.keys()] };
  const wanted = typeof p?.step === 'string' ? p.step.trim().toLowerCase() : '';
  if (!wanted) return { ...base, markdown: cs.markdown };
  const step = defaultFramework.steps.find((s) => s.id === wanted || s.title.toLowerCase() === wanted);
  if (!step) return { found: false, problem: `unknown step '${p?.step}' (steps: ${defaultFramework.steps.map((s) => s.id).join(', ')})` };
  const markdown = sections.get(step.id);
  if (!markdown) return { found: false, problem: `case study '${cs.id}' has no section for '${step.title}' (it covers: ${base.steps.join(', ')})` };
  return { ...base, step: { id: step.id, title: step.title }, markdown };
}
