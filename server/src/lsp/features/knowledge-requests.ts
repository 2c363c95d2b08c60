/** The custom requests that serve knowledge: templates, case studies, the practice plan. */
import type { Connection } from 'vscode-languageserver';
import { Requests } from '../../protocol';
import { handle } from '../wire';

type Service = typeof import('../../knowledge/service');
let service: Service | undefined;

/** dist/knowledge.js, loaded on the first knowledge request (kept out of the server's start-up). */
export function knowledge(): Service {
  // In the bundle this file is dist/server.js, so the path is relative to dist/.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up
  service ??= require('./knowledge.js') as Service;
  return service;
}

/** Load the knowledge bundle soon after start, off the first request's path. */
export function warmUpKnowledge(): void {
  setTimeout(() => { try { knowledge(); } catch { /* the first request will report it */ } }, 500).unref();
}

export function registerKnowledgeRequests(connection: Connection): void {
  // Params may be malformed (null, missing fields): read field by field.
  handle(connection, Requests.listTemplates, () => knowledge().listTemplates());
  handle(connection, Requests.renderTemplate, (p) => {
    const text = knowledge().renderTemplateText(String(p?.id), String(p?.title ?? ''), p?.snippet === true);
    return text === undefined ? null : { text };
  });
  handle(connection, Requests.listCaseStudies, () => knowledge().listCaseStudies());
  handle(connection, Requests.caseStudy, (p) => knowledge().caseStudyHtml(String(p?.id)) ?? null);
  handle(connection, Requests.practicePlan, () => knowledge().practicePlan());
}
