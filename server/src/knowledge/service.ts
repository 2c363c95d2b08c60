/**
 * The knowledge the language server serves on request (templates, case studies rendered to HTML,
 * the practice plan), bundled separately as dist/knowledge.js and loaded on first use, so the
 * server's start does not pay for the Markdown→HTML pipeline and YAML parsing.
 */
import { caseStudies, caseStudyIds, findCaseStudy } from './case-studies';
import { findTemplate, renderTemplate, templates } from './templates';
import { renderMarkdown } from './render';
import { practice } from './practice';
import { defaultFramework } from './framework';
export { termAt, formatEntry, glossary } from './glossary';
import ruleExplanations from './rule-explanations.json';

// The knowledge's own shapes: the server hands them out as protocol.ts's wire types, and the compiler
// checks they fit there (lsp/features/knowledge-requests.ts), so knowledge does not depend on the wire.
export interface TemplateInfo { id: string; title: string; description: string; problemType?: string }
export interface CaseStudyInfo { id: string; title: string; problem: string; category: string; summary: string }
export interface CaseStudyResult { id: string; title: string; html: string; stepIds: string[] }
export interface PracticePlanResult { totalMinutes: number; steps: { id: string; title: string; minutes: number; questions: string[] }[] }

const rendered = new Map<string, CaseStudyResult>();

export function listTemplates(): TemplateInfo[] {
  return templates().map((t) => ({ id: t.id, title: t.title, description: t.description, problemType: t.problemType }));
}

export function renderTemplateText(id: string, title: string, snippet: boolean): string | undefined {
  const t = findTemplate(id);
  return t ? renderTemplate(t, title, snippet ? 'snippet' : 'text') : undefined;
}

export function listCaseStudies(): CaseStudyInfo[] {
  return caseStudies().map((c) => ({ id: c.id, title: c.title, problem: c.problem, category: c.category, summary: c.summary }));
}

export function caseStudyHtml(id: string): CaseStudyResult | undefined {
  const cs = findCaseStudy(id);
  if (!cs) return undefined;
  let r = rendered.get(cs.id);
  if (!r) {
    const { html, stepIds } = renderMarkdown(cs.markdown, defaultFramework);
    rendered.set(cs.id, (r = { id: cs.id, title: cs.title, html, stepIds }));
  }
  return r;
}

export interface CaseStudySource { id: string; title: string; problem: string; summary: string; markdown: string }

/** A case study's own Markdown (for a language model, which reads Markdown better than HTML). */
export function caseStudySource(id: string): CaseStudySource | undefined {
  const cs = findCaseStudy(id);
  return cs ? { id: cs.id, title: cs.title, problem: cs.problem, summary: cs.summary, markdown: cs.markdown } : undefined;
}

export { caseStudyIds };

export interface RuleExplanation { description: string; why: string; example: string }

/** What a rule checks, why, and an example that fires (generated from docs/rules by `npm run generate`). */
export function ruleExplanation(ruleId: string): RuleExplanation | undefined {
  return Object.hasOwn(ruleExplanations, ruleId) ? (ruleExplanations as Record<string, RuleExplanation>)[ruleId] : undefined;
}

export function practicePlan(): PracticePlanResult {
  return {
    totalMinutes: practice.totalMinutes,
    steps: practice.steps.map((s) => ({
      id: s.id,
      title: defaultFramework.steps.find((f) => f.id === s.id)?.title ?? s.id,
      minutes: s.minutes,
      questions: s.questions,
    })),
  };
}
