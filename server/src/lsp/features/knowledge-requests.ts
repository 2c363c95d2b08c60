/** The custom requests that serve knowledge: templates, case studies, the practice plan. */
import type { Connection } from 'vscode-languageserver';
import {
  CaseStudyRequest, ListCaseStudiesRequest, ListTemplatesRequest, PracticePlanRequest, RenderTemplateRequest,
  type CaseStudyInfo, type CaseStudyParams, type CaseStudyResult, type PracticePlanResult, type RenderTemplateParams,
  type RenderTemplateResult, type TemplateInfo,
} from '../../protocol';
import { caseStudies, findCaseStudy } from '../../knowledge/case-studies';
import { findTemplate, renderTemplate, templates } from '../../knowledge/templates';
import { renderMarkdown } from '../../knowledge/render';
import { practice } from '../../knowledge/practice';
import { defaultFramework } from '../../knowledge/framework';

const rendered = new Map<string, CaseStudyResult>();

export function registerKnowledgeRequests(connection: Connection): void {
  connection.onRequest(ListTemplatesRequest, (): TemplateInfo[] =>
    templates().map((t) => ({ id: t.id, title: t.title, description: t.description, problemType: t.problemType })));

  connection.onRequest(RenderTemplateRequest, (p: RenderTemplateParams): RenderTemplateResult | null => {
    const t = findTemplate(p?.id);
    return t ? { text: renderTemplate(t, String(p.title ?? ''), p.snippet ? 'snippet' : 'text') } : null;
  });

  connection.onRequest(ListCaseStudiesRequest, (): CaseStudyInfo[] =>
    caseStudies().map((c) => ({ id: c.id, title: c.title, problem: c.problem, category: c.category, summary: c.summary })));

  connection.onRequest(CaseStudyRequest, (p: CaseStudyParams): CaseStudyResult | null => {
    const cs = findCaseStudy(p?.id);
    if (!cs) return null;
    let r = rendered.get(cs.id);
    if (!r) {
      const { html, stepIds } = renderMarkdown(cs.markdown, defaultFramework);
      rendered.set(cs.id, (r = { id: cs.id, title: cs.title, html, stepIds }));
    }
    return r;
  });

  connection.onRequest(PracticePlanRequest, (): PracticePlanResult => ({
    totalMinutes: practice.totalMinutes,
    steps: practice.steps.map((s) => ({
      id: s.id,
      title: defaultFramework.steps.find((f) => f.id === s.id)?.title ?? s.id,
      minutes: s.minutes,
      questions: s.questions,
    })),
  }));
}
