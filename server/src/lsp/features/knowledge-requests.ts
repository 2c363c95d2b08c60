/** The custom requests that serve knowledge: templates, case studies, the practice plan. */
import type { Connection } from 'vscode-languageserver';
import {
  CaseStudyRequest, ListCaseStudiesRequest, ListTemplatesRequest, PracticePlanRequest, RenderTemplateRequest,
  type CaseStudyParams, type RenderTemplateParams,
} from '../../protocol';

type Service = typeof import('../../knowledge/service');
let service: Service | undefined;

/** dist/knowledge.js, loaded on the first knowledge request (kept out of the server's start-up). */
export function knowledge(): Service {
  // In the bundle this file is dist/server.js, so the path is relative to dist/.
  service ??= require('./knowledge.js') as Service;
  return service;
}

/** Load the knowledge bundle soon after start, off the first request's path. */
export function warmUpKnowledge(): void {
  setTimeout(() => { try { knowledge(); } catch { /* the first request will report it */ } }, 500).unref();
}

export function registerKnowledgeRequests(connection: Connection): void {
  connection.onRequest(ListTemplatesRequest, () => knowledge().listTemplates());
  connection.onRequest(RenderTemplateRequest, (p: RenderTemplateParams) => {
    const text = knowledge().renderTemplateText(String(p?.id), String(p?.title ?? ''), p?.snippet === true);
    return text === undefined ? null : { text };
  });
  connection.onRequest(ListCaseStudiesRequest, () => knowledge().listCaseStudies());
  connection.onRequest(CaseStudyRequest, (p: CaseStudyParams) => knowledge().caseStudyHtml(String(p?.id)) ?? null);
  connection.onRequest(PracticePlanRequest, () => knowledge().practicePlan());
}
